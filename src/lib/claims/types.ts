/**
 * The claims ledger: every substantive claim of the source thread, with a verdict and the
 * data it rests on. Verdicts are written by people, but each one names the measurable
 * conditions it depends on (`basis`); the build evaluates them against the datasets and fails
 * when one no longer holds, so a verdict cannot silently outlive the data behind it.
 */

export type Verdict = 'holds' | 'qualified' | 'fails';

export const VERDICT_LABEL: Record<Verdict, string> = {
  holds: 'Holds',
  qualified: 'Holds with a qualification',
  fails: 'Does not hold',
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
}

export interface Claim {
  /** Stable id: the anchor is #claim-<id>. */
  id: string;
  /** Short paraphrase (plain text; the thread is quoted, not rewritten, where wording matters). */
  claim: string;
  source: Source;
  verdict: Verdict;
  /** The page (article slug) and anchor (figure id as fig-…, or a heading's id) with the evidence. */
  evidence: { page: string; anchor: string; label: string };
  /** Conditions in the data the verdict rests on (empty only for purely algebraic claims checked by tests). */
  basis: Condition[];
}
