import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { ledger } from '../../../src/lib/claims/ledger';
import { figureAnchor } from '../../../src/lib/figures/types';
import { pages } from '../../../src/lib/site/manifest';
import { assertBasis, evaluateBasis } from '../../../src/lib/claims/basis';
import { quoteHtml } from '../../../src/lib/claims/quote-html';
import { ESMAILIAN_ANSWER_URL, THREAD, THREAD_URLS } from '../../../src/lib/claims/thread';
import type { Claim } from '../../../src/lib/claims/types';
import { quotePieces, whereQuoted } from './thread-text';

const articles = path.resolve('content/articles');
const claimsPage = readFileSync(path.join(articles, 'claims.mdx'), 'utf8');
const entries = ledger.map((c) => [c.id, c] as const);

/** Anchors a page offers: its figures' (from the page manifest, which a test checks against the article) and Astro's slug of each heading. */
function anchorsOf(page: string): Set<string> {
  const file = path.join(articles, `${page}.mdx`);
  if (!existsSync(file)) throw new Error(`evidence page ${page} has no article ${file}`);
  const text = readFileSync(file, 'utf8');
  const anchors = new Set<string>();
  for (const figure of pages.find((p) => p.page === page)?.figures ?? []) anchors.add(figureAnchor(figure.id));
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

  it.each(entries)('%s links to evidence that exists', (_id, claim) => {
    expect(anchorsOf(claim.evidence.page).has(claim.evidence.anchor), `${claim.evidence.page}#${claim.evidence.anchor}`).toBe(true);
  });

  it.each(entries)('%s: the data support the verdict', (_id, claim) => {
    if (ALGEBRAIC.has(claim.id)) {
      expect(claim.basis).toEqual([]);
      return;
    }
    expect(claim.basis.length).toBeGreaterThan(0);
    expect(() => assertBasis(claim)).not.toThrow();
  });

  it.each(entries)('%s states the scope it is judged within', (_id, claim) => {
    expect(typeof claim.scope, 'scope').toBe('string');
    expect(claim.scope.trim().length, 'scope').toBeGreaterThan(10);
    expect(claim.scope, 'a scope says what the claim is about, not the claim again').not.toBe(claim.claim);
  });

  it.each(entries)('%s links to its post in the thread', (_id, claim) => {
    expect(THREAD_URLS, `source.url of ${claim.id}`).toContain(claim.source.url);
    // Esmailian's answer (51586) is the one post whose own address is known: its quotes, and the
    // comments on it, link there; every other post links to the question.
    const onAnswer = (claim.source.author === 'Esmailian' && claim.source.post === 'answer') || claim.source.on === 'Esmailian’s answer';
    expect(claim.source.url).toBe(onAnswer ? ESMAILIAN_ANSWER_URL : THREAD.url);
  });

  it.each(entries)('%s quotes its author’s exact words from the thread', (_id, claim) => {
    expect(quotePieces(claim.quote).join('').length, 'quote').toBeGreaterThan(20);
    expect(whereQuoted(claim.quote)).not.toBeNull();
    expect(() => quoteHtml(claim.quote)).not.toThrow();
  });

  it('shows questions as questions: each quotes a question and has no verdict', () => {
    const questions = ledger.filter((c) => c.verdict === 'question');
    expect(questions.map((c) => c.id)).toEqual(['otherwise-fail', 'harmonious-start', 'just-the-learning-rate']);
    for (const q of questions) expect(q.quote, q.id).toMatch(/\?/);
  });
});

describe('quotes in the articles', () => {
  const files = readdirSync(articles).filter((f) => f.endsWith('.mdx'));
  // An attribution line closes each block quote: "> — Author, … (CC BY-SA 4.0)".
  const attributions = files.flatMap((file) =>
    readFileSync(path.join(articles, file), 'utf8')
      .split('\n')
      .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
      .filter(({ line }) => /^>\s*—/.test(line)),
  );

  // The block quotes themselves: the lines of each run of "> …" lines, attribution excluded.
  const blockQuotes = files.flatMap((file) => {
    const quotes: Array<readonly [string, string]> = [];
    let lines: string[] = [];
    let start = 0;
    readFileSync(path.join(articles, file), 'utf8')
      .split('\n')
      .concat([''])
      .forEach((line, i) => {
        if (line.startsWith('>')) {
          if (lines.length === 0) start = i + 1;
          if (!/^>\s*—/.test(line)) lines.push(line.replace(/^>\s?/, ''));
        } else if (lines.length > 0) {
          quotes.push([`${file}:${start}`, lines.join(' ')]);
          lines = [];
        }
      });
    return quotes;
  });

  it.each(blockQuotes)('%s quotes the thread’s exact words', (_where, quote) => {
    expect(whereQuoted(quote), quote).not.toBeNull();
  });

  it('are attributed in every article that quotes the thread', () => {
    expect(attributions.length).toBeGreaterThanOrEqual(5);
  });

  it.each(attributions.map((a) => [a.where, a.line] as const))('%s names its author and links to the post', (_where, line) => {
    const links = [...line.matchAll(/\]\((https?:[^)\s]+)\)/g)].map((m) => m[1]);
    expect(links.length, line).toBeGreaterThan(0);
    for (const link of links) expect(THREAD_URLS, line).toContain(link);
    expect(line, 'licence').toContain('CC BY-SA 4.0');
  });
});

describe('evaluating a verdict’s basis', () => {
  const claim: Claim = {
    id: 'example',
    claim: 'x',
    source: { author: 'A', post: 'answer', url: 'https://example.org' },
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
