/**
 * The search page's island: reads ?q= from the URL, runs it through Pagefind and lists the
 * matching pages with their matching sections. Typing updates the results and the URL (so a
 * search can be linked or bookmarked). Server-rendered as a plain GET form, which is all there
 * is without JavaScript (the page then explains that search needs it).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadPagefind, queryFromSearch, searchForQuery, type PagefindResultData } from './pagefind';

interface Props {
  /** The site's base path, e.g. "/" or "/tanh-nx/". */
  base: string;
}

const MAX_RESULTS = 10;
const MAX_SECTIONS = 3;
const INPUT_ID = 'search-page-q';

type State =
  | { kind: 'idle' }
  | { kind: 'searching'; query: string }
  | { kind: 'done'; query: string; results: PagefindResultData[]; total: number }
  | { kind: 'failed'; message: string };

function statusText(state: State): string {
  switch (state.kind) {
    case 'idle':
      return 'Type a word or two to search the articles.';
    case 'searching':
      return `Searching for “${state.query}”…`;
    case 'done':
      if (state.total === 0) return `No page matches “${state.query}”.`;
      return `${state.total} ${state.total === 1 ? 'page matches' : 'pages match'} “${state.query}”${state.total > MAX_RESULTS ? `; the first ${MAX_RESULTS} are shown` : ''}.`;
    case 'failed':
      return state.message;
  }
}

export default function SiteSearch({ base }: Props) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const latest = useRef('');

  async function run(raw: string, debounce: boolean): Promise<void> {
    const term = raw.trim();
    latest.current = term;
    history.replaceState(history.state, '', `${location.pathname}${searchForQuery(term)}${location.hash}`);
    if (!term) {
      setState({ kind: 'idle' });
      return;
    }
    setState({ kind: 'searching', query: term });
    try {
      const pagefind = await loadPagefind(base);
      const search = debounce ? await pagefind.debouncedSearch(term, {}, 200) : await pagefind.search(term);
      if (search === null || latest.current !== term) return; // superseded by a later query
      const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (latest.current !== term) return;
      setState({ kind: 'done', query: term, results, total: search.results.length });
    } catch (error) {
      console.warn('search failed', error);
      setState({ kind: 'failed', message: 'The search index could not be loaded. Try reloading the page.' });
    }
  }

  useEffect(() => {
    const initial = queryFromSearch(location.search);
    setQuery(initial);
    void run(initial, false);
    // Run once on hydration; later runs come from the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div class="site-search-page">
      <form
        class="search-page-form"
        role="search"
        action={`${base}search/`}
        method="get"
        onSubmit={(event) => {
          event.preventDefault();
          void run(query, false);
        }}
      >
        <label class="visually-hidden" for={INPUT_ID}>
          Search the articles
        </label>
        <input
          id={INPUT_ID}
          type="search"
          name="q"
          value={query}
          placeholder="Search the articles"
          autocomplete="off"
          enterkeyhint="search"
          onInput={(event) => {
            const value = (event.currentTarget as HTMLInputElement).value;
            setQuery(value);
            void run(value, true);
          }}
        />
        <button type="submit">Search</button>
      </form>
      <p class="search-status" role="status">
        {statusText(state)}
      </p>
      {state.kind === 'done' && state.results.length > 0 && (
        <ol class="search-results">
          {state.results.map((result) => {
            const sections = result.sub_results.filter((s) => s.url !== result.url && s.url.includes('#')).slice(0, MAX_SECTIONS);
            return (
              <li key={result.url}>
                <a class="search-result-title" href={result.url}>
                  {result.meta.title ?? result.url}
                </a>
                <p class="search-result-excerpt" dangerouslySetInnerHTML={{ __html: result.excerpt }} />
                {sections.length > 0 && (
                  <ul class="search-result-sections" aria-label={`Matching sections of ${result.meta.title ?? 'this page'}`}>
                    {sections.map((s) => (
                      <li key={s.url}>
                        <a href={s.url}>{s.title}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
