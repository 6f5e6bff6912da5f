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
import { remarkCrossRefs } from './remark-cross-refs.ts';
import { rehypeEquationMathml } from './rehype-equation-mathml.ts';

export const remarkPlugins = [remarkMath, remarkEvidence, remarkCite, remarkNotation, remarkCrossRefs];

export const rehypePlugins: ([typeof rehypeKatex, { strict: 'error'; output: 'htmlAndMathml' }] | typeof rehypeEquationMathml)[] = [
  [rehypeKatex, { strict: 'error', output: 'htmlAndMathml' }],
  rehypeEquationMathml,
];
