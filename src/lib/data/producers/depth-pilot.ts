import depthPilot from '../../records/contracts/depth-pilot.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(depthPilot, 'content/experiments/depth-pilot.json');
