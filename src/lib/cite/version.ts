/**
 * Which version of the site a build is: the package version, the commit it was built from, and
 * the date of the newest record it shows. Every citation names it, so a reader can rebuild
 * exactly the cited page (see /reproduce/).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contracts } from '../records/contracts/index.ts';
import { readRecord } from '../records/reader.ts';

export interface SiteVersion {
  /** package.json's version, e.g. "0.1.0". */
  version: string;
  /** The full commit hash the site was built from, or "unknown" outside a git checkout. */
  commit: string;
  /** The newest `generatedAt` of the records the site shows (ISO 8601 timestamp). */
  dataDate: string;
}

/** The first 7 characters of a commit, as git abbreviates it ("unknown" stays whole). */
export const shortCommit = (commit: string): string => (/^[0-9a-f]{40}$/.test(commit) ? commit.slice(0, 7) : commit);

/** The latest of ISO 8601 timestamps (compared as instants, not as strings). */
export function newestDate(dates: readonly string[]): string {
  if (dates.length === 0) throw new Error('no records: the site shows no data');
  let best = dates[0]!;
  for (const d of dates) {
    if (Number.isNaN(Date.parse(d))) throw new Error(`not a date: "${d}"`);
    if (Date.parse(d) > Date.parse(best)) best = d;
  }
  return best;
}

/**
 * The commit: GIT_COMMIT or GITHUB_SHA when set (a CI checkout may have no .git), else
 * `git rev-parse HEAD` in `root`, else "unknown".
 */
export function commitOf(root: string, env: Record<string, string | undefined> = process.env): string {
  const given = (env.GIT_COMMIT || env.GITHUB_SHA)?.trim().toLowerCase();
  if (given) {
    if (!/^[0-9a-f]{40}$/.test(given)) throw new Error(`GIT_COMMIT/GITHUB_SHA is not a full commit hash: "${given}"`);
    return given;
  }
  const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const out = git.status === 0 ? git.stdout.trim() : '';
  return /^[0-9a-f]{40}$/.test(out) ? out : 'unknown';
}

let cached: { root: string; value: SiteVersion } | undefined;

/** This build's version (computed once per process and root). */
export function siteVersion(root: string = process.cwd()): SiteVersion {
  if (cached?.root === root) return cached.value;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string' || pkg.version === '') throw new Error('package.json has no version');
  const dataDate = newestDate(contracts.map((c) => readRecord(c, { root }).provenance.generatedAt));
  const value = { version: pkg.version, commit: commitOf(root), dataDate };
  cached = { root, value };
  return value;
}

/** "version 0.1.0 (commit 0133e68, data of 2026-12-02)" */
export function versionLabel(v: SiteVersion): string {
  return `version ${v.version} (commit ${shortCommit(v.commit)}, data of ${v.dataDate.slice(0, 10)})`;
}
