import { describe, expect, it } from 'vitest';
import { forward64 } from '../../../src/lib/math/mlp64';
import { activationOf } from '../../../src/lib/math/network';
import { teacherStudent, type TeacherStudentOptions } from '../../../src/lib/tasks/teacher-student';

const base: TeacherStudentOptions = {
  seed: 5,
  inputSize: 12,
  outputSize: 4,
  teacher: { width: 32, depth: 2, activation: { kind: 'tanhN', n: 2 } },
  trainCount: 2000,
  testCount: 500,
  kind: 'regression',
};

function bytes(a: Float32Array | Int32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function meanSquare(a: Float32Array): number {
  let s = 0;
  for (const v of a) s += v * v;
  return s / a.length;
}

describe('teacher–student tasks', () => {
  it('have the documented shapes', () => {
    const d = teacherStudent(base);
    expect(d.kind).toBe('regression');
    expect(d.inputSize).toBe(12);
    expect(d.outputSize).toBe(4);
    expect(d.train.count).toBe(2000);
    expect(d.train.x).toHaveLength(2000 * 12);
    expect(d.train.targets).toHaveLength(2000 * 4);
    expect(d.test.x).toHaveLength(500 * 12);
    expect(d.test.targets).toHaveLength(500 * 4);
    expect(d.train.labels).toBeUndefined();
    expect(d.teacher.params.weights.map((w) => w.length)).toEqual([12 * 32, 32 * 32, 32 * 4]);
    expect(d.description).toContain('seed 5');
    const c = teacherStudent({ ...base, kind: 'classification' });
    expect(c.train.labels).toHaveLength(2000);
    expect(c.train.targets).toBeUndefined();
  });

  it('are deterministic in the seed', () => {
    const a = teacherStudent(base);
    const b = teacherStudent(base);
    const c = teacherStudent({ ...base, seed: 6 });
    expect(bytes(a.train.x).equals(bytes(b.train.x))).toBe(true);
    expect(bytes(a.train.targets!).equals(bytes(b.train.targets!))).toBe(true);
    expect(bytes(a.test.targets!).equals(bytes(b.test.targets!))).toBe(true);
    expect(bytes(a.train.x).equals(bytes(c.train.x))).toBe(false);
    expect(bytes(a.train.targets!).equals(bytes(c.train.targets!))).toBe(false);
  });

  it('inputs are N(0, 1) per coordinate', () => {
    const { x } = teacherStudent(base).train;
    let s = 0;
    for (const v of x) s += v;
    expect(Math.abs(s / x.length)).toBeLessThan(5 / Math.sqrt(x.length));
    expect(Math.abs(meanSquare(x) - 1)).toBeLessThan(5 * Math.sqrt(2 / x.length));
  });

  it('targets are the teacher network applied to the inputs, standardised to O(1)', () => {
    for (const activation of [{ kind: 'tanhN', n: 0.5 }, { kind: 'tanhN', n: 4 }, { kind: 'relu' }, { kind: 'lecun' }] as const) {
      const d = teacherStudent({ ...base, teacher: { ...base.teacher, activation } });
      const y = d.train.targets!;
      // Per output: mean ≈ 0, sd ≈ 1 (standardised on independent calibration inputs).
      for (let k = 0; k < 4; k++) {
        let s = 0;
        let s2 = 0;
        for (let i = 0; i < d.train.count; i++) {
          s += y[i * 4 + k]!;
          s2 += y[i * 4 + k]! ** 2;
        }
        const mean = s / d.train.count;
        const sd = Math.sqrt(s2 / d.train.count - mean * mean);
        expect(Math.abs(mean)).toBeLessThan(0.15);
        expect(sd).toBeGreaterThan(0.85);
        expect(sd).toBeLessThan(1.15);
      }
      // Recompute example 0 by hand from the returned parameters.
      const { spec, params } = d.teacher;
      const f = activationOf(spec.activation).f;
      let h = Array.from(d.train.x.subarray(0, 12));
      for (let l = 0; l <= spec.depth; l++) {
        const W = params.weights[l]!;
        const b = params.biases[l]!;
        const fanOut = b.length;
        const z = Array.from(b);
        h.forEach((hj, j) => {
          for (let k = 0; k < fanOut; k++) z[k]! += hj * W[j * fanOut + k]!;
        });
        h = l < spec.depth ? z.map(f) : z;
      }
      for (let k = 0; k < 4; k++) expect(y[k]).toBeCloseTo(h[k]!, 5);
    }
  });

  it('targets agree with the float64 reference forward pass (mlp64) on the returned teacher', () => {
    const d = teacherStudent({ ...base, teacher: { ...base.teacher, activation: { kind: 'tanhN', n: 3 } } });
    const { logits } = forward64(d.teacher.spec, d.teacher.params, Float64Array.from(d.test.x));
    let worst = 0;
    for (let i = 0; i < logits.length; i++) worst = Math.max(worst, Math.abs(logits[i]! - d.test.targets![i]!));
    expect(worst).toBeLessThan(1e-5); // float32 storage of the targets
  });

  it('noise adds the requested variance; cleanTest leaves the test split exact', () => {
    const clean = teacherStudent(base);
    const noisy = teacherStudent({ ...base, noise: 0.5, cleanTest: true });
    expect(bytes(noisy.train.x).equals(bytes(clean.train.x))).toBe(true);
    const diff = noisy.train.targets!.map((v, i) => v - clean.train.targets![i]!);
    expect(meanSquare(diff)).toBeGreaterThan(0.25 * 0.9);
    expect(meanSquare(diff)).toBeLessThan(0.25 * 1.1);
    expect(bytes(noisy.test.targets!).equals(bytes(clean.test.targets!))).toBe(true);
    const noisyTest = teacherStudent({ ...base, noise: 0.5 });
    expect(bytes(noisyTest.test.targets!).equals(bytes(clean.test.targets!))).toBe(false);
  });

  it('the teacher and test set do not depend on trainCount; a smaller train set is a prefix', () => {
    const big = teacherStudent(base);
    const small = teacherStudent({ ...base, trainCount: 300 });
    expect(bytes(small.test.x).equals(bytes(big.test.x))).toBe(true);
    expect(bytes(small.test.targets!).equals(bytes(big.test.targets!))).toBe(true);
    expect(bytes(small.train.x).equals(bytes(big.train.x.subarray(0, 300 * 12)))).toBe(true);
    expect(small.teacher.params.weights[0]).toEqual(big.teacher.params.weights[0]);
  });

  it('classification labels spread over all classes', () => {
    for (const activation of [{ kind: 'tanhN', n: 1 }, { kind: 'relu' }] as const) {
      const d = teacherStudent({ ...base, outputSize: 10, kind: 'classification', teacher: { ...base.teacher, activation } });
      for (const split of [d.train, d.test]) {
        const counts = new Array<number>(10).fill(0);
        for (const l of split.labels!) {
          expect(l).toBeGreaterThanOrEqual(0);
          expect(l).toBeLessThan(10);
          counts[l]! += 1;
        }
        // Every class present and none dominant (uniform would be 10% each).
        for (const c of counts) expect(c / split.count).toBeGreaterThan(0.02);
        expect(Math.max(...counts) / split.count).toBeLessThan(0.3);
      }
    }
  });

  it('rejects invalid options', () => {
    expect(() => teacherStudent({ ...base, trainCount: 0 })).toThrow(RangeError);
    expect(() => teacherStudent({ ...base, noise: -1 })).toThrow(RangeError);
    expect(() => teacherStudent({ ...base, kind: 'classification', outputSize: 1 })).toThrow(RangeError);
  });
});
