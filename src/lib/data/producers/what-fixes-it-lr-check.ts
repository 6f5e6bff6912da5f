import whatFixesItLrCheck from '../../records/contracts/what-fixes-it-lr-check.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(whatFixesItLrCheck, 'content/experiments/what-fixes-it-lr-check.json');
