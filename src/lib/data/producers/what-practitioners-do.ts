import whatPractitionersDo from '../../records/contracts/what-practitioners-do.ts';
import { defineSweepProducer } from '../sweep-producer.ts';

export default defineSweepProducer(whatPractitionersDo, 'content/experiments/what-practitioners-do.json');
