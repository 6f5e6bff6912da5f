// Page-weight budgets: what a page may cost, in quantities that do not depend on how fast or busy
// the machine is (bytes, elements, requests, layout shift). The Lighthouse gate enforces them;
// Lighthouse's performance *score* is a timing and lives in scripts/bench-lighthouse.ts.
//
// Set on 2026-12-03 from the site as built then (largest page in brackets), with room for
// ordinary edits; tighten them when pages get lighter, never loosen one without saying why.

export interface PageBudget {
  /** Everything the page transfers on load, gzip-compressed as served (Lighthouse total-byte-weight). */
  transferBytes: number;
  /** The largest single transfer (usually the HTML with its inline figure SVG). */
  largestResourceBytes: number;
  /** Elements in the DOM after load (Lighthouse dom-size). */
  domElements: number;
  /** JavaScript transferred on load, gzip. Islands: issue 6's 15 KB read as 15,000 B. */
  scriptBytes: number;
  /** Requests on load. */
  requests: number;
  /** Render-blocking requests (the site's stylesheet; fonts and scripts must not block). */
  renderBlocking: number;
  /** Cumulative layout shift: figures and widgets reserve their space, so none is expected. */
  layoutShift: number;
}

/**
 * Every page. [measured 2026-12-03, heaviest page: 88.3 kB transferred (/order-and-chaos/), largest
 * response 48.9 kB (/change-of-units/ HTML), 5,624 elements (/products-of-slopes/), 10 requests,
 * 1 render-blocking stylesheet, CLS 0 everywhere]
 */
export const PAGE_BUDGET: PageBudget = {
  transferBytes: 110_000,
  largestResourceBytes: 65_000,
  domElements: 6_500,
  scriptBytes: 0,
  requests: 12,
  renderBlocking: 1,
  layoutShift: 0.01,
};

/**
 * Pages that hydrate an island, and the search page (Pagefind's UI: 9.9 kB on load), may ship
 * JavaScript on load up to issue 6's budget. (Islands hydrate when visible, so Lighthouse, which
 * does not scroll, usually sees none; the widget tests measure what a reader who scrolls gets.)
 */
export const ISLAND_SCRIPT_BYTES = 15_000;

/** What one page's HTML may weigh: the document as built, before any script runs. */
export interface HtmlBudget {
  /** The HTML file's size in bytes. */
  htmlBytes: number;
  /** The same file gzip-compressed (level 9, as the e2e static server and `gzip -9` do). */
  gzipBytes: number;
  /** Elements in the parsed document (hast-util-from-html; equals the browser's count after load on pages without islands). */
  domElements: number;
}

/**
 * Per page, by site path (base path `/`). Enforced by test/e2e/page-weight.test.ts over dist/.
 *
 * Set on 2026-12-07 from the site as built on branch `phone` (figures as SVG images,
 * scripts/measurements/pages-360-after.json; `npx tsx scripts/measure-pages.ts`), with a margin of
 * 10 % (at least 2,000 B, 1,000 B gzip, 50 elements), rounded up. Before that change the heavy
 * pages were /order-and-chaos/ 380,032 B and 5,969 elements, /change-of-units/ 331,494 B,
 * /products-of-slopes/ 317,823 B (scripts/measurements/pages-360-before.json). What is left on
 * them is mostly KaTeX (HTML and MathML for every formula) and, on /claims/, the ledger's text.
 * Tighten a budget when a page gets lighter; never loosen one without saying why.
 */
export const HTML_BUDGETS: Readonly<Record<string, HtmlBudget>> = {
  '/': { htmlBytes: 20_000, gzipBytes: 7_000, domElements: 300 }, // measured after merging share, refs and the near-n = 1 section: 17,046 B, 5,597 B gzip, 172 elements
  '/change-of-units/': { htmlBytes: 199_000, gzipBytes: 23_000, domElements: 4_600 }, // measured: 180,031 B, 20,013 B gzip, 4,102 elements
  '/changes/': { htmlBytes: 20_000, gzipBytes: 7_000, domElements: 300 }, // loosened for the what-practitioners-do changelog entry; measured: 18,071 B, 5,599 B gzip, 210 elements (was 15,935 B, 5,045 B gzip, 195)
  '/claims/': { htmlBytes: 310_000, gzipBytes: 38_000, domElements: 5_700 }, // measured: 281,061 B, 33,755 B gzip, 5,181 elements
  '/credits/': { htmlBytes: 11_000, gzipBytes: 5_000, domElements: 200 }, // measured: 8,040 B, 3,276 B gzip, 92 elements
  '/lab/': { htmlBytes: 33_000, gzipBytes: 12_000, domElements: 400 }, // measured: 29,850 B, 10,393 B gzip, 282 elements
  '/notation/': { htmlBytes: 23_000, gzipBytes: 6_000, domElements: 500 }, // measured: 20,882 B, 4,144 B gzip, 437 elements
  '/one-way-street/': { htmlBytes: 100_000, gzipBytes: 16_000, domElements: 1_900 }, // measured: 90,866 B, 14,412 B gzip, 1,698 elements
  '/order-and-chaos/': { htmlBytes: 325_000, gzipBytes: 40_000, domElements: 6_700 }, // measured after merging share, refs and the near-n = 1 section: 295,297 B, 35,730 B gzip, 6,010 elements
  '/products-of-slopes/': { htmlBytes: 213_000, gzipBytes: 29_000, domElements: 4_700 }, // measured: 193,110 B, 26,006 B gzip, 4,194 elements
  '/references/': { htmlBytes: 17_000, gzipBytes: 5_000, domElements: 300 }, // loosened for four new bibliography entries (he2016, yang2017, ba2016, pascanu2013); measured: 14,621 B, 4,331 B gzip, 192 elements (was 11,864 B, 3,857 B gzip, 157)
  '/reproduce/': { htmlBytes: 239_000, gzipBytes: 28_100, domElements: 2_450 }, // loosened for two new datasets (what-practitioners-do and its summary, with their provenance: the blocks naming them are about 19 kB of the page); measured: 217,016 B, 25,464 B gzip, 2,194 elements (was 175,652 B, 22,681 B gzip, 1,914)
  '/search/': { htmlBytes: 11_000, gzipBytes: 5_000, domElements: 200 }, // measured: 8,209 B, 3,469 B gzip, 63 elements
  '/slope-budget/': { htmlBytes: 179_000, gzipBytes: 27_000, domElements: 4_000 }, // measured: 162,354 B, 23,794 B gzip, 3,570 elements
  '/what-fixes-it/': { htmlBytes: 214_000, gzipBytes: 27_500, domElements: 4_000 }, // loosened for a new section: 'What practitioners do' adds three figures and its text; measured: 194,514 B, 24,940 B gzip, 3,608 elements (was 148,062 B, 20,058 B gzip, 2,799 elements with the depth-200 rate check)
  '/404.html': { htmlBytes: 6_000, gzipBytes: 3_000, domElements: 200 }, // measured: 3,861 B, 1,648 B gzip, 73 elements
};

/** A page that has no entry above (a new page): the budget of a light, figure-free page. */
export const DEFAULT_HTML_BUDGET: HtmlBudget = { htmlBytes: 40_000, gzipBytes: 12_000, domElements: 600 };
