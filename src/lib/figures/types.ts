/** What a figure is: a Vega-Lite spec built from a record, with its caption and text alternative. */

import type { TopLevelSpec } from 'vega-lite';
import type { DataOf, RecordContract } from '../records/contract.ts';

/** One row of a figure's plotted table (a CSV record). */
export type FigureRow = Record<string, string | number | boolean | null>;

export interface FigureDefinition<C extends RecordContract = RecordContract, D = DataOf<C>> {
  /** Stable, kebab-case id; the page anchor is `fig-${id}` (see `figureAnchor`). */
  id: string;
  /** The contract of the record it draws from (its data type types the functions below). */
  record: C;
  /** Short title, shown as the caption's lead. */
  title: string;
  /** One or two sentences under the figure (plain text); a function when it quotes the data or its set-up. */
  caption: string | ((data: D) => string);
  /** The text alternative: what the chart shows and its key values, for screen readers. */
  description: (data: D) => string;
  /** Vega-Lite spec with the data inlined via `data: { values }`. */
  spec: (data: D) => TopLevelSpec;
  /** The plotted table, for CSV download. */
  rows: (data: D) => FigureRow[];
}

/** Kebab-case: lower-case letters and digits in groups joined by single hyphens. */
export const FIGURE_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Throws unless `id` is a kebab-case figure id (`t1-curve`, `gradient-norms-by-layer`). */
export function assertFigureId(id: string): void {
  if (!FIGURE_ID_PATTERN.test(id)) {
    throw new Error(
      `Invalid figure id ${JSON.stringify(id)}: use kebab-case, lower-case letters and digits ` +
        'joined by single hyphens (e.g. "t1-curve")',
    );
  }
}

/** The page anchor of a figure, and the prefix of every id inside its SVG: "t1-curve" → "fig-t1-curve". */
export function figureAnchor(id: string): string {
  assertFigureId(id);
  return `fig-${id}`;
}

/** Declares a figure drawn from the record of `record`, after checking its id. */
export function defineFigure<C extends RecordContract>(record: C, def: Omit<FigureDefinition<C>, 'record'>): FigureDefinition<C> {
  assertFigureId(def.id);
  return { record, ...def };
}

/** A figure of any record, as held in the registry (its functions take that record's data). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFigure = FigureDefinition<RecordContract, any>;

/** The caption text of a figure for its data. */
export function captionOf<C extends RecordContract, D>(figure: FigureDefinition<C, D>, data: D): string {
  return typeof figure.caption === 'function' ? figure.caption(data) : figure.caption;
}
