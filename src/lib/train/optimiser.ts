/**
 * Optimisers, applied by hand to the trainer's variables, each with one learning rate for the
 * hidden layers (weights and biases of layers 1..depth) and another for the readout layer.
 *
 * SGD                θ ← θ − η·g
 * SGD + momentum μ   v ← μ·v + g,   θ ← θ − η·v         (heavy ball in PyTorch's form, v₀ = 0)
 * Adam               t ← t + 1                           (Kingma & Ba 2015, Algorithm 1)
 *                    m ← β₁·m + (1 − β₁)·g
 *                    v ← β₂·v + (1 − β₂)·g²
 *                    m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
 *                    θ ← θ − α·m̂ / (√v̂ + ε)
 * All arithmetic is float32 on the backend except the bias corrections 1 − βᵗ, computed in
 * float64 and then rounded.
 */
import * as tf from '@tensorflow/tfjs';

export type OptimiserSpec =
  | {
      kind: 'sgd';
      /** η of the hidden layers. */
      hiddenLr: number;
      /** η of the readout layer. */
      readoutLr: number;
      /** μ ∈ [0, 1); 0 or absent = plain SGD. */
      momentum?: number;
      /** Clip the gradient by its global norm before the update (`clipByGlobalNorm`); absent = never. */
      clipNorm?: number;
    }
  | {
      kind: 'adam';
      /** α of the hidden layers. */
      hiddenLr: number;
      /** α of the readout layer. */
      readoutLr: number;
      /** β₁ ∈ [0, 1), usually 0.9. */
      beta1: number;
      /** β₂ ∈ [0, 1), usually 0.999. */
      beta2: number;
      /** ε > 0, usually 1e-8. */
      epsilon: number;
    };

/** Which learning rate a parameter uses. */
export type ParameterGroup = 'hidden' | 'readout';

/**
 * Gradient clipping by global norm, as PyTorch's clip_grad_norm_ (Pascanu, Mikolov & Bengio
 * 2013): with N = √(Σ over every parameter tensor of Σ g²) — all layers, weights and biases —
 * every gradient is multiplied by min(1, clipNorm / (N + 1e-6)). A non-finite N gives
 * non-finite gradients (the run then diverges, as it would unclipped).
 */
export function clipByGlobalNorm(gradients: readonly tf.Tensor[], clipNorm: number): tf.Tensor[] {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(gradients.map((g) => tf.sum(tf.square(g)))));
    const coefficient = tf.minimum(tf.div(tf.scalar(clipNorm), tf.add(norm, tf.scalar(1e-6))), tf.scalar(1));
    return gradients.map((g) => tf.mul(g, coefficient));
  });
}

export interface Optimiser {
  /** The global-norm clip (SGD's `clipNorm`), or null: the trainer then needs every gradient before any update. */
  readonly clipNorm: number | null;
  /** Starts step t + 1 (call once per step, before its updates). */
  beginStep(): void;
  /** Applies this step's update to parameter `index` given its gradient. */
  update(index: number, gradient: tf.Tensor): void;
  dispose(): void;
}

