import { defineSweepDataset } from '../sweep-dataset';

/** See the experiment file for what this sweep asks and how it is configured. */
export default defineSweepDataset({
  id: 'trainability-ray',
  title: 'Test accuracy of tanh(n·x) networks on MNIST after 300 SGD steps, across depth and n at σ_w² = 1, σ_b² = 0',
  experimentFile: 'content/experiments/trainability-ray.json',
});
