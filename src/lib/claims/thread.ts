/**
 * The source thread: where it is, what it is called, and under which licence its text is quoted.
 * One place for the addresses that the ledger, the articles' quotes, the footer, the home page
 * and the credits page link to.
 */

export const THREAD = {
  title: 'Can the vanishing gradient problem be solved by multiplying the input of tanh with a coefficient?',
  site: 'Data Science Stack Exchange',
  /** The question's address; also the link for any post whose own address is not known. */
  url: 'https://datascience.stackexchange.com/questions/51545',
  licence: 'CC BY-SA 4.0',
  licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
} as const;

/** Esmailian's answer, the long one that opens "You are correct." (answer 51586). */
export const ESMAILIAN_ANSWER_URL = 'https://datascience.stackexchange.com/a/51586';

/** The addresses a quote may link to: the question, or an answer of this thread whose id is known. */
export const THREAD_URLS: readonly string[] = [THREAD.url, ESMAILIAN_ANSWER_URL];
