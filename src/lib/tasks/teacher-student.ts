/**
 * Teacher–student tasks: inputs x ~ N(0, I), targets from a fixed random "teacher" network.
 *
 * Random streams (all from `seed`), so each piece depends only on what it should:
 * - 'teacher'             teacher weights and biases (layer by layer, weights then biases)
 * - 'teacher-calibration' 4,096 inputs used only to standardise the teacher's outputs
 * - 'inputs:train', 'inputs:test'  the inputs of each split
 * - 'noise:train', 'noise:test'    the output noise of each split
 * The teacher is therefore independent of trainCount/testCount, the test set is independent of
 * trainCount, and a smaller trainCount gives a prefix of a larger one.
 *
 * Default teacher initialisation (hidden layers): W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²) with
 * σ_w² = 1, σ_b² = 0 — first-layer pre-activations are then N(0, 1) for any input size, and
 * (σ_w², σ_b²) = (1, 0) is the order/chaos boundary of tanh. The readout is drawn the same way and
 * then an affine map is folded into it so that every teacher output has mean 0 and standard
 * deviation 1 over the calibration inputs: regression targets are O(1) whatever the activation
 * and depth (MSE 1 ≈ predicting the mean), and argmax classes are roughly balanced.
 */
import { Random } from '../math/random';
import { activationOf, type ActivationSpec, layerShape, type NetworkSpec, type Parameters } from '../math/network';
import type { Split, TaskData } from './dataset';

export interface TeacherSpec {
  width: number;
  /** Hidden layers. */
  depth: number;
  activation: ActivationSpec;
  /** Hidden and readout weight variance × fan-in. Default 1. */
  sw2?: number;
  /** Hidden bias variance (the readout bias is set by the standardisation). Default 0. */
  sb2?: number;
}

export interface TeacherStudentOptions {
  seed: number;
  inputSize: number;
  outputSize: number;
  teacher: TeacherSpec;
  trainCount: number;
  testCount: number;
  kind: 'regression' | 'classification';
  /**
   * Sd of Gaussian noise added to the (standardised, unit-variance) teacher outputs before they
   * become regression targets or, for classification, before the argmax. Default 0.
   */
  noise?: number;
  /** Leave the test split noise-free (targets/labels = the teacher exactly). Default false. */
  cleanTest?: boolean;
}

export interface TeacherStudentData extends TaskData {
  /** The teacher as a network (readout standardisation folded in): targets = forward(x) (+ noise). */
  teacher: { spec: NetworkSpec; params: Parameters };
}

export const CALIBRATION_COUNT = 4096;

