// "Two clean builds give byte-identical dist/": build the site a second time into a temporary
// directory and compare every file with the dist/ that global setup built.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { distDir, repoRoot } from './support/config';

const BUILD_TIMEOUT_MS = 20 * 60_000;

let tmpRoot: string | undefined;

afterAll(async () => {
  if (tmpRoot) await rm(tmpRoot, { recursive: true, force: true, maxRetries: 3 });
});

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

const TEXT = /\.(html?|css|m?js|json|csv|svg|xml|txt|md|map|webmanifest)$/i;

/** Where two versions of a file first differ, with a little context for text files. */
function firstDifference(file: string, a: Buffer, b: Buffer): string {
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a[i] === b[i]) i++;
  let text = `${file}: ${a.length} vs ${b.length} bytes, first difference at byte ${i}`;
  if (TEXT.test(file)) {
    const from = Math.max(0, i - 80);
    const show = (buf: Buffer) => JSON.stringify(buf.subarray(from, i + 80).toString('utf8'));
    text += `\n      dist : …${show(a)}…\n      again: …${show(b)}…`;
  }
  return text;
}

function build(outDir: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/build.ts', '--out-dir', outDir], {
      cwd: repoRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

it(
  'a second clean build into another directory is byte-identical to dist/',
  { timeout: BUILD_TIMEOUT_MS },
  async () => {
    tmpRoot = await mkdtemp(path.join(os.tmpdir(), 'tanh-nx-rebuild-'));
    const again = path.join(tmpRoot, 'dist');
    const started = Date.now();
    const { code, output } = await build(again);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`[e2e] second build into ${again}: exit ${code} in ${seconds} s`);
    expect(code, `npx tsx scripts/build.ts --out-dir ${again} failed:\n${output.slice(-8000)}`).toBe(0);

    const [filesA, filesB] = await Promise.all([listFiles(distDir), listFiles(again)]);
    const setA = new Set(filesA);
    const setB = new Set(filesB);
    const onlyInDist = filesA.filter((f) => !setB.has(f));
    const onlyInAgain = filesB.filter((f) => !setA.has(f));
    const differing: string[] = [];
    for (const file of filesA.filter((f) => setB.has(f))) {
      const [a, b] = await Promise.all([readFile(path.join(distDir, file)), readFile(path.join(again, file))]);
      if (sha256(a) !== sha256(b)) differing.push(firstDifference(file, a, b));
    }
    const report = [
      ...onlyInDist.map((f) => `only in dist/: ${f}`),
      ...onlyInAgain.map((f) => `only in the second build: ${f}`),
      ...differing.map((d) => `differs: ${d}`),
    ];
    if (report.length) {
      console.log(`[e2e] ${report.length} difference(s) between two builds:\n  ${report.join('\n  ')}`);
    }
    console.log(`[e2e] compared ${filesA.length} files`);
    expect(filesA.length).toBeGreaterThan(0);
    expect(report).toEqual([]);
  },
);
