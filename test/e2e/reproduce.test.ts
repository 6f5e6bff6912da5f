// /reproduce/ (issue 7): lists every dataset of the registry with its provenance, a download that
// answers with the same record, how to regenerate it, and the last full regeneration's summary.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts as datasets } from '../../src/lib/records/contracts/index';
import { basePath, distDir } from './support/config';
import { start, type StaticServer } from './support/static-server';

let server: StaticServer;
let doc = '';

beforeAll(async () => {
  server = await start(distDir, { base: basePath });
  const res = await fetch(`${server.origin}${basePath}reproduce/`);
  expect(res.status).toBe(200);
  doc = await res.text();
});

afterAll(async () => {
  await server?.close();
});

function section(id: string): string {
  const start = doc.indexOf(`<section class="dataset" aria-labelledby="dataset-${id}"`);
  expect(start, `section for ${id}`).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf('</section>', start);
  return doc.slice(start, end);
}

describe('/reproduce/', () => {
  it('has a section for every published record, in the order of the list of contracts', () => {
    const listed = [...doc.matchAll(/<section class="dataset" aria-labelledby="dataset-([^"]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(datasets.map((d) => d.id));
  });

  it.each(datasets.map((d) => d.id))('%s: provenance as recorded, a working download and its regeneration command', async (id) => {
    const html = section(id);
    const download = `${basePath}data/${id}.json`;
    expect(html).toContain(`href="${download}"`);
    const res = await fetch(server.origin + download);
    expect(res.status).toBe(200);
    const record = (await res.json()) as { provenance: { inputHash: string; producer: string; wallTimeMs: number } };
    expect(html).toContain(record.provenance.inputHash);
    expect(html).toContain(record.provenance.producer);
    expect(html).toContain(`npm run compute -- --only ${id}`);
    for (const label of ['Seeds', 'Packages', 'Backend', 'Wall time', 'Generated', 'Configuration']) expect(html).toContain(`<dt>${label}</dt>`);
  });

  it('summarises the last full regeneration and says how to regenerate everything', () => {
    expect(doc).toMatch(/id="last-regeneration"/);
    expect(doc).toMatch(/came out identical to the committed record/);
    expect(doc).toContain('npm run compute -- --force');
  });
});
