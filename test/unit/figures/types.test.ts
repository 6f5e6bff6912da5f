import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import type { TopLevelSpec } from 'vega-lite';
import { captionOf, defineFigure, figureAnchor } from '../../../src/lib/figures/types';
import { defineContract } from '../../../src/lib/records/contract';

const points = defineContract({ id: 'points', title: 'points', schema: z.object({ xs: z.array(z.number()) }) });
const definition = {
  id: 't1-curve',
  title: 'The t₁ curve',
  caption: 'One sentence.',
  description: (d: { xs: number[] }) => `${d.xs.length} points`,
  spec: (d: { xs: number[] }): TopLevelSpec => ({ data: { values: d.xs.map((x) => ({ x })) }, mark: 'point', encoding: { x: { field: 'x' } } }),
  rows: (d: { xs: number[] }) => d.xs.map((x) => ({ x })),
};

describe('defineFigure', () => {
  it('keeps the definition and the record it draws from, for a kebab-case id', () => {
    const figure = defineFigure(points, definition);
    expect(figure).toMatchObject(definition);
    expect(figure.record).toBe(points);
    for (const id of ['t1', 'a-b-c', 'gradient-norms-by-layer', '2d']) {
      expect(defineFigure(points, { ...definition, id }).id).toBe(id);
    }
  });

  it.each(['', 'T1-curve', 't1_curve', 't1--curve', '-t1', 't1-', 't1 curve', 'fig.1', 'ñ'])(
    'rejects the id %j, quoting it',
    (id) => {
      expect(() => defineFigure(points, { ...definition, id })).toThrow(`Invalid figure id ${JSON.stringify(id)}`);
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
  it('a caption may be a function of the data, so set-up values in it come from the dataset', () => {
    const steps = defineContract({ id: 'steps', title: 'steps', schema: z.object({ steps: z.number() }) });
    const base = {
      id: 'x',
      title: 'T',
      description: () => 'd',
      spec: (): TopLevelSpec => ({ data: { values: [] }, mark: 'point' }),
      rows: () => [],
    };
    expect(captionOf(defineFigure(steps, { ...base, caption: 'Fixed.' }), { steps: 3 })).toBe('Fixed.');
    expect(captionOf(defineFigure(steps, { ...base, caption: (d) => `After ${d.steps} steps.` }), { steps: 300 })).toBe('After 300 steps.');
  });
});
