import { describe, expect, it } from 'vitest';
import { erf, probabilityInside } from '../../../src/lib/math/normal.ts';

// Reference values of erf from Abramowitz & Stegun table 7.1 / standard tables (16 digits).
const table: Array<[number, number]> = [
  [0.1, 0.1124629160182849],
  [0.5, 0.5204998778130465],
  [1, 0.8427007929497149],
  [2, 0.9953222650189527],
  [2.5, 0.9995930479825550],
  [3, 0.9999779095030014],
  [4, 0.9999999845827421],
];

describe('the error function', () => {
  it.each(table)('erf(%f) matches tables to 1e-14', (x, value) => {
    expect(Math.abs(erf(x) - value)).toBeLessThan(1e-14);
    expect(erf(-x)).toBe(-erf(x));
  });

  it('erfc stays accurate in the tail (erf(6) = 1 − 2.15e-17 rounds to 1)', () => {
    expect(erf(6)).toBe(1);
    expect(erf(0)).toBe(0);
  });

  it('P(|z| < 1.96σ) is 95%', () => {
    expect(probabilityInside(1.959963984540054 * 3, 9)).toBeCloseTo(0.95, 12);
    expect(probabilityInside(0.5, 0)).toBe(1);
  });
});
