/**
 * Writes a file so that readers only ever see the old or the new content, never a part: the
 * bytes go to a temporary file in the same directory (same filesystem, so rename is atomic),
 * every byte is written (a short write on a full disk is retried and then fails), flushed to
 * disk, read back and compared, and only then renamed over the target. Any failure leaves the
 * previous file untouched and says so.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatJson } from './json-format.ts';

/** The file-system calls the write needs: injectable, so a full disk can be simulated in tests. */
export type WriteFileSystem = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync' | 'mkdirSync' | 'readFileSync'
>;

export interface AtomicWriteOptions {
  fs?: WriteFileSystem;
  /** Checks the bytes read back from disk before the rename (e.g. that they parse); throws to refuse. */
  verify?: (readBack: string) => void;
}

export function writeFileAtomic(path: string, content: string, options: AtomicWriteOptions = {}): void {
  const fs = options.fs ?? nodeFs;
  const dir = dirname(path);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const bytes = Buffer.from(content, 'utf8');
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'w');
    let written = 0;
    while (written < bytes.length) {
      const n = fs.writeSync(fd, bytes, written, bytes.length - written);
      if (!(n > 0)) throw new Error(`wrote ${written} of ${bytes.length} bytes, then the write made no progress`);
      written += n;
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    const readBack = fs.readFileSync(tmp);
    if (!bytes.equals(readBack)) {
      throw new Error(`read back ${readBack.length} bytes that differ from the ${bytes.length} written`);
    }
    options.verify?.(readBack.toString('utf8'));
    fs.renameSync(tmp, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing; the original error says why
      }
    }
    fs.rmSync(tmp, { force: true });
    throw new Error(`cannot write ${path}: ${(error as Error).message}; the previous file (if any) is unchanged`, { cause: error });
  }
}

/** Writes a value as formatted JSON (see json-format.ts), checking that what reached the disk parses. */
export function writeJsonAtomic(path: string, value: unknown, options: Omit<AtomicWriteOptions, 'verify'> = {}): void {
  writeFileAtomic(path, formatJson(value), { ...options, verify: (text) => void JSON.parse(text) });
}
