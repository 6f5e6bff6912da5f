import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contracts } from '../../../src/lib/records/contracts/index.ts';
import type { ReproductionReport } from '../../../src/lib/records/reproduction-report.ts';
import { formatDuration, readReproductionReport, reportCounts } from '../../../src/lib/site/reproduction.ts';

describe('reproducibility page helpers', () => {
  it('durations read in sensible units', () => {
    expect(formatDuration(3)).toBe('3 ms');
    expect(formatDuration(465)).toBe('0.47 s');
    expect(formatDuration(35_388)).toBe('35.4 s');
    expect(formatDuration(437_596)).toBe('7.3 min');
    expect(formatDuration(5_400_000)).toBe('1.5 h');
    expect(() => formatDuration(-1)).toThrow('not a duration');
  });

  it("counts a report's datasets by status", () => {
    const entry = (id: string, status: ReproductionReport['datasets'][number]['status']) => ({
      id,
      status,
      maxAbsDiff: 0,
      maxRelDiff: 0,
      differences: [],
      backend: null,
      previousBackend: null,
      wallTimeMs: 1,
      computeTimeMs: 1,
    });
    const report: ReproductionReport = {
      generatedAt: '2026-01-01T00:00:00.000Z',
      node: 'v20',
      totalWallTimeMs: 3,
      backendTolerance: { maxRelDiff: 0.01 },
      datasets: [entry('a', 'identical'), entry('b', 'identical'), entry('c', 'differs'), entry('d', 'within tolerance')],
    };
    expect(reportCounts(report)).toEqual({ identical: 2, 'within tolerance': 1, differs: 1, new: 0 });
  });

  it('the committed reproduction report covers every published record, and names no other', () => {
    const report = readReproductionReport();
    expect(report).not.toBeNull();
    expect(report!.datasets.map((d) => d.id).sort()).toEqual(contracts.map((c) => c.id).sort());
  });

  it('a malformed report fails naming the file and the field; a missing one is null', () => {
    const root = mkdtempSync(join(tmpdir(), 'tanh-nx-report-'));
    try {
      expect(readReproductionReport(root)).toBeNull();
      mkdirSync(join(root, 'content'));
      writeFileSync(join(root, 'content/reproduction-report.json'), JSON.stringify({ generatedAt: 'yesterday', node: 'v20', totalWallTimeMs: 1, backendTolerance: { maxRelDiff: 0.01 }, datasets: [] }));
      expect(() => readReproductionReport(root)).toThrow(/content\/reproduction-report\.json: field generatedAt/);
      writeFileSync(join(root, 'content/reproduction-report.json'), '{');
      expect(() => readReproductionReport(root)).toThrow(/content\/reproduction-report\.json: not valid JSON/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