export function teacherStudent(options: TeacherStudentOptions): TeacherStudentData {
  const { seed, inputSize, outputSize, teacher, trainCount, testCount, kind, noise = 0, cleanTest = false } = options;
  const sw2 = teacher.sw2 ?? 1;
  const sb2 = teacher.sb2 ?? 0;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  for (const [name, v, min] of [
    ['inputSize', inputSize, 1],
    ['outputSize', outputSize, kind === 'classification' ? 2 : 1],
    ['teacher.width', teacher.width, 1],
    ['teacher.depth', teacher.depth, 0],
    ['trainCount', trainCount, 1],
    ['testCount', testCount, 0],
  ] as const) {
    if (!(Number.isInteger(v) && v >= min)) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${v}`);
  }
  if (!(Number.isFinite(sw2) && sw2 > 0)) throw new RangeError(`teacher.sw2 must be > 0, got ${sw2}`);
  if (!(Number.isFinite(sb2) && sb2 >= 0)) throw new RangeError(`teacher.sb2 must be ≥ 0, got ${sb2}`);
  if (!(Number.isFinite(noise) && noise >= 0)) throw new RangeError(`noise must be ≥ 0, got ${noise}`);
  if (kind !== 'regression' && kind !== 'classification') throw new RangeError(`kind must be 'regression' or 'classification', got ${String(kind)}`);

  const spec: NetworkSpec = { inputSize, width: teacher.width, depth: teacher.depth, outputSize, activation: teacher.activation };
  const params = drawTeacher(spec, sw2, sb2, Random.stream(seed, 'teacher'));
  standardiseReadout(spec, params, gaussianInputs(CALIBRATION_COUNT, inputSize, Random.stream(seed, 'teacher-calibration')));

  const makeSplit = (count: number, name: 'train' | 'test'): Split => {
    const x32 = new Float32Array(count * inputSize);
    if (count === 0) return kind === 'regression' ? { x: x32, targets: new Float32Array(0), count } : { x: x32, labels: new Int32Array(0), count };
    // Inputs drawn in float64, stored as float32; the teacher sees the float32 values the student sees.
    const x = gaussianInputs(count, inputSize, Random.stream(seed, `inputs:${name}`));
    for (let i = 0; i < x.length; i++) x32[i] = x[i]!;
    const y = forward(spec, params, Float64Array.from(x32), count);
    const sd = name === 'test' && cleanTest ? 0 : noise;
    if (sd > 0) {
      const rng = Random.stream(seed, `noise:${name}`);
      for (let i = 0; i < y.length; i++) y[i]! += sd * rng.normal();
    }
    if (kind === 'regression') return { x: x32, targets: Float32Array.from(y), count };
    return { x: x32, labels: argmaxRows(y, count, outputSize), count };
  };
  const train = makeSplit(trainCount, 'train');
  const test = makeSplit(testCount, 'test');

  const act = activationOf(teacher.activation);
  const description =
    `Teacher–student ${kind}: inputs x ~ N(0, I_${inputSize}); teacher ${inputSize}→[${teacher.width}×${teacher.depth}]→${outputSize} ` +
    `with ${act.label} hidden units, W ~ N(0, ${sw2}/fan_in), hidden b ~ N(0, ${sb2}) from Random.stream(${seed}, 'teacher'); ` +
    `readout rescaled and shifted so each output has mean 0 and sd 1 over ${CALIBRATION_COUNT} calibration inputs. ` +
    (kind === 'regression' ? 'Targets = teacher outputs' : 'Labels = argmax of teacher outputs') +
    (noise > 0 ? ` (+ N(0, ${noise}²) noise${cleanTest ? ', train only' : ''})` : '') +
    `. ${trainCount.toLocaleString('en-US')} training and ${testCount.toLocaleString('en-US')} test examples, seed ${seed}.`;

  return { name: 'teacher-student', inputSize, outputSize, kind, train, test, description, teacher: { spec, params } };
}

function drawTeacher(spec: NetworkSpec, sw2: number, sb2: number, rng: Random): Parameters {
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l <= spec.depth; l++) {
    const [fanIn, fanOut] = layerShape(spec, l);
    weights.push(rng.fillNormal(new Float64Array(fanIn * fanOut), Math.sqrt(sw2 / fanIn)));
    biases.push(l < spec.depth ? rng.fillNormal(new Float64Array(fanOut), Math.sqrt(sb2)) : new Float64Array(fanOut));
  }
  return { weights, biases };
}

function gaussianInputs(count: number, inputSize: number, rng: Random): Float64Array {
  return rng.fillNormal(new Float64Array(count * inputSize), 1);
}

/** Folds y ← (y − mean)/sd per output (over `x`) into the readout weights and bias. */
function standardiseReadout(spec: NetworkSpec, params: Parameters, x: Float64Array): void {
  const count = x.length / spec.inputSize;
  const y = forward(spec, params, x, count);
  const K = spec.outputSize;
  const W = params.weights[spec.depth]!;
  const b = params.biases[spec.depth]!;
  const fanIn = W.length / K;
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let i = 0; i < count; i++) s += y[i * K + k]!;
    const m = s / count;
    let v = 0;
    for (let i = 0; i < count; i++) v += (y[i * K + k]! - m) ** 2;
    const sd = Math.sqrt(v / count);
    const scale = sd > 0 ? 1 / sd : 1; // a constant output (degenerate teacher) is only centred
    for (let j = 0; j < fanIn; j++) W[j * K + k]! *= scale;
    b[k] = (b[k]! - m) * scale;
  }
}

/** Float64 forward pass of a batch: x row-major [count × inputSize] → outputs [count × outputSize]. */
export function forward(spec: NetworkSpec, params: Parameters, x: Float64Array, count: number): Float64Array {
  const f = activationOf(spec.activation).f;
  let h = x;
  for (let l = 0; l <= spec.depth; l++) {
    const [fanIn, fanOut] = layerShape(spec, l);
    const W = params.weights[l]!;
    const b = params.biases[l]!;
    const z = new Float64Array(count * fanOut);
    for (let i = 0; i < count; i++) {
      const row = z.subarray(i * fanOut, (i + 1) * fanOut);
      row.set(b);
      for (let j = 0; j < fanIn; j++) {
        const hij = h[i * fanIn + j]!;
        if (hij === 0) continue;
        const wRow = j * fanOut;
        for (let k = 0; k < fanOut; k++) row[k]! += hij * W[wRow + k]!;
      }
      if (l < spec.depth) for (let k = 0; k < fanOut; k++) row[k] = f(row[k]!);
    }
    h = z;
  }
  return h;
}

function argmaxRows(y: Float64Array, count: number, K: number): Int32Array {
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (y[i * K + k]! > y[i * K + best]!) best = k;
    labels[i] = best;
  }
  return labels;
}
