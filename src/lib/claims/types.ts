/**
 * The claims ledger: every substantive claim of the source thread, with a verdict and the
 * data it rests on. Verdicts are written by people, but each one names the measurable
 * conditions it depends on (`basis`); the build evaluates them against the datasets and fails
 * when one no longer holds, so a verdict cannot silently outlive the data behind it.
 *
 * The rubric (shown on /claims/): a claim is judged within the scope its author stated.
 * - 'holds': every clause the verdict depends on is true within that scope;
 * - 'qualified': the conclusion is true within the scope, but a clause it rests on is inexact,
 *   or it needs a condition the author did not state;
 * - 'fails': the conclusion is false within the scope;
 * - 'question': the author asked rather than claimed; there is no verdict, the entry gives the
 *   site's answer.
 */

export type Verdict = 'holds' | 'qualified' | 'fails' | 'question';

export const VERDICT_LABEL: Record<Verdict, string> = {
  holds: 'Holds',
  qualified: 'Holds with a qualification',
  fails: 'Does not hold',
  question: 'A question, answered',
};

/** A number in a dataset: the same `of`/`at` pair as <Num>. */
export interface DataPoint {
  of: string;
  at: string;
}

/** A comparison a verdict depends on, e.g. "fraction inside t1 at n = 2 ≥ 0.5". */
export interface Condition {
  /** What the comparison means, in words (shown on the page). */
  says: string;
  value: DataPoint;
  /** '≈': |value − than| ≤ within·|than| (a relative tolerance). */
  op: '<' | '<=' | '>' | '>=' | '≈';
  /** A constant or another number in the data. */
  than: number | DataPoint;
  /** Relative tolerance of '≈'. */
  within?: number;
}

/** Where the thread says it: the post and its author. */
export interface Source {
  /** The author's display name in the thread. */
  author: string;
  post: 'question' | 'answer' | 'comment';
  /** Which answer a comment or claim belongs to, when that helps the reader. */
  on?: string;
  /**
   * The post's address (for a comment, the post it is on): one of THREAD_URLS in thread.ts —
   * the question's address wherever the post's own is not known.
   */
  url: string;
}

export interface Claim {
  /** Stable id: the anchor is #claim-<id>. */
  id: string;
  /**
   * Short paraphrase for the summary table (plain text). It keeps every clause the verdict
   * depends on; the quote, not the paraphrase, is what is judged.
   */
  claim: string;
  /**
   * The author's exact words, as in the thread (its LaTeX between $…$ as received, whitespace
   * aside); " […] " marks words left out. A unit test finds each piece in the thread's text.
   */
  quote: string;
  source: Source;
  /** What the claim is about, in the author's terms: the scope it is judged within. */
  scope: string;
  verdict: Verdict;
  /** The page (article slug) and anchor (figure id as fig-…, or a heading's id) with the evidence. */
  evidence: { page: string; anchor: string; label: string };
  /** Conditions in the data the verdict rests on (empty only for purely algebraic claims checked by tests). */
  basis: Condition[];
}
