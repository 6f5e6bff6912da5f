import nearCritical from '../../records/contracts/near-critical.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(nearCritical, 'content/experiments/near-critical.json');
