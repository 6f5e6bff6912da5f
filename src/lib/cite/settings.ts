/**
 * Deployment settings read at build time, like SITE_URL and BASE_PATH (astro.config.mjs):
 * where the code lives (REPO_URL) and, once a release is archived, its DOI (DOI).
 */

/** The repository when REPO_URL is not set (a placeholder, like SITE_URL's example.org). */
export const DEFAULT_REPO_URL = 'https://github.com/tanh-nx/tanh-nx';

/** A DOI as registries write it: "10.<registrant>/<suffix>". */
const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

export interface CiteSettings {
  /** The code repository's web address, without a trailing slash. */
  repoUrl: string;
  /** The DOI of the archived release, when there is one. */
  doi?: string | undefined;
}

/** The settings from an environment (default: this process's); a malformed value throws naming it. */
export function citeSettings(env: Record<string, string | undefined> = process.env): CiteSettings {
  const rawRepo = env.REPO_URL?.trim() || DEFAULT_REPO_URL;
  let repo: URL;
  try {
    repo = new URL(rawRepo);
  } catch {
    throw new Error(`REPO_URL is not an absolute URL: "${rawRepo}"`);
  }
  if (!/^https?:$/.test(repo.protocol)) throw new Error(`REPO_URL must be http(s): "${rawRepo}"`);
  const repoUrl = repo.href.replace(/\.git$/, '').replace(/\/+$/, '');
  const rawDoi = env.DOI?.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '');
  if (rawDoi && !DOI_PATTERN.test(rawDoi)) throw new Error(`DOI is not a DOI (10.NNNN/suffix): "${env.DOI}"`);
  return { repoUrl, doi: rawDoi || undefined };
}

/** https://doi.org/10.… */
export const doiUrl = (doi: string): string => `https://doi.org/${doi}`;
