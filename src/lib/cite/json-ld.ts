/**
 * schema.org JSON-LD: a ScholarlyArticle per article (what search engines and reference managers
 * read besides the Highwire tags) and a Dataset per record on /reproduce/ (what Google Dataset
 * Search lists). Pure functions; the same pins as every other citation.
 */
import type { CitablePage } from '../site/citation.ts';
import { SITE_AUTHORS, SITE_NAME, isoDay } from '../site/citation.ts';
import { doiUrl } from './settings.ts';

type Json = Record<string, unknown>;

const organisation = (name: string): Json => ({ '@type': 'Organization', name });

/** A work the article cites, as schema.org. */
export interface CitedWork {
  title: string;
  year?: number | undefined;
  url?: string | undefined;
}

export function scholarlyArticle(options: {
  page: CitablePage;
  description: string;
  /** The discussion the article answers (schema.org isBasedOn). */
  basedOn: { title: string; url: string };
  citations: readonly CitedWork[];
  repoUrl: string;
}): Json {
  const { page } = options;
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': page.url,
    url: page.url,
    headline: page.title,
    description: options.description,
    author: SITE_AUTHORS.map(organisation),
    publisher: organisation(SITE_NAME),
    datePublished: isoDay(page.published),
    dateModified: isoDay(page.updated ?? page.published),
    inLanguage: 'en',
    ...(page.version ? { version: page.version.version, identifier: `${options.repoUrl}/tree/${page.version.commit}` } : {}),
    ...(page.doi ? { sameAs: doiUrl(page.doi) } : {}),
    isBasedOn: { '@type': 'DiscussionForumPosting', headline: options.basedOn.title, url: options.basedOn.url },
    citation: options.citations.map((w) => ({
      '@type': 'CreativeWork',
      name: w.title,
      ...(w.year ? { datePublished: String(w.year) } : {}),
      ...(w.url ? { url: w.url } : {}),
    })),
  };
}

export function datasetEntry(options: {
  id: string;
  title: string;
  description: string;
  /** Absolute URLs of the record's JSON download and of the CSV tables of the figures drawn from it. */
  jsonUrl: string;
  csvUrls: readonly string[];
  /** The anchor of the dataset on /reproduce/. */
  pageUrl: string;
  generatedAt: string;
  producer: string;
  inputHash: string;
  repoUrl: string;
  version?: { version: string; commit: string } | undefined;
}): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': options.pageUrl,
    url: options.pageUrl,
    name: options.title,
    identifier: options.id,
    // Dataset Search wants 50 to 5,000 characters.
    description: options.description.length >= 50 ? options.description : `${options.description} A dataset (${options.id}) of ${SITE_NAME}, published with its provenance and the code that computed it.`,
    creator: SITE_AUTHORS.map(organisation),
    dateModified: options.generatedAt,
    isAccessibleForFree: true,
    ...(options.version ? { version: options.version.version } : {}),
    measurementTechnique: `Computed by ${options.producer} in ${options.repoUrl}${options.version ? ` at commit ${options.version.commit}` : ''} (input hash ${options.inputHash})`,
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: options.jsonUrl },
      ...options.csvUrls.map((contentUrl) => ({ '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl })),
    ],
  };
}

/** JSON for a <script type="application/ld+json">: no "</script>" or "<!--" can close it early. */
export const jsonLdText = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
