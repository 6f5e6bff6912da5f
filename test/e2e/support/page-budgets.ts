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
