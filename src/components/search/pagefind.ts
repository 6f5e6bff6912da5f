/**
 * The part of Pagefind's browser API the search page uses (pagefind.js, written into the built
 * site by `pagefind --site`). Loaded on demand from the site's own /pagefind/ directory.
 */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
export interface PagefindResultData {
  url: string;
  /** HTML: the matched text with <mark> around hits (Pagefind escapes the page text). */
  excerpt: string;
  meta: { title?: string };
  sub_results: PagefindSubResult[];
}
export interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
}
export interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<PagefindSearch>;
  /** Resolves to null when a later call superseded this one. */
  debouncedSearch(term: string, options?: object, debounceMs?: number): Promise<PagefindSearch | null>;
}

let loading: Promise<Pagefind> | undefined;

/** Loads Pagefind once, configured for a site deployed under `base` (e.g. "/tanh-nx/"). */
export function loadPagefind(base: string): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}

/** The query in a search URL: ?q=… (trimmed; empty when absent). */
export function queryFromSearch(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').trim();
}

/** The search string that keeps `query` in the URL, so that a search can be linked. */
export function searchForQuery(query: string): string {
  const trimmed = query.trim();
  return trimmed ? `?${new URLSearchParams({ q: trimmed }).toString()}` : '';
}
