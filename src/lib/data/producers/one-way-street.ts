import oneWayStreet from '../../records/contracts/one-way-street.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(oneWayStreet, 'content/experiments/one-way-street.json');
