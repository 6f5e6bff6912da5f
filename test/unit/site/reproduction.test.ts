import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasets } from '../../../src/lib/data/registry.ts';
import { figuresInArticle, formatDuration, readReproductionReport, reportCounts } from '../../../src/lib/site/reproduction.ts';

describe('reproducibility page helpers', () => {
  it('durations read in sensible units', () => {
    expect(formatDuration(3)).toBe('3 ms');
    expect(formatDuration(465)).toBe('0.47 s');
    expect(formatDuration(35_388)).toBe('35.4 s');
    expect(formatDuration(437_596)).toBe('7.3 min');
    expect(formatDuration(5_400_000)).toBe('1.5 h');
    expect(() => formatDuration(-1)).toThrow('not a duration');
  });

  it('finds the figures an article places, in order', () => {
    expect(figuresInArticle('a\n<Figure id="x-1" />\n\n<Figure  number="9" id="y" />\n<Num of="z" />')).toEqual(['x-1', 'y']);
  });

  it('reads the committed reproduction report: every dataset in it is registered', () => {
    const report = readReproductionReport();
    expect(report).not.toBeNull();
    const ids = new Set(datasets.map((d) => d.id));
    expect(report!.datasets.filter((d) => !ids.has(d.id)).map((d) => d.id)).toEqual([]);
    const counts = reportCounts(report!);
    expect(counts.identical + counts.differs + counts.new).toBe(report!.datasets.length);
  });

  it('a malformed report fails naming the file and the field; a missing one is null', () => {
    const root = mkdtempSync(join(tmpdir(), 'tanh-nx-report-'));
    try {
      expect(readReproductionReport(root)).toBeNull();
      mkdirSync(join(root, 'content'));
      writeFileSync(join(root, 'content/reproduction-report.json'), JSON.stringify({ generatedAt: 'yesterday', node: 'v20', totalWallTimeMs: 1, datasets: [] }));
      expect(() => readReproductionReport(root)).toThrow(/content\/reproduction-report\.json: field generatedAt/);
      writeFileSync(join(root, 'content/reproduction-report.json'), '{');
      expect(() => readReproductionReport(root)).toThrow(/content\/reproduction-report\.json: not valid JSON/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
