import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { producers } from '../../../src/lib/data/registry.ts';
import { idOf, producerPath } from '../../../src/lib/data/producer.ts';
import { verifyAll } from '../../../src/lib/data/compute.ts';
import { checkedConfig } from '../../../src/lib/data/pipeline.ts';
import { contracts } from '../../../src/lib/records/contracts/index.ts';
import { figures, pages } from '../../../src/lib/site/manifest.ts';
import { ledger } from '../../../src/lib/claims/ledger.ts';
import { articleEvidence } from '../support/articles.ts';

const root = process.cwd();

describe('producers, contracts and the page manifest', () => {
  it('every producer lives in src/lib/data/producers/<id>.ts, the entry of its input hash, and every file there is registered', () => {
    for (const p of producers) expect(existsSync(producerPath(idOf(p))), producerPath(idOf(p))).toBe(true);
    const files = readdirSync('src/lib/data/producers').filter((f) => f.endsWith('.ts'));
    expect(files.sort()).toEqual(producers.map((p) => `${idOf(p)}.ts`).sort());
  });

  it('every contract has exactly one producer, and every producer produces a listed contract', () => {
    expect(producers.map((p) => p.contract)).toEqual(expect.arrayContaining([...contracts]));
    expect(producers).toHaveLength(contracts.length);
    expect(new Set(contracts.map((c) => c.id)).size).toBe(contracts.length);
    for (const p of producers) expect(contracts, idOf(p)).toContain(p.contract);
  });

  it('every upstream a contract declares is a published record', () => {
    for (const c of contracts) for (const u of c.upstream) expect(contracts, `${c.id} ← ${u.id}`).toContain(u);
  });

  it('every config satisfies its schema', () => {
    for (const p of producers) expect(() => checkedConfig(p)).not.toThrow();
  });

  it('every committed record is present, valid, unedited and up to date (run `npm run compute` if not)', async () => {
    await verifyAll(root, producers);
  });

  it('figure ids are unique and every figure draws from a published record', () => {
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
    for (const f of figures) expect(contracts, f.id).toContain(f.record);
  });

  it.each(pages.filter((p) => p.page !== 'index').map((p) => [p.page, p] as const))(
    'the manifest of /%s/ lists exactly the figures the article places, in order, and the records it reads',
    async (slug, page) => {
      const evidence = await articleEvidence(slug);
      expect(page.figures.map((f) => f.id)).toEqual(evidence.figures);
      const ledgerRecords = slug === 'claims' ? ledger.flatMap((c) => c.basis.flatMap((b) => [b.value.of, ...(typeof b.than === 'number' ? [] : [b.than.of])])) : [];
      expect(page.records.map((r) => r.id).sort()).toEqual([...new Set([...evidence.records, ...ledgerRecords])].sort());
    },
  );

  it('every article has a manifest entry', () => {
    const articles = readdirSync('content/articles').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));
    for (const slug of articles) expect(pages.map((p) => p.page), slug).toContain(slug);
  });
});
