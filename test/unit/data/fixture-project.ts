import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { defineContract, type RecordContract } from '../../../src/lib/records/contract.ts';
import { defineProducer, type ProduceContext, type UpstreamRecords } from '../../../src/lib/data/producer.ts';
import type { PipelineEffects } from '../../../src/lib/data/pipeline.ts';

/** A throw-away project root with a lockfile and source files, for pipeline tests. */
export class FixtureProject {
  readonly root = mkdtempSync(join(tmpdir(), 'tanh-nx-data-'));

  constructor(packages: Record<string, string> = { zod: '3.25.76', 'left-pad': '1.3.0' }) {
    this.setPackages(packages);
  }

  setPackages(packages: Record<string, string>): void {
    const entries = Object.fromEntries(Object.entries(packages).map(([name, version]) => [`node_modules/${name}`, { version }]));
    this.write('package-lock.json', JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...entries } }));
  }

  write(path: string, content: string): void {
    mkdirSync(dirname(join(this.root, path)), { recursive: true });
    writeFileSync(join(this.root, path), content);
  }

  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Silent effects with a fixed clock, collecting log lines. */
export function quietEffects(): PipelineEffects & { lines: string[] } {
  const lines: string[] = [];
  let t = 0;
  return {
    lines,
    log: (line) => lines.push(line),
    now: () => (t += 5),
    date: () => new Date('2026-01-02T03:04:05.000Z'),
  };
}

export const valuesSchema = z.object({ values: z.array(z.number()) });

/** A contract holding a list of numbers, derived from `upstream`. */
export const testContract = (id: string, upstream: RecordContract[] = []) =>
  defineContract({ id, title: `test dataset ${id}`, schema: valuesSchema, upstream });

type Produce = (config: { points: number }, upstream: UpstreamRecords, context: ProduceContext) => unknown;

/** A producer given inline (its source file, src/lib/data/producers/<id>.ts, only matters for hashing). */
export function testDataset(id: string, produce: Produce, points = 3, options: { upstream?: RecordContract[]; trains?: boolean } = {}) {
  return defineProducer({
    contract: testContract(id, options.upstream),
    configSchema: z.object({ points: z.number().int().min(1) }),
    config: { points },
    seeds: () => [],
    trains: options.trains,
    produce: produce as (config: { points: number }) => { values: number[] },
  });
}
