import type { ZodError, ZodIssue } from 'zod';

/** A problem with a dataset record or its definition, always naming the file (and field). */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'DatasetError';
  }
}

/** `["data", "curve", 3, "t1"]` → `data.curve[3].t1` */
export function fieldPath(path: ReadonlyArray<string | number>): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('') || '(root)';
}

function describeIssue(issue: ZodIssue, prefix: ReadonlyArray<string | number>): string {
  return `field ${fieldPath([...prefix, ...issue.path])}: ${issue.message}`;
}

/** One line per violated field, the first few only (a broken array would list thousands). */
export function describeZodError(
  error: ZodError,
  prefix: ReadonlyArray<string | number> = [],
  limit = 5,
): string {
  const lines = error.issues.slice(0, limit).map((issue) => describeIssue(issue, prefix));
  const more = error.issues.length - limit;
  return lines.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
