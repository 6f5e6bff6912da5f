import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { defineDataset } from '../../../src/lib/data/definition.ts';
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

/** A dataset definition whose producer is given inline (its source file only matters for hashing). */
export function testDataset(id: string, produce: (config: { points: number }) => unknown, points = 3) {
  return defineDataset({
    id,
    title: `test dataset ${id}`,
    configSchema: z.object({ points: z.number().int().min(1) }),
    config: { points },
    seeds: () => [],
    schema: z.object({ values: z.array(z.number()) }),
    produce: produce as (config: { points: number }) => { values: number[] },
  });
}
