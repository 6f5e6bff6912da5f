import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, LockBusyError, withLock } from '../../../src/lib/io/lock.ts';

const HOLDER = fileURLToPath(new URL('./fixtures/hold-lock.ts', import.meta.url));
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');

function holder(lock: string, log: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [HOLDER, lock, log], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

describe('the project lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tanh-nx-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a second process waits, saying for what, and starts only after the first releases', async () => {
    const lock = join(dir, 'project.lock');
    const log = join(dir, 'log');
    writeFileSync(log, '');
    const first = await acquireLock(lock, { purpose: 'npm run build' });
    const second = holder(lock, log);
    const deadline = Date.now() + 60_000;
    while (!readFileSync(log, 'utf8').includes('waited') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(log, 'utf8')).toMatch(/^waited \d+ waiting: another command is running here: npm run build \(pid \d+, since/);
    const released = Date.now();
    first.release();
    expect(await second).toBe(0);
    const start = readFileSync(log, 'utf8').split('\n').find((l) => l.startsWith('start'))!;
    expect(Number(start.split(' ')[2])).toBeGreaterThanOrEqual(released);
    expect(existsSync(lock)).toBe(false);
  }, 90_000);

  it('two processes started together never hold it at the same time', async () => {
    const lock = join(dir, 'project.lock');
    const log = join(dir, 'log');
    writeFileSync(log, '');
    expect(await Promise.all([holder(lock, log), holder(lock, log)])).toEqual([0, 0]);
    const events = readFileSync(log, 'utf8').trim().split('\n').filter((l) => !l.startsWith('waited')).map((l) => l.split(' '));
    expect(events.map((e) => e[0])).toEqual(['start', 'end', 'start', 'end']);
    expect(events[0]![1]).toBe(events[1]![1]);
    expect(Number(events[2]![2])).toBeGreaterThanOrEqual(Number(events[1]![2]));
  }, 90_000);

  it('without waiting, a held lock fails at once naming its owner', async () => {
    const lock = join(dir, 'project.lock');
    const held = await acquireLock(lock, { purpose: 'npm run build' });
    try {
      await expect(acquireLock(lock, { purpose: 'npm run compute', wait: false })).rejects.toThrow(LockBusyError);
      await expect(acquireLock(lock, { purpose: 'npm run compute', wait: false })).rejects.toThrow(
        new RegExp(`another command is running here: npm run build \\(pid ${process.pid}, since`),
      );
    } finally {
      held.release();
    }
    expect(existsSync(lock)).toBe(false);
  });

  it('a lock left by a process that died is taken over', async () => {
    const lock = join(dir, 'project.lock');
    writeFileSync(lock, JSON.stringify({ pid: 999_999, host: hostname(), purpose: 'a killed build', since: '2026-01-01T00:00:00.000Z' }));
    let ran = false;
    await withLock(lock, { purpose: 'test', wait: false, isAlive: () => false }, async () => {
      ran = true;
      expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    });
    expect(ran).toBe(true);
  });

  it('is released when the body throws', async () => {
    const lock = join(dir, 'project.lock');
    await expect(withLock(lock, { purpose: 'test' }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });
});
