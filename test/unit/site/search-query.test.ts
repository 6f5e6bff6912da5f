import { describe, expect, it } from 'vitest';
import { queryFromSearch, searchForQuery } from '../../../src/components/search/pagefind.ts';

describe('the search query lives in the URL', () => {
  it('reads ?q=, decoded and trimmed', () => {
    expect(queryFromSearch('?q=vanishing+gradients')).toBe('vanishing gradients');
    expect(queryFromSearch('?q=%CF%87%E2%82%81%20')).toBe('χ₁');
    expect(queryFromSearch('')).toBe('');
    expect(queryFromSearch('?other=1')).toBe('');
  });

  it('writes a query back so that it round-trips; an empty query clears it', () => {
    for (const q of ['saturation', 'tanh(n·x) & more', 'a+b=c?']) expect(queryFromSearch(searchForQuery(q))).toBe(q);
    expect(searchForQuery('  ')).toBe('');
  });
});
