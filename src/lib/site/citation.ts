/**
 * How a page of this site is cited: BibTeX, a plain-text reference, Highwire `citation_*` meta
 * tags (what Google Scholar and Zotero read), and a figure's reference. Pure functions of the
 * page's title, URL and dates, so every page and the tests compute the same strings.
 */
import { escapeBibtex, formatBibtexEntry, protectTitle } from '../references/bibtex.ts';
import { doiUrl } from '../cite/settings.ts';
import { versionLabel, type SiteVersion } from '../cite/version.ts';

/** The site's name as a publisher / container title. */
export const SITE_NAME = 'tanh-nx';
/** Authors of every page (an organisation-style author: no given name). */
export const SITE_AUTHORS: readonly string[] = ['tanh-nx contributors'];

export interface CitablePage {
  /** The page's title (an article's title; the site's name for the home page). */
  title: string;
  /** Absolute canonical URL. */
  url: string;
  /** First publication date. */
  published: Date;
  /** Last substantive revision, if any. */
  updated?: Date | undefined;
  /** The page's slug ('' for the home page), used in its BibTeX key. */
  slug: string;
  /** The build the citation pins: package version, commit, newest record date. */
  version?: SiteVersion | undefined;
  /** The DOI of the archived release (the DOI setting), if any. */
  doi?: string | undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** YYYY-MM-DD of a date (dates are calendar days, read in UTC). */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** "tanhnx2026-slope-budget"; the home page (the site as a whole) is "tanhnx2026". */
export function pageBibtexKey(page: Pick<CitablePage, 'slug' | 'published'>): string {
  const slug = page.slug.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '').toLowerCase();
  return `tanhnx${page.published.getUTCFullYear()}${slug ? `-${slug}` : ''}`;
}

export function pageBibtex(page: CitablePage): string {
  const d = page.published;
  const dates = page.updated ? `Published ${isoDay(d)}, updated ${isoDay(page.updated)}` : `Published ${isoDay(d)}`;
  const v = page.version;
  const note = v ? `${dates}; version ${v.version}, commit ${v.commit}, data of ${isoDay(new Date(v.dataDate))}` : dates;
  return formatBibtexEntry('misc', pageBibtexKey(page), [
    // Double braces: an organisation, not "contributors, tanh-nx".
    ['author', SITE_AUTHORS.map((a) => `{${escapeBibtex(a)}}`).join(' and ')],
    ['title', protectTitle(page.title)],
    ['howpublished', escapeBibtex(SITE_NAME)],
    ['year', String(d.getUTCFullYear())],
    ['month', { macro: BIBTEX_MONTHS[d.getUTCMonth()]! }],
    ...(v ? [['version', escapeBibtex(v.version)] as [string, string]] : []),
    ...(page.doi ? [['doi', page.doi] as [string, string]] : []),
    ['url', page.url],
    ['note', note],
  ]);
}

/**
 * "tanh-nx contributors (2026, November 27). Title. tanh-nx, version 0.1.0 (commit 0133e68,
 * data of 2026-12-02). https://doi.org/… URL" (APA-like; version and DOI when known; the URL last).
 */
export function pageCitationText(page: CitablePage): string {
  const d = page.published;
  const title = /[.?!]$/.test(page.title) ? page.title : `${page.title}.`;
  const source = page.version ? `${SITE_NAME}, ${versionLabel(page.version)}.` : `${SITE_NAME}.`;
  const doi = page.doi ? ` ${doiUrl(page.doi)}.` : '';
  return `${SITE_AUTHORS.join(', ')} (${d.getUTCFullYear()}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}). ${title} ${source}${doi} ${page.url}`;
}

/** Highwire Press meta tags, in the order they are written into <head>. */
export function highwireTags(page: CitablePage): [name: string, content: string][] {
  const slashed = (d: Date) => isoDay(d).replaceAll('-', '/');
  return [
    ['citation_title', page.title],
    ...SITE_AUTHORS.map((a): [string, string] => ['citation_author', a]),
    ['citation_publication_date', slashed(page.published)],
    ['citation_online_date', slashed(page.updated ?? page.published)],
    ['citation_publisher', SITE_NAME],
    ['citation_public_url', page.url],
    ['citation_fulltext_html_url', page.url],
    ['citation_language', 'en'],
    ...(page.doi ? [['citation_doi', page.doi] as [string, string]] : []),
    // Not read by Google Scholar, but by anyone who wants the build a page came from.
    ...(page.version
      ? ([
          ['citation_version', page.version.version],
          ['citation_commit', page.version.commit],
        ] as [string, string][])
      : []),
  ];
}

export interface CitableFigure {
  number: number | string | undefined;
  title: string;
  /** The page the figure is on. */
  page: CitablePage;
  /** The figure's anchor id, e.g. "fig-slope-thresholds". */
  anchor: string;
}

/** The figure's URL: the page's canonical URL with the figure's anchor. */
export function figureUrl(figure: Pick<CitableFigure, 'page' | 'anchor'>): string {
  const url = new URL(figure.page.url);
  url.hash = figure.anchor;
  return url.href;
}

/** "Figure 2, “Title”. In tanh-nx contributors (2026, November 27). Page title. tanh-nx. URL#fig-…" */
export function figureCitationText(figure: CitableFigure): string {
  const label = figure.number === undefined ? 'Figure' : `Figure ${figure.number}`;
  const page = pageCitationText(figure.page);
  const pageWithoutUrl = page.slice(0, page.length - figure.page.url.length).trimEnd();
  return `${label}, “${figure.title.replace(/[.]$/, '')}”. In ${pageWithoutUrl} ${figureUrl(figure)}`;
}
