import trainabilityRay from '../../records/contracts/trainability-ray.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(trainabilityRay, 'content/experiments/trainability-ray.json');
