import { defineSweepDataset } from '../sweep-dataset';

/** MNIST training of tanh(n·x) networks at depths 10 and 30: see the experiment file. */
export default defineSweepDataset({
  id: 'depth-pilot',
  title: 'MNIST training of tanh(n·x) networks, n from 0.5 to 3, depths 10 and 30, standard initialisation',
  experimentFile: 'content/experiments/depth-pilot.json',
});
