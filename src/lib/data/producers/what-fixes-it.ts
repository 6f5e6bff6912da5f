import whatFixesIt from '../../records/contracts/what-fixes-it.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(whatFixesIt, 'content/experiments/what-fixes-it.json');
