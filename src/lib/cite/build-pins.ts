/**
 * What every citation of this build pins: its version (package, commit, newest record) and the
 * DOI setting. One call for pages, figures, .bib files and CITATION.cff, so they cannot disagree.
 */
import { citeSettings, type CiteSettings } from './settings.ts';
import { siteVersion, type SiteVersion } from './version.ts';

export interface BuildPins extends CiteSettings {
  version: SiteVersion;
}

export function buildPins(root: string = process.cwd(), env: Record<string, string | undefined> = process.env): BuildPins {
  return { ...citeSettings(env), version: siteVersion(root) };
}
