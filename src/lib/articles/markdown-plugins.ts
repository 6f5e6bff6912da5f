/**
 * The remark and rehype plugins every article goes through, in order. Kept out of
 * astro.config.mjs so that article processing (evidence, math, citations, heading anchors)
 * and site configuration (URL, CSP, integrations) can change independently.
 */
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkEvidence } from './remark-evidence.ts';
import { remarkCite } from './remark-cite.ts';
import { remarkNotation } from './remark-notation.ts';

export const remarkPlugins = [remarkMath, remarkEvidence, remarkCite, remarkNotation];

export const rehypePlugins: [typeof rehypeKatex, { strict: 'error'; output: 'htmlAndMathml' }][] = [
  [rehypeKatex, { strict: 'error', output: 'htmlAndMathml' }],
];
