/**
 * A lock file for commands that write the project's records or its built site: two of them
 * at once would interleave writes (two builds left a half-built dist/ with misleading errors).
 * The second waits, saying who holds the lock, or fails at once with `wait: false`. A lock
 * left by a process that no longer exists is taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';

export interface LockOwner {
  pid: number;
  host: string;
  /** What the owner is doing, e.g. "npm run build". */
  purpose: string;
  /** ISO 8601. */
  since: string;
}

export interface LockOptions {
  purpose: string;
  /** Wait for the lock (default) or fail at once. */
  wait?: boolean;
  /** How often to look again while waiting. */
  pollMs?: number;
  /** Told once when waiting starts, and every `remindMs` after. */
  log?: (message: string) => void;
  remindMs?: number;
  /** Whether a process is alive (injectable for tests). */
  isAlive?: (pid: number) => boolean;
  now?: () => Date;
}

export interface Lock {
  readonly path: string;
  release(): void;
}

/** Another process holds the lock and the caller did not want to wait. */
export class LockBusyError extends Error {
  constructor(
    readonly path: string,
    readonly owner: LockOwner | null,
  ) {
    super(`${path}: ${describeOwner(owner)}; wait for it to finish (or stop it), then run this again`);
    this.name = 'LockBusyError';
  }
}

function describeOwner(owner: LockOwner | null): string {
  return owner ? `another command is running here: ${owner.purpose} (pid ${owner.pid}, since ${owner.since})` : 'another command holds the lock';
}

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** Creates the lock file if nobody holds it; returns the current owner otherwise. */
function tryCreate(path: string, owner: LockOwner): LockOwner | null {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readOwner(path) ?? { pid: -1, host: '', purpose: 'unknown (unreadable lock file)', since: '' };
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function acquireLock(path: string, options: LockOptions): Promise<Lock> {
  const isAlive = options.isAlive ?? processIsAlive;
  const now = options.now ?? (() => new Date());
  const me: LockOwner = { pid: process.pid, host: hostname(), purpose: options.purpose, since: now().toISOString() };
  mkdirSync(dirname(path), { recursive: true });
  let lastReminder = -Infinity;
  for (;;) {
    const owner = tryCreate(path, me);
    if (owner === null) break;
    // A lock whose owner died (killed, crashed) on this machine is stale: take it over.
    if (owner.host === me.host && owner.pid > 0 && !isAlive(owner.pid)) {
      rmSync(path, { force: true });
      continue;
    }
    if (options.wait === false) throw new LockBusyError(path, owner);
    const t = Date.now();
    if (t - lastReminder >= (options.remindMs ?? 60_000)) {
      options.log?.(`waiting: ${describeOwner(owner)} (lock ${path})`);
      lastReminder = t;
    }
    await sleep(options.pollMs ?? 500);
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only our own lock: never remove one another process took over.
    if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return { path, release };
}

/** Runs `body` holding the lock, and releases it however `body` ends. */
export async function withLock<T>(path: string, options: LockOptions, body: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(path, options);
  try {
    return await body();
  } finally {
    lock.release();
  }
}

/** The project's one lock: held by every command that writes records or the built site. */
export const PROJECT_LOCK = '.cache/project.lock';
