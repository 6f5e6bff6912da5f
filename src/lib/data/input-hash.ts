import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { canonicalJson } from '../io/json-format.ts';
import { sha256 } from '../records/digest.ts';

/**
 * Bump when the hashing scheme itself changes, so every record becomes stale once.
 * 2: upstream records' data digests joined the hash; the backend left it (it is provenance).
 */
export const HASH_SCHEME = 2;

export interface SourceFile {
  path: string;
  sha256: string;
}

export interface InputManifest {
  sources: SourceFile[];
  packages: Record<string, string>;
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`; `node:fs` → null. */
export function packageNameOf(specifier: string): string | null {
  if (specifier.startsWith('node:') || specifier.startsWith('.') || specifier.startsWith('/')) {
    return null;
  }
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? null);
}

/** Exact installed versions, read from the lockfile so the hash does not depend on node_modules. */
export function lockedVersions(root: string): Map<string, string> {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const versions = new Map<string, string>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    // Top-level installs only: "node_modules/<name>", not nested copies.
    const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key);
    if (match?.[1] && entry.version) versions.set(match[1], entry.version);
  }
  return versions;
}

const NODE_BUILTINS = new Set(builtinModules);

/**
 * Lists every local file `entry` reads, transitively, and every npm package they import.
 * esbuild resolves the import graph exactly as the bundler would (including `.ts` imports,
 * re-exports and JSON), so a helper two imports away is included.
 */
export async function inputManifest(
  root: string,
  entries: string[],
  versions: Map<string, string> = lockedVersions(root),
): Promise<InputManifest> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
    outdir: 'unused',
  });
  const files = new Set<string>();
  const packages: Record<string, string> = {};
  for (const [path, input] of Object.entries(result.metafile.inputs)) {
    files.add(path);
    for (const imported of input.imports) {
      if (!imported.external) continue;
      const name = packageNameOf(imported.path);
      if (!name || NODE_BUILTINS.has(name)) continue;
      const version = versions.get(name);
      if (!version) throw new Error(`${path} imports "${name}", which is not in package-lock.json`);
      packages[name] = version;
    }
  }
  const sources = [...files].sort().map((path) => ({
    path,
    sha256: sha256(readFileSync(join(root, path))),
  }));
  const sortedPackages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { sources, packages: sortedPackages };
}

/** The data digest of each upstream record, by id. */
export type UpstreamDigests = Array<{ id: string; dataDigest: string }>;

/**
 * The record's input hash: config + sources + package versions + the data digests of its
 * upstream records. Not the backend: which backend trained is provenance (README, "Backend").
 */
export function inputHash(config: unknown, manifest: InputManifest, upstream: UpstreamDigests = []): string {
  const payload = canonicalJson({ scheme: HASH_SCHEME, config, ...manifest, upstream });
  return `sha256:${sha256(payload)}`;
}
