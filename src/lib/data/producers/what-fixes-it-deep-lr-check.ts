import whatFixesItDeepLrCheck from '../../records/contracts/what-fixes-it-deep-lr-check.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(whatFixesItDeepLrCheck, 'content/experiments/what-fixes-it-deep-lr-check.json');
