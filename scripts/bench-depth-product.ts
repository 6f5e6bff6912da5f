/**
 * Time per update of the depth-product widget (/products-of-slopes/) on this machine: what one
 * move of a control costs in the browser — sampling ln g for 10,000 × K slopes, sorting, the
 * summary, the histogram and the exact √E[g²] (productPicture) — with the widget's own set-up
 * read from the committed `products-widget` record.
 *
 *   npx tsx scripts/bench-depth-product.ts [--json]
 *
 * Cases: the initial state, the deepest K, and the largest n·σ (most pre-activations far out in
 * the saturated tails). Each is timed as the widget meets it: the first draw (normals for all K
 * layers drawn too, as on hydration) and then repeated updates with the normals already drawn
 * (median of 25, after 3 warm-ups). Node and the browser run the same V8 code, but a browser on
 * another machine will differ; the e2e test logs what Chromium measures.
 */
import { parseArgs } from 'node:util';
import { loadRecord } from '../src/lib/articles/evidence.ts';
import { productPicture } from '../src/lib/math/slope-products-histogram.ts';
import { LayeredNormals } from '../src/lib/math/slope-products-sampler.ts';

interface WidgetConfig {
  samples: number;
  seed: number;
  n: { max: number };
  sigma: { max: number };
  depth: { max: number };
  initial: { n: number; depth: number };
}

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const record = loadRecord('products-widget');
const config = record.provenance.config as WidgetConfig;
const initialQ = (record.data as { initial: { q: number } }).initial.q;

const cases = [
  { name: 'initial', n: config.initial.n, q: initialQ, depth: config.initial.depth },
  { name: 'deepest K', n: config.initial.n, q: initialQ, depth: config.depth.max },
  { name: 'largest n and σ, deepest K', n: config.n.max, q: config.sigma.max ** 2, depth: config.depth.max },
];

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const results = cases.map((c) => {
  const normals = new LayeredNormals(config.samples, config.seed);
  const scratch = new Float64Array(config.samples);
  let started = performance.now();
  productPicture(normals, c.n, c.q, c.depth, scratch);
  const firstMs = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < 28; i++) {
    // Alternate two nearby n so every update recomputes (as a slider move does).
    const n = i % 2 === 0 ? c.n : c.n - 0.05;
    started = performance.now();
    productPicture(normals, n, c.q, c.depth, scratch);
    if (i >= 3) times.push(performance.now() - started);
  }
  return { name: c.name, n: c.n, q: c.q, depth: c.depth, samples: config.samples, firstMs, medianMs: median(times), maxMs: Math.max(...times) };
});

if (values.json) {
  process.stdout.write(`${JSON.stringify(results)}\n`);
} else {
  for (const r of results) {
    process.stdout.write(
      `${r.name.padEnd(28)} n = ${r.n}, q = ${r.q.toFixed(4)}, K = ${String(r.depth).padStart(3)}, ${r.samples} samples: ` +
        `first ${r.firstMs.toFixed(1)} ms (normals drawn), then ${r.medianMs.toFixed(1)} ms per update (median; max ${r.maxMs.toFixed(1)} ms)\n`,
    );
  }
}
