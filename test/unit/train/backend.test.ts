/** Backend choice: idempotent, logged once, and working from any directory inside worker_threads. */
import * as tf from '@tensorflow/tfjs';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

import { backendName, initBackend, wasmDirectory } from '../../../src/lib/train/backend';

function tfjsNodeInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}
const expected = tfjsNodeInstalled() ? 'tfjs-node' : 'tfjs-wasm';

describe('initBackend', () => {
  it(`chooses ${expected} here, once, logging the choice once`, async () => {
    expect(() => backendName()).toThrow(/initBackend/);
    const log: string[] = [];
    const first = initBackend({ log: (m) => log.push(m) });
    const second = initBackend({ log: (m) => log.push(m) });
    expect(second).toBe(first);
    expect(await first).toBe(expected);
    await initBackend({ log: (m) => log.push(m) });
    expect(log).toHaveLength(1);
    expect(log[0]).toContain(expected);
    expect(backendName()).toBe(expected);
    expect(tf.getBackend()).toBe(expected === 'tfjs-wasm' ? 'wasm' : 'tensorflow');
  });

  it('refuses to switch to another backend afterwards', async () => {
    await initBackend();
    expect(() => initBackend({ backend: 'cpu' })).toThrow(/cannot switch/);
  });

  it('resolves the wasm binaries to the package directory', () => {
    expect(wasmDirectory()).toMatch(/@tensorflow[/\\]tfjs-backend-wasm[/\\]dist[/\\]$/);
  });

  it('works inside a worker_thread of a process started in another directory', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/backend-in-worker.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [fixture], { cwd: tmpdir(), timeout: 20_000 });
    expect(JSON.parse(stdout)).toEqual({ backend: expected, product: [19, 22, 43, 50] });
  });
});
