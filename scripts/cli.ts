import type { PipelineEffects } from '../src/lib/data/pipeline.ts';

export const realEffects: PipelineEffects = {
  log: (line) => process.stdout.write(`${line}\n`),
  now: () => performance.now(),
  date: () => new Date(),
};

/** Runs a CLI body; any error ends the process with its message (no stack for expected ones). */
export async function runMain(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const err = error as Error;
    process.stderr.write(`error: ${err.message}\n`);
    if (process.env.DEBUG) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 1;
  }
}
