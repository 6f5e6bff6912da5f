// The part of citation-js (no bundled types) the tests use to read BibTeX as a reference manager would.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: string);
    /** CSL-JSON items. */
    data: unknown[];
  }
}
declare module '@citation-js/plugin-bibtex';
