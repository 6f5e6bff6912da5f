/**
 * What a reader can set in the training lab (/lab/), its limits, and the presets that repeat the
 * site's headline runs. Plain data and small checks only: the island imports this module, so it
 * must stay free of the math it configures (the worker does the computing).
 */

export type LabTask = 'teacher-student' | 'mnist';
export type LabOptimiser = 'sgd' | 'adam';

export interface LabConfig {
  task: LabTask;
  /** The n of the hidden activation tanh(n·x). */
  n: number;
  /** Hidden layers (1..100). */
  depth: number;
  /** Units per hidden layer. */
  width: number;
  /** σ_w²: weight variance × fan-in, W ~ N(0, σ_w²/fan_in). */
  sw2: number;
  /** σ_b²: bias variance, b ~ N(0, σ_b²). */
  sb2: number;
  optimiser: LabOptimiser;
  /** Learning rate (SGD η or Adam α), the same for every layer. */
  lr: number;
  batchSize: number;
  /** Seed of the initial weights and of the mini-batch order. */
  seed: number;
  /** Training stops by itself after this many steps. */
  steps: number;
  /** Also train the rescaled plain-tanh network in lockstep and plot how far the two are apart. */
  twin: boolean;
}

/** Adam's other constants (Kingma & Ba's defaults), fixed in the lab. */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

/**
 * The teacher–student task of the lab: 16 Gaussian inputs, 4 classes given by the argmax of a
 * fixed random tanh teacher (2 hidden layers of 32 units, σ_w² = 1), 2,048 training and 512 test
 * examples, always drawn from task seed 1 (the lab's seed sets the student's weights and batches).
 */
export const TEACHER_STUDENT = {
  seed: 1,
  inputSize: 16,
  outputSize: 4,
  teacher: { width: 32, depth: 2, activation: { kind: 'tanhN', n: 1 } as const, sw2: 1, sb2: 0 },
  trainCount: 2048,
  testCount: 512,
  kind: 'classification',
} as const;

/** The MNIST subset of the lab (written by the build, see mnist-subset.ts). */
export const MNIST_SUBSET = { file: 'lab/mnist-subset.bin', trainCount: 2000, testCount: 500, seed: 1 } as const;

/** Test loss and accuracy are measured every this many steps (and at step 0). */
export const EVAL_EVERY = 50;

/** Inclusive limits of each numeric setting, and the step of its input. */
export const LIMITS = {
  n: { min: 0.1, max: 5, step: 0.1 },
  depth: { min: 1, max: 100, step: 1 },
  width: { min: 2, max: 256, step: 1 },
  sw2: { min: 0.01, max: 10, step: 0.01 },
  sb2: { min: 0, max: 2, step: 0.01 },
  lr: { min: 1e-5, max: 10, step: 'any' },
  batchSize: { min: 1, max: 256, step: 1 },
  seed: { min: 0, max: 2 ** 31 - 1, step: 1 },
  steps: { min: 1, max: 20000, step: 1 },
} as const satisfies Record<string, { min: number; max: number; step: number | 'any' }>;

export type NumericSetting = keyof typeof LIMITS;
export const INTEGER_SETTINGS: readonly NumericSetting[] = ['depth', 'width', 'batchSize', 'seed', 'steps'];

export const DEFAULT_CONFIG: LabConfig = {
  task: 'teacher-student',
  n: 2,
  depth: 50,
  width: 64,
  sw2: 1,
  sb2: 0,
  optimiser: 'sgd',
  lr: 0.01,
  batchSize: 32,
  seed: 1,
  steps: 500,
  twin: false,
};

