/**
 * The site's /CITATION.cff: the repository's CITATION.cff with this build's pins — the version,
 * `commit`, `repository-code` from REPO_URL and `doi` from DOI — so the file a reader downloads
 * names the same build as the pages' citations.
 */
import { parse, stringify } from 'yaml';
import type { BuildPins } from './build-pins.ts';

export function cffForBuild(repositoryCff: string, pins: BuildPins): string {
  const doc = parse(repositoryCff, { strict: true, uniqueKeys: true }) as Record<string, unknown>;
  if (doc.version !== undefined && String(doc.version) !== pins.version.version) {
    throw new Error(`CITATION.cff says version ${String(doc.version)}, package.json ${pins.version.version}: make them agree`);
  }
  const out: Record<string, unknown> = { ...doc, version: pins.version.version, 'repository-code': pins.repoUrl };
  if (pins.version.commit !== 'unknown') out.commit = pins.version.commit;
  if (pins.doi) out.doi = pins.doi;
  return `# Citation File Format 1.2.0 for this build of the site (version, commit and DOI pinned).\n${stringify(out, { lineWidth: 0 })}`;
}
