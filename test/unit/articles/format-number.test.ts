import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/lib/articles/format-number.ts';

describe('numbers in prose', () => {
  it('prints fixed decimals with a typographic minus', () => {
    expect(formatNumber(0.6584789, { digits: 3 })).toBe('0.658');
    expect(formatNumber(-0.6584789, { digits: 3 })).toBe('\u22120.658');
    expect(formatNumber(-0.0001, { digits: 2 })).toBe('0.00');
  });

  it('keeps the stated significant digits, trailing zeros included', () => {
    expect(formatNumber(9.0059, { sig: 2 })).toBe('9.0');
    expect(formatNumber(1.81009, { sig: 4 })).toBe('1.810');
    expect(formatNumber(123456, { sig: 2 })).toBe('120000');
    expect(formatNumber(1.234e-9, { sig: 2 })).toBe('1.2 × 10⁻⁹');
  });

  it('prints percentages', () => {
    expect(formatNumber(0.00648, { sig: 2, percent: true })).toBe('0.65%');
  });

  it('demands a stated precision and a finite value', () => {
    expect(() => formatNumber(1, {})).toThrow('stated precision');
    expect(() => formatNumber(Number.NaN, { digits: 1 })).toThrow('cannot print NaN');
  });
});
