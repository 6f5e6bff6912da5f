import nearCriticalLrCheck from '../../records/contracts/near-critical-lr-check.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(nearCriticalLrCheck, 'content/experiments/near-critical-lr-check.json');
