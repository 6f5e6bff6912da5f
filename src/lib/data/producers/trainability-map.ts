import trainabilityMap from '../../records/contracts/trainability-map.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(trainabilityMap, 'content/experiments/trainability-map.json');
