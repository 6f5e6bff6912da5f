import { defineSweepDataset } from '../sweep-dataset';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineSweepDataset({
  id: 'trainability-lr-pilot',
  title: 'Pilot: which SGD learning rate separates trainable from untrainable tanh networks in 300 steps',
  experimentFile: 'content/experiments/trainability-lr-pilot.json',
});
