import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { ledger } from '../../../src/lib/claims/ledger';
import { assertBasis, evaluateBasis } from '../../../src/lib/claims/basis';
import type { Claim } from '../../../src/lib/claims/types';

const articles = path.resolve('content/articles');
const claimsPage = readFileSync(path.join(articles, 'claims.mdx'), 'utf8');

/** Anchors a page offers: fig-<id> for each <Figure id>, and Astro's slug of each heading. */
function anchorsOf(page: string): Set<string> {
  const file = path.join(articles, `${page}.mdx`);
  if (!existsSync(file)) throw new Error(`evidence page ${page} has no article ${file}`);
  const text = readFileSync(file, 'utf8');
  const anchors = new Set<string>();
  for (const m of text.matchAll(/<Figure\s+id="([^"]+)"/g)) anchors.add(`fig-${m[1]}`);
  const slugger = new GithubSlugger();
  for (const m of text.matchAll(/^#{2,4}\s+(.+)$/gm)) anchors.add(slugger.slug(m[1]!.replace(/\$/g, '')));
  return anchors;
}

// Claims whose verdict is pure algebra (checked by the math unit tests), so no data condition applies.
const ALGEBRAIC = new Set(['pairs-as-bad-as-n-one']);

describe('the claims ledger', () => {
  it('has unique ids', () => {
    const ids = ledger.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('appears on /claims/ exactly once per claim, and the page cites no unknown claim', () => {
    const used = [...claimsPage.matchAll(/<Claim\s+id="([^"]+)"/g)].map((m) => m[1]);
    for (const claim of ledger) expect(used.filter((id) => id === claim.id), claim.id).toHaveLength(1);
    const known = new Set(ledger.map((c) => c.id));
    expect(used.filter((id) => !known.has(id!))).toEqual([]);
  });

  it.each(ledger.map((c) => [c.id, c] as const))('%s links to evidence that exists', (_id, claim) => {
    expect(anchorsOf(claim.evidence.page).has(claim.evidence.anchor), `${claim.evidence.page}#${claim.evidence.anchor}`).toBe(true);
  });

  it.each(ledger.map((c) => [c.id, c] as const))('%s: the data support the verdict', (_id, claim) => {
    if (ALGEBRAIC.has(claim.id)) {
      expect(claim.basis).toEqual([]);
      return;
    }
    expect(claim.basis.length).toBeGreaterThan(0);
    expect(() => assertBasis(claim)).not.toThrow();
  });
});

describe('evaluating a verdict’s basis', () => {
  const claim: Claim = {
    id: 'example',
    claim: 'x',
    source: { author: 'A', post: 'answer' },
    verdict: 'holds',
    evidence: { page: 'p', anchor: 'a' },
    basis: [
      { says: 'a is small', value: { of: 'd', at: 'a' }, op: '<', than: 1 },
      { says: 'a is close to b', value: { of: 'd', at: 'a' }, op: '≈', than: { of: 'd', at: 'b' }, within: 0.1 },
    ],
  } as Claim;
  const reader = (values: Record<string, number>) => (p: { at: string }) => {
    const v = values[p.at];
    if (v === undefined) throw new Error(`no field ${p.at}`);
    return v;
  };

  it('passes when every condition holds', () => {
    expect(assertBasis(claim, reader({ a: 0.5, b: 0.52 })).map((e) => e.holds)).toEqual([true, true]);
  });

  it('fails naming the claim, the condition and the numbers when one does not', () => {
    expect(() => assertBasis(claim, reader({ a: 0.5, b: 0.7 }))).toThrow(/claim "example".*"a is close to b" \(0\.5 ≈ 0\.7 is false\)/);
    expect(() => assertBasis(claim, reader({ a: 2, b: 2 }))).toThrow(/"a is small" \(2 < 1 is false\)/);
  });

  it('names the missing field', () => {
    expect(() => evaluateBasis(claim, reader({ a: 0.5 }))).toThrow(/claim "example": condition "a is close to b": d b: no field b/);
  });

  it('refuses ≈ without a tolerance', () => {
    const bad = { ...claim, basis: [{ says: 's', value: { of: 'd', at: 'a' }, op: '≈', than: 1 }] } as Claim;
    expect(() => evaluateBasis(bad, reader({ a: 1 }))).toThrow(/tolerance/);
  });
});