/** Problems with a configuration, one message per field (empty when it is usable). */
export function configProblems(config: LabConfig): string[] {
  const problems: string[] = [];
  if (config.task !== 'teacher-student' && config.task !== 'mnist') problems.push(`task must be teacher-student or mnist`);
  if (config.optimiser !== 'sgd' && config.optimiser !== 'adam') problems.push(`optimiser must be sgd or adam`);
  for (const key of Object.keys(LIMITS) as NumericSetting[]) {
    const value = config[key];
    const { min, max } = LIMITS[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      problems.push(`${key} must be a number from ${min} to ${max}`);
    } else if (INTEGER_SETTINGS.includes(key) && !Number.isInteger(value)) {
      problems.push(`${key} must be a whole number`);
    }
  }
  if (config.task === 'teacher-student' && config.batchSize > TEACHER_STUDENT.trainCount) problems.push('batchSize must not exceed the training set');
  return problems;
}

export interface Preset {
  id: string;
  label: string;
  /** What the preset repeats, and how it differs from the original run. */
  about: string;
  /** Page path (without the base) and figure anchor it repeats. */
  figure: { page: string; anchor: string; title: string };
  config: LabConfig;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'exploding-init',
    label: 'tanh(2x) at σ_w² = 1, depth 50: exploding gradients',
    about:
      'The depth-50 tanh(2x) network of the figure “gradients at initialisation” (there measured on MNIST): ' +
      'at step 0 the gradient grows towards the input by about √χ1 per layer, as the dashed line predicts.',
    figure: { page: 'order-and-chaos/', anchor: 'fig-gradients-at-init', title: 'Gradients at initialisation' },
    config: { ...DEFAULT_CONFIG },
  },
  {
    id: 'one-way-street',
    label: 'The one-way street: an exploding start on MNIST',
    about:
      'One run of the one-way-street sweep (MNIST, depth 20, width 128, tanh(2x) at σ_w² = 1, SGD η = 0.01, batch 64), ' +
      'on the lab’s 2,000-image subset: watch the early-layer gradients fall as training saturates the units.',
    figure: { page: 'one-way-street/', anchor: 'fig-one-way-street-gain', title: 'Gain trajectories' },
    config: { ...DEFAULT_CONFIG, task: 'mnist', depth: 20, width: 128, batchSize: 64, steps: 400 },
  },
  {
    id: 'change-of-units',
    label: 'Change of units: tanh(2x) and its plain-tanh twin, SGD',
    about:
      'The change-of-units comparison (depth 6, width 96, σ_w² = 1, σ_b² = 0.05, SGD η = 0.05, batch 64; there on MNIST): ' +
      'the twin, a plain tanh network with weights and biases ×2 and hidden learning rate ×4, stays on the same path.',
    figure: { page: 'change-of-units/', anchor: 'fig-units-differences', title: 'How far apart the twins drift' },
    config: { ...DEFAULT_CONFIG, depth: 6, width: 96, sb2: 0.05, lr: 0.05, batchSize: 64, steps: 300, twin: true },
  },
  {
    id: 'edge-of-chaos',
    label: 'tanh(2x) at the edge of chaos (σ_w² = 1/4), depth 50',
    about:
      'The critical initialisation of “what fixes it”: weights with standard deviation 1/n, so χ1 = 1 and the gradient ' +
      'neither grows nor shrinks with depth (there trained on MNIST).',
    figure: { page: 'what-fixes-it/', anchor: 'fig-accuracy-vs-depth', title: 'Accuracy against depth' },
    config: { ...DEFAULT_CONFIG, sw2: 0.25 },
  },
  {
    id: 'adam-twin',
    label: 'Change of units with Adam: tanh(3x) and its twin',
    about:
      'Adam on tanh(3x) against the plain tanh network with weights ×3, hidden rate ×3 and ε/3: the matched pair of the ' +
      'change-of-units figure, on the teacher–student task.',
    figure: { page: 'change-of-units/', anchor: 'fig-units-differences', title: 'How far apart the twins drift' },
    config: { ...DEFAULT_CONFIG, n: 3, depth: 6, width: 96, sb2: 0.05, optimiser: 'adam', lr: 0.001, batchSize: 64, steps: 300, twin: true },
  },
];
