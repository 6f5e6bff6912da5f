/**
 * Naming and styling of the set-ups on /what-fixes-it/ (src/lib/figures/what-fixes-it.ts).
 */
import { describe, expect, it } from 'vitest';

import { setupLabel, varianceText } from '../../../src/lib/figures/what-fixes-it';

describe('varianceText', () => {
  it('writes reciprocals of integers as fractions and everything else as the number', () => {
    expect(varianceText(0.25)).toBe('1/4');
    expect(varianceText(1 / 9)).toBe('1/9');
    expect(varianceText(1)).toBe('1');
    expect(varianceText(2)).toBe('2');
    expect(varianceText(0.3)).toBe('0.3');
  });
});

describe('setupLabel', () => {
  it('names the activation and σ_w², and the role, the orthogonal weights or the changed hidden-layer rate', () => {
    expect(setupLabel({ id: 'critical', activationLabel: 'tanh(2x)', initKind: 'Gaussian', sw2: 0.25 })).toBe('tanh(2x), σ_w² = 1/4 (critical)');
    expect(setupLabel({ id: 'critical-orthogonal', activationLabel: 'tanh(2x)', initKind: 'orthogonal', sw2: 0.25 })).toBe('tanh(2x), orthogonal, σ_w² = 1/4');
    expect(setupLabel({ id: 'critical-hidden-rate', activationLabel: 'tanh(2x)', initKind: 'Gaussian', sw2: 0.25, hiddenRateFactor: 0.25 })).toBe(
      'tanh(2x), σ_w² = 1/4, hidden rate η/4',
    );
    expect(setupLabel({ id: 'relu-he', activationLabel: 'ReLU', initKind: 'Gaussian', sw2: 2 })).toBe('ReLU, σ_w² = 2 (He)');
  });

  it('keeps every label of the published set-ups short enough for a legend (≤ 48 characters)', () => {
    const labels = [
      setupLabel({ id: 'lecun', activationLabel: '1.7159·tanh(2x/3)', initKind: 'Gaussian', sw2: 1 }),
      setupLabel({ id: 'critical-hidden-rate', activationLabel: 'tanh(2x)', initKind: 'Gaussian', sw2: 0.25, hiddenRateFactor: 0.25 }),
    ];
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(48);
  });

  it('fails naming the set-up when it has no style', () => {
    expect(() => setupLabel({ id: 'mystery', activationLabel: 'tanh(x)', initKind: 'Gaussian', sw2: 1 })).toThrow(/"mystery"/);
  });
});
