import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInWorkers } from '../../../../src/lib/train/sweep/pool.ts';

const task = fileURLToPath(new URL('./fixtures/square-task.ts', import.meta.url));

describe('worker pool', () => {
  it('runs every task in TypeScript worker threads and reports each result', async () => {
    const results = new Map<number, number>();
    const tasks = [3, 1, 4, 1.5, 9].map((x, id) => ({ id, payload: { x, delayMs: (5 - id) * 10 } }));
    await runInWorkers(task, 2, tasks, (id, r: number) => results.set(id, r));
    expect([...results.entries()].sort(([a], [b]) => a - b)).toEqual([
      [0, 9],
      [1, 1],
      [2, 16],
      [3, 2.25],
      [4, 81],
    ]);
  });

  it('a failing task rejects, naming the task and the error, and stops the workers', async () => {
    const tasks: Array<{ id: number; payload: { x: number; fail?: boolean } }> = [
      { id: 0, payload: { x: 1 } },
      { id: 7, payload: { x: 2, fail: true } },
    ];
    await expect(runInWorkers(task, 2, tasks, () => {})).rejects.toThrow(/task 7 failed in a worker: Error: cannot square 2/);
  });

  it('a failure while saving a result rejects', async () => {
    await expect(
      runInWorkers(task, 1, [{ id: 0, payload: { x: 1 } }], () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
  });
});