/** An optimiser for `parameters` (each with its group), holding its state (v, m) on the backend. */
export function createOptimiser(spec: OptimiserSpec, parameters: readonly { variable: tf.Variable; group: ParameterGroup }[]): Optimiser {
  validateOptimiser(spec);
  const lr = { hidden: tf.keep(tf.scalar(spec.hiddenLr)), readout: tf.keep(tf.scalar(spec.readoutLr)) };
  const rate = (index: number): tf.Scalar => lr[parameters[index]!.group];
  const zerosLikeAll = () => parameters.map(({ variable }) => tf.keep(tf.zerosLike(variable)));
  const scalars = (...values: number[]) => values.map((value) => tf.keep(tf.scalar(value)));
  const disposeAll = (tensors: tf.Tensor[]) => tensors.forEach((t) => t.dispose());
  const assign = (index: number, value: tf.Tensor) => parameters[index]!.variable.assign(value);

  const clipNorm = spec.kind === 'sgd' && spec.clipNorm !== undefined ? spec.clipNorm : null;
  if (spec.kind === 'sgd' && !spec.momentum) {
    return {
      clipNorm,
      beginStep() {},
      update: (i, g) => tf.tidy(() => assign(i, tf.sub(parameters[i]!.variable, tf.mul(rate(i), g)))),
      dispose: () => disposeAll([lr.hidden, lr.readout]),
    };
  }

  if (spec.kind === 'sgd') {
    const velocity = zerosLikeAll();
    const [mu] = scalars(spec.momentum!) as [tf.Scalar];
    return {
      clipNorm,
      beginStep() {},
      update: (i, g) =>
        tf.tidy(() => {
          const v = tf.add(tf.mul(mu, velocity[i]!), g);
          replace(velocity, i, v);
          assign(i, tf.sub(parameters[i]!.variable, tf.mul(rate(i), v)));
        }),
      dispose: () => disposeAll([lr.hidden, lr.readout, mu, ...velocity]),
    };
  }

  const m = zerosLikeAll();
  const v = zerosLikeAll();
  const [beta1, beta2, oneMinusBeta1, oneMinusBeta2, epsilon] = scalars(
    spec.beta1,
    spec.beta2,
    1 - spec.beta1,
    1 - spec.beta2,
    spec.epsilon,
  ) as [tf.Scalar, tf.Scalar, tf.Scalar, tf.Scalar, tf.Scalar];
  let t = 0;
  let corrections: [tf.Scalar, tf.Scalar] | null = null;
  return {
    clipNorm: null,
    beginStep() {
      t += 1;
      corrections?.forEach((c) => c.dispose());
      corrections = scalars(1 - spec.beta1 ** t, 1 - spec.beta2 ** t) as [tf.Scalar, tf.Scalar];
    },
    update: (i, g) =>
      tf.tidy(() => {
        if (!corrections) throw new Error('Adam: beginStep() must be called before update()');
        const mi = tf.add(tf.mul(beta1, m[i]!), tf.mul(oneMinusBeta1, g));
        const vi = tf.add(tf.mul(beta2, v[i]!), tf.mul(oneMinusBeta2, tf.square(g)));
        replace(m, i, mi);
        replace(v, i, vi);
        const mHat = tf.div(mi, corrections[0]);
        const vHat = tf.div(vi, corrections[1]);
        assign(i, tf.sub(parameters[i]!.variable, tf.mul(rate(i), tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon)))));
      }),
    dispose: () => disposeAll([lr.hidden, lr.readout, beta1, beta2, oneMinusBeta1, oneMinusBeta2, epsilon, ...m, ...v, ...(corrections ?? [])]),
  };
}

/** Swaps state tensor `index` for `value` (kept beyond the enclosing tidy). */
function replace(state: tf.Tensor[], index: number, value: tf.Tensor): void {
  state[index]!.dispose();
  state[index] = tf.keep(value);
}

/** Throws a RangeError naming the first invalid field. */
export function validateOptimiser(spec: OptimiserSpec): void {
  const check = (field: string, value: number | undefined, ok: (x: number) => boolean, range: string) => {
    if (value === undefined || !Number.isFinite(value) || !ok(value)) {
      throw new RangeError(`optimiser.${field} must be ${range}, got ${value}`);
    }
  };
  check('hiddenLr', spec.hiddenLr, (x) => x >= 0, 'a finite number ≥ 0');
  check('readoutLr', spec.readoutLr, (x) => x >= 0, 'a finite number ≥ 0');
  if (spec.kind === 'sgd') {
    if (spec.momentum !== undefined) check('momentum', spec.momentum, (x) => x >= 0 && x < 1, 'in [0, 1)');
    if (spec.clipNorm !== undefined) check('clipNorm', spec.clipNorm, (x) => x > 0, 'a finite number > 0');
  } else if (spec.kind === 'adam') {
    check('beta1', spec.beta1, (x) => x >= 0 && x < 1, 'in [0, 1)');
    check('beta2', spec.beta2, (x) => x >= 0 && x < 1, 'in [0, 1)');
    check('epsilon', spec.epsilon, (x) => x > 0, 'a finite number > 0');
  } else {
    throw new RangeError(`optimiser.kind must be "sgd" or "adam", got ${(spec as { kind: unknown }).kind}`);
  }
}
