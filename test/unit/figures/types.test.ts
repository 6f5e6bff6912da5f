import { describe, expect, it } from 'vitest';

import type { TopLevelSpec } from 'vega-lite';
import { defineFigure, figureAnchor, type FigureDefinition } from '../../../src/lib/figures/types';

const definition: FigureDefinition<{ xs: number[] }> = {
  id: 't1-curve',
  dataset: 'best-slope',
  title: 'The t₁ curve',
  caption: 'One sentence.',
  description: (d) => `${d.xs.length} points`,
  spec: (d) => ({ data: { values: d.xs.map((x) => ({ x })) }, mark: 'point', encoding: { x: { field: 'x' } } }),
  rows: (d) => d.xs.map((x) => ({ x })),
};

describe('defineFigure', () => {
  it('returns the definition itself for a kebab-case id', () => {
    expect(defineFigure(definition)).toBe(definition);
    for (const id of ['t1', 'a-b-c', 'gradient-norms-by-layer', '2d']) {
      expect(defineFigure({ ...definition, id }).id).toBe(id);
    }
  });

  it.each(['', 'T1-curve', 't1_curve', 't1--curve', '-t1', 't1-', 't1 curve', 'fig.1', 'ñ'])(
    'rejects the id %j, quoting it',
    (id) => {
      expect(() => defineFigure({ ...definition, id })).toThrow(`Invalid figure id ${JSON.stringify(id)}`);
    },
  );
});

describe('figureAnchor', () => {
  it('is fig- followed by the id', () => {
    expect(figureAnchor('t1-curve')).toBe('fig-t1-curve');
    expect(() => figureAnchor('Bad')).toThrow(/Invalid figure id/);
  });
});

describe('captions', () => {
  it('a caption may be a function of the data, so set-up values in it come from the dataset', async () => {
    const { captionOf } = await import('../../../src/lib/figures/types.ts');
    const base = {
      id: 'x',
      dataset: 'd',
      title: 'T',
      description: () => 'd',
      spec: (): TopLevelSpec => ({ data: { values: [] }, mark: 'point' }),
      rows: () => [],
    };
    expect(captionOf(defineFigure<{ steps: number }>({ ...base, caption: 'Fixed.' }), { steps: 3 })).toBe('Fixed.');
    expect(captionOf(defineFigure<{ steps: number }>({ ...base, caption: (d) => `After ${d.steps} steps.` }), { steps: 300 })).toBe('After 300 steps.');
  });
});
