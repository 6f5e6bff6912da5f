// Reads BibTeX the way a reference manager does (citation-js → CSL-JSON), for tests.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts': number[][] };
  URL?: string;
  DOI?: string;
  page?: string;
  publisher?: string;
  'container-title'?: string;
  [field: string]: unknown;
}

export function parseBibtex(text: string): CslItem[] {
  return new Cite(text).data as CslItem[];
}
