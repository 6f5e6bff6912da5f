import trainabilityRayInitOnly from '../../records/contracts/trainability-ray-init-only.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(trainabilityRayInitOnly, 'content/experiments/trainability-ray-init-only.json');
