import oneWayStreetPerPixel from '../../records/contracts/one-way-street-per-pixel.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(oneWayStreetPerPixel, 'content/experiments/one-way-street-per-pixel.json');
