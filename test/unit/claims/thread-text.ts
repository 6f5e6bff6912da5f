/**
 * The source thread as received (thread.md, next to this file; CC BY-SA 4.0 by its authors) and
 * a finder for quotes in it. A quote is the thread's exact words up to whitespace, with " […] "
 * where words are left out; each piece must appear, in order, in one and the same post.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const threadFile = path.join(path.dirname(new URL(import.meta.url).pathname), 'thread.md');

/** Runs of whitespace as one space: line breaks in the thread's text are not part of the words. */
const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The thread's posts and comments, each as one normalised string (split at the thread's own rules and comment bullets). */
export const threadPosts: readonly string[] = readFileSync(threadFile, 'utf8')
  .split(/\n---\n|\n\s*•\s*/)
  .map(normalise)
  .filter((post) => post.length > 0);

/** The pieces of a quote between its omission marks, normalised. */
export function quotePieces(quote: string): string[] {
  return quote
    .split('[…]')
    .map(normalise)
    .filter((piece) => piece.length > 0);
}

/** The index of the post that holds every piece of the quote in order, or null. */
export function whereQuoted(quote: string): number | null {
  const pieces = quotePieces(quote);
  for (let i = 0; i < threadPosts.length; i++) {
    let from = 0;
    let found = true;
    for (const piece of pieces) {
      const at = threadPosts[i]!.indexOf(piece, from);
      if (at < 0) {
        found = false;
        break;
      }
      from = at + piece.length;
    }
    if (found) return i;
  }
  return null;
}
