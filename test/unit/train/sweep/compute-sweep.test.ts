/**
 * The smoke profile of a real sweep (depth-pilot: MNIST, TensorFlow.js in worker threads),
 * run through `npm run compute` in child processes: the result is the same bytes whatever the
 * worker count, sharding, or a kill in the middle.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const ID = 'depth-pilot';
const RECORD = join(ROOT, `.cache/profiles/smoke/data/${ID}.json`);
const CACHE = join(ROOT, `.cache/datasets/smoke/${ID}`);
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function compute(...args: string[]): string {
  const result = spawnSync(TSX, ['scripts/compute.ts', '--profile', 'smoke', '--only', ID, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  if (result.status !== 0) throw new Error(`compute ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const clear = () => {
  rmSync(CACHE, { recursive: true, force: true });
  rmSync(RECORD, { force: true });
};
const data = () => JSON.stringify(JSON.parse(readFileSync(RECORD, 'utf8')).data);

function runFiles(): string[] {
  if (!existsSync(CACHE)) return [];
  return readdirSync(CACHE).flatMap((hash) => {
    const dir = join(CACHE, hash, 'runs');
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  });
}

describe('a real sweep (smoke profile)', () => {
  let reference: string;
  beforeEach(() => {
    clear();
  });

  it('gives identical data with two workers and with one', () => {
    compute('--workers', '2');
    reference = data();
    const parsed = JSON.parse(reference);
    expect(parsed.runs).toHaveLength(4);
    expect(parsed.runs.every((r: { result: { outcome: string } }) => r.result.outcome === 'completed')).toBe(true);
    clear();
    compute('--workers', '1');
    expect(data()).toBe(reference);
  });

  it('shards run separately and merged give the same data', () => {
    expect(compute('--shard', '1/2', '--workers', '1')).toContain('shard 1/2: ran 2, already done 0, of 4 runs');
    expect(existsSync(RECORD)).toBe(false);
    compute('--shard', '2/2', '--workers', '1');
    compute('--merge');
    expect(data()).toBe(reference);
  });

  it('a killed sweep, started again, resumes and gives the same data', async () => {
    // Its own process group, so the kill reaches tsx's node child as well (as Ctrl-C or a
    // killed CI job would).
    const child = spawn(TSX, ['scripts/compute.ts', '--profile', 'smoke', '--only', ID, '--workers', '1'], { cwd: ROOT, stdio: 'ignore', detached: true });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill it (SIGKILL: no chance to clean up) as soon as the first run is saved.
    while (runFiles().length === 0) {
      if (child.exitCode !== null) throw new Error('the sweep finished before it could be killed');
      await new Promise((r) => setTimeout(r, 5));
    }
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    const saved = runFiles().length;
    expect(saved).toBeGreaterThanOrEqual(1);
    expect(saved).toBeLessThan(4);
    expect(existsSync(RECORD)).toBe(false);
    const log = compute('--workers', '2');
    expect(log).toContain(`${saved} of 4 runs already done, resuming`);
    expect(data()).toBe(reference);
  });
});
