// A lab session: the presets are valid settings; the twin of a tanh(2x) network under SGD stays
// the same point as it in float64 (2 is a power of two: every scaled operation is exact), while
// an unmatched twin (the plain rate) leaves it; the prediction is √χ1 per layer.
import { describe, expect, it } from 'vitest';
import { tanhN } from '../../../src/lib/math/activations';
import { chi1 } from '../../../src/lib/math/meanfield';
import { DEFAULT_CONFIG, PRESETS, configProblems, type LabConfig } from '../../../src/lib/lab/config';
import { LabSession, predictedGradientNorms } from '../../../src/lib/lab/session';
import { teacherStudentLabData } from '../../../src/lib/lab/tasks';

const small: LabConfig = { ...DEFAULT_CONFIG, depth: 5, width: 16, batchSize: 16, steps: 30, twin: true, sb2: 0.05, lr: 0.05 };

describe('lab settings and sessions', () => {
  it('every preset is a valid configuration, and bad ones are named', () => {
    for (const preset of PRESETS) expect(configProblems(preset.config), preset.id).toEqual([]);
    expect(configProblems({ ...DEFAULT_CONFIG, depth: 101, lr: 0, seed: 1.5 })).toEqual([
      'depth must be a number from 1 to 100',
      'lr must be a number from 0.00001 to 10',
      'seed must be a whole number',
    ]);
  });

  it('the n = 2 SGD twin stays at the same point (relative difference 0) for 30 steps', () => {
    const session = new LabSession(small, teacherStudentLabData());
    for (let s = 0; s < 30; s++) {
      const r = session.step();
      expect(r.twin!.difference).toBe(0);
      expect(r.twin!.loss).toBe(r.loss);
    }
  });

  it('the n = 3 Adam twin stays within rounding (< 1e-12) for 30 steps', () => {
    const session = new LabSession({ ...small, n: 3, optimiser: 'adam', lr: 0.003 }, teacherStudentLabData());
    let largest = 0;
    for (let s = 0; s < 30; s++) largest = Math.max(largest, session.step().twin!.difference);
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(1e-12);
  });

  it('the same settings give the same run; another seed another', () => {
    const a = new LabSession(small, teacherStudentLabData());
    const b = new LabSession(small, teacherStudentLabData());
    const c = new LabSession({ ...small, seed: 2 }, teacherStudentLabData());
    const la = Array.from({ length: 5 }, () => a.step().loss);
    expect(Array.from({ length: 5 }, () => b.step().loss)).toEqual(la);
    expect(Array.from({ length: 5 }, () => c.step().loss)).not.toEqual(la);
  });

  it('predicts ‖∂L/∂h_l‖ = ‖∂L/∂h_L‖·χ1^((L − l)/2)', () => {
    const config = { ...DEFAULT_CONFIG, depth: 4, n: 2, sw2: 1, sb2: 0.05 };
    const { chi1: c, norms } = predictedGradientNorms(config, 2);
    expect(c).toBe(chi1(tanhN(2), 1, 0.05));
    expect(norms).toEqual([2 * c ** 1.5, 2 * c, 2 * c ** 0.5, 2]);
  });
});
