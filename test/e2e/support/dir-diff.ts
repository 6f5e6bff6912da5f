// Compare two directory trees file by file (same file list, same SHA-256).

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

export function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

const TEXT = /\.(html?|css|m?js|json|csv|svg|xml|txt|md|map|webmanifest)$/i;

/** Where two versions of a file first differ, with some context for text files. */
export function firstDifference(file: string, a: Buffer, b: Buffer): string {
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a[i] === b[i]) i++;
  let text = `${file}: ${a.length} vs ${b.length} bytes, first difference at byte ${i}`;
  if (TEXT.test(file)) {
    const from = Math.max(0, i - 80);
    const show = (buf: Buffer) => JSON.stringify(buf.subarray(from, i + 80).toString('utf8'));
    text += `\n      a: …${show(a)}…\n      b: …${show(b)}…`;
  }
  return text;
}

export interface DirDiff {
  files: number;
  onlyInA: string[];
  onlyInB: string[];
  /** One description per differing file (see firstDifference). */
  differing: string[];
}

export async function diffDirs(a: string, b: string): Promise<DirDiff> {
  const [filesA, filesB] = await Promise.all([listFiles(a), listFiles(b)]);
  const setA = new Set(filesA);
  const setB = new Set(filesB);
  const differing: string[] = [];
  for (const file of filesA.filter((f) => setB.has(f))) {
    const [bufA, bufB] = await Promise.all([readFile(path.join(a, file)), readFile(path.join(b, file))]);
    if (sha256(bufA) !== sha256(bufB)) differing.push(firstDifference(file, bufA, bufB));
  }
  return {
    files: filesA.length,
    onlyInA: filesA.filter((f) => !setB.has(f)),
    onlyInB: filesB.filter((f) => !setA.has(f)),
    differing,
  };
}
