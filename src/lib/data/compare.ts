import { fieldPath } from '../io/errors.ts';

/** How two versions of a dataset's data differ: structure first, then numbers. */
export interface DataComparison {
  identical: boolean;
  /** Largest |a − b| over numeric leaves present in both. */
  maxAbsDiff: number;
  /** Largest |a − b| / max(|a|, |b|) over numeric leaves present in both. */
  maxRelDiff: number;
  /** Where the two differ in shape or in a non-numeric value (first few). */
  differences: string[];
}

const DIFFERENCE_LIMIT = 10;

export function compareData(before: unknown, after: unknown): DataComparison {
  const result: DataComparison = { identical: true, maxAbsDiff: 0, maxRelDiff: 0, differences: [] };
  const note = (path: (string | number)[], what: string) => {
    result.identical = false;
    if (result.differences.length < DIFFERENCE_LIMIT) {
      result.differences.push(`${fieldPath(path)}: ${what}`);
    }
  };
  const walk = (a: unknown, b: unknown, path: (string | number)[]): void => {
    if (typeof a === 'number' && typeof b === 'number') {
      if (Object.is(a, b)) return;
      result.identical = false;
      const abs = Math.abs(a - b);
      const scale = Math.max(Math.abs(a), Math.abs(b));
      result.maxAbsDiff = Math.max(result.maxAbsDiff, abs);
      result.maxRelDiff = Math.max(result.maxRelDiff, scale === 0 ? 0 : abs / scale);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) note(path, `length ${a.length} → ${b.length}`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], [...path, i]);
      return;
    }
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const ra = a as Record<string, unknown>;
      const rb = b as Record<string, unknown>;
      for (const key of new Set([...Object.keys(ra), ...Object.keys(rb)])) {
        if (!(key in ra)) note([...path, key], 'added');
        else if (!(key in rb)) note([...path, key], 'removed');
        else walk(ra[key], rb[key], [...path, key]);
      }
      return;
    }
    if (a !== b) note(path, `${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  };
  walk(before, after, []);
  return result;
}
