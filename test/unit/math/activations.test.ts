import { describe, expect, it } from 'vitest';

import {
  type Activation,
  formatCoefficient,
  lecunTanh,
  scaledTanh,
  tanh1,
  tanhN,
} from '../../../src/lib/math/activations';
import { D40, exactDecimal, relativeError } from './decimal-reference';

/** Central difference (g(x + h) − g(x − h)) / 2h: error ~h²·g‴/6 + ε_mach·|g|/h. */
function centralDifference(g: (x: number) => number, x: number, h: number): number {
  return (g(x + h) - g(x - h)) / (2 * h);
}

const cases: { name: string; activation: Activation; a: number; b: number }[] = [
  { name: 'tanh(0.5x)', activation: tanhN(0.5), a: 1, b: 0.5 },
  { name: 'tanh(x)', activation: tanh1, a: 1, b: 1 },
  { name: 'tanh(2x)', activation: tanhN(2), a: 1, b: 2 },
  { name: 'tanh(5x)', activation: tanhN(5), a: 1, b: 5 },
  { name: '1.7159·tanh(2x/3)', activation: lecunTanh, a: 1.7159, b: 2 / 3 },
  { name: '3·tanh(0.25x)', activation: scaledTanh(3, 0.25), a: 3, b: 0.25 },
];
const xs = [-3, -1, -0.4, -0.01, 0, 0.01, 0.3, 0.7, 1, 2.2, 4];

describe.each(cases)('$name', ({ activation, a, b }) => {
  it('f′ matches central finite differences of f', () => {
    for (const x of xs) {
      const h = 1e-5 / b;
      const scale = a * b;
      expect(Math.abs(activation.df(x) - centralDifference(activation.f, x, h))).toBeLessThan(1e-8 * scale);
    }
  });

  it('f″ matches central finite differences of f′', () => {
    for (const x of xs) {
      const h = 1e-5 / b;
      const scale = a * b * b;
      expect(Math.abs(activation.d2f(x) - centralDifference(activation.df, x, h))).toBeLessThan(1e-8 * scale);
    }
  });

  it('f, f′ = a·b/cosh²(bx) and f″ = −2ab²·tanh(bx)/cosh²(bx) match decimal.js at 40 digits to 1e-14', () => {
    const A = new D40(exactDecimal(a));
    const B = new D40(exactDecimal(b));
    for (const x of [...xs.filter((v) => v !== 0), 12, -25, 60]) {
      const u = B.times(exactDecimal(x));
      const c2 = u.cosh().pow(2);
      // The float64 code multiplies b·x in float64 first; the 1-ulp rounding of b·x moves
      // sech²(bx) by ~2|bx|·1.1e-16 relative, so allow for that conditioning.
      const tolerance = 1e-14 + 2.3e-16 * Math.abs(b * x) * 2;
      expect(relativeError(activation.f(x), A.times(u.tanh()))).toBeLessThan(tolerance);
      expect(relativeError(activation.df(x), A.times(B).div(c2))).toBeLessThan(tolerance);
      expect(relativeError(activation.d2f(x), A.times(B).times(B).times(-2).times(u.tanh()).div(c2))).toBeLessThan(
        tolerance,
      );
    }
  });

  it('the maximal slope a·b is at x = 0 and f″(0) = 0', () => {
    expect(activation.df(0)).toBe(a * b);
    expect(activation.d2f(0) === 0).toBe(true);
  });
});

describe('tanhN', () => {
  it('f′ stays positive and accurate in the tails where n·(1 − tanh²(nx)) has cancelled to 0', () => {
    const x = 20; // n·x = 40: tanh²(40) rounds to 1
    expect(2 * (1 - Math.tanh(2 * x) ** 2)).toBe(0);
    const c = new D40(40).cosh();
    expect(relativeError(tanhN(2).df(x), new D40(2).div(c.times(c)))).toBeLessThan(1e-14);
  });

  it('names itself compactly: tanh(2x), tanh(x), tanh(0.5x), ids tanh-n2, tanh-n1, tanh-n0p5', () => {
    expect([tanhN(2).label, tanhN(1).label, tanhN(0.5).label]).toEqual(['tanh(2x)', 'tanh(x)', 'tanh(0.5x)']);
    expect([tanhN(2).id, tanhN(1).id, tanhN(0.5).id]).toEqual(['tanh-n2', 'tanh-n1', 'tanh-n0p5']);
    expect(tanhN(2).tex).toBe('\\tanh(2x)');
    expect(tanhN(1.8101705806989774).label).toBe('tanh(1.81017x)');
  });

  it('formatCoefficient keeps 6 significant digits, shortest form', () => {
    expect([0.5, 1, 2, 2 / 3, 1.7159].map(formatCoefficient)).toEqual(['0.5', '1', '2', '0.666667', '1.7159']);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError naming n for n = %s', (n) => {
    expect(() => tanhN(n)).toThrow(RangeError);
    expect(() => tanhN(n)).toThrow(/^n must be a finite number > 0/);
  });
});

describe('scaledTanh', () => {
  it('names itself a·tanh(bx)', () => {
    expect(scaledTanh(3, 0.25).label).toBe('3·tanh(0.25x)');
    expect(scaledTanh(3, 0.25).id).toBe('tanh-a3-b0p25');
  });

  it.each([
    ['a', 0, 1],
    ['a', -2, 1],
    ['a', Number.NaN, 1],
    ['b', 1, 0],
    ['b', 1, Number.NEGATIVE_INFINITY],
  ] as const)('throws a RangeError naming %s for scaledTanh(%s, %s)', (name, a, b) => {
    expect(() => scaledTanh(a, b)).toThrow(RangeError);
    expect(() => scaledTanh(a, b)).toThrow(new RegExp(`^${name} must be a finite number > 0`));
  });
});

describe('lecunTanh, 1.7159·tanh(2x/3) (LeCun et al. 1998, "Efficient BackProp")', () => {
  it('is labelled 1.7159·tanh(2x/3) with id lecun-tanh', () => {
    expect(lecunTanh.id).toBe('lecun-tanh');
    expect(lecunTanh.label).toBe('1.7159·tanh(2x/3)');
  });

  it('has slope 1.7159·2/3 ≈ 1.1439 at 0 (the closed form a·b)', () => {
    expect(lecunTanh.df(0)).toBe(1.7159 * (2 / 3));
    expect(lecunTanh.df(0)).toBeCloseTo(1.143933, 6);
  });

  it('maps ±1 to ±1 (the design intent of the constants): |f(1) − 1| ≈ 2.7e-6 < 1e-4, checked in decimal.js', () => {
    const reference = new D40('1.7159').times(new D40(2).div(3).tanh());
    expect(reference.minus(1).abs().toNumber()).toBeLessThan(1e-4);
    expect(relativeError(lecunTanh.f(1), reference)).toBeLessThan(1e-15);
    expect(Math.abs(lecunTanh.f(1) - 1)).toBeLessThan(1e-4);
    expect(lecunTanh.f(-1)).toBe(-lecunTanh.f(1));
    // the exact constant for f(1) = 1 would be 1/tanh(2/3) = 1.71590470857…
    expect(new D40(1).div(new D40(2).div(3).tanh()).toFixed(4)).toBe('1.7159');
  });
});
