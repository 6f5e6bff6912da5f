import trainabilityLrPilot from '../../records/contracts/trainability-lr-pilot.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(trainabilityLrPilot, 'content/experiments/trainability-lr-pilot.json');
