/**
 * A learning-rate check drawn one way everywhere: each set-up's mean test accuracy against η
 * (log scale), a bar from its smallest to its largest seed, and the line that counts as trained.
 */
import type { z } from 'zod';
import type { variantLrCheckSchema } from '../records/schemas/lr-check.ts';
import { colours } from './theme';

type Check = z.infer<typeof variantLrCheckSchema>;

export interface RateCheckScales {
  /** Labels in legend order, with their colours and dashes. */
  color: { domain: string[]; range: string[] };
  strokeDash: { domain: string[]; range: number[][] };
}

/** One row per set-up and rate: what the figure draws and its data download holds. */
export function rateCheckRows(check: Check, labelOf: (setup: string) => string) {
  return check.cells.flatMap((c) =>
    c.rates.map((r) => ({
      setup: c.setup,
      label: labelOf(c.setup),
      depth: check.depth,
      learningRate: r.learningRate,
      seeds: r.seeds,
      meanAccuracy: r.meanAccuracy,
      minAccuracy: r.minAccuracy,
      maxAccuracy: r.maxAccuracy,
    })),
  );
}

export function rateCheckSpec(check: Check, labelOf: (setup: string) => string, scales: RateCheckScales, trainedAccuracy: number, height: number) {
  const values = rateCheckRows(check, labelOf);
  const x = {
    field: 'learningRate',
    type: 'quantitative' as const,
    title: 'learning rate η (log scale)',
    scale: { type: 'log' as const, domain: [check.rates[0]! * 0.8, check.rates.at(-1)! * 1.25], nice: false },
    axis: { values: check.rates, format: '~g' },
  };
  const y = { type: 'quantitative' as const, title: 'test accuracy', scale: { domain: [0, 1] } };
  const legend = { orient: 'bottom' as const, direction: 'vertical' as const, title: null, symbolStrokeWidth: 2.5 };
  const color = { field: 'label', type: 'nominal' as const, scale: scales.color, legend };
  return {
    height,
    layer: [
      {
        data: { values: [{ y: trainedAccuracy }] },
        mark: { type: 'rule' as const, color: colours.reference, strokeDash: [2, 3] },
        encoding: { y: { field: 'y', ...y } },
      },
      {
        data: { values },
        mark: { type: 'rule' as const, strokeWidth: 1.5, opacity: 0.6 },
        encoding: { x, y: { field: 'minAccuracy', ...y }, y2: { field: 'maxAccuracy' }, color },
      },
      {
        data: { values },
        mark: { type: 'line' as const, strokeWidth: 2.5, point: { filled: true, size: 80 } },
        encoding: { x, y: { field: 'meanAccuracy', ...y }, color, strokeDash: { field: 'label', type: 'nominal' as const, scale: scales.strokeDash, legend } },
      },
    ],
  };
}
