/**
 * Resolves a field path inside a dataset's `data`, as written in an article:
 * `maximiser.n`, `integers[0].t1`, `integers[n=2].t1` (the element whose `n` is 2; safer
 * than an index when the config's order changes), or `curve[n=2,sb2=0].chi1` (all conditions).
 */
export type PathStep = { key: string } | { index: number } | { where: Array<{ key: string; equals: string }> };

const STEP = /^(?:\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[([A-Za-z_$][\w$]*=[^\],]+(?:,[A-Za-z_$][\w$]*=[^\],]+)*)\])/;

export function parseFieldPath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  let rest = path.trim();
  if (rest === '') throw new Error('empty field path');
  while (rest.length > 0) {
    const match = STEP.exec(rest);
    if (!match) throw new Error(`cannot parse field path "${path}" at "${rest}"`);
    if (match[1] !== undefined) steps.push({ key: match[1] });
    else if (match[2] !== undefined) steps.push({ index: Number(match[2]) });
    else {
      steps.push({
        where: match[3]!.split(',').map((condition) => {
          const [key, equals] = condition.split('=') as [string, string];
          return { key, equals };
        }),
      });
    }
    rest = rest.slice(match[0].length);
  }
  return steps;
}

const describe = (v: unknown): string =>
  Array.isArray(v) ? `an array of ${v.length}` : v === null ? 'null' : typeof v === 'object' ? `an object with fields ${Object.keys(v as object).join(', ')}` : typeof v;

/** The value at `path`; throws a message naming the first step that does not exist. */
export function resolveField(data: unknown, path: string, rootName = 'data'): unknown {
  let value = data;
  let walked = rootName;
  for (const step of parseFieldPath(path)) {
    if ('key' in step) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !(step.key in value)) {
        throw new Error(`no field ${walked}.${step.key} (${walked} is ${describe(value)})`);
      }
      value = (value as Record<string, unknown>)[step.key];
      walked += `.${step.key}`;
    } else if ('index' in step) {
      if (!Array.isArray(value) || step.index >= value.length) {
        throw new Error(`no element ${walked}[${step.index}] (${walked} is ${describe(value)})`);
      }
      value = value[step.index];
      walked += `[${step.index}]`;
    } else {
      const selector = step.where.map((c) => `${c.key}=${c.equals}`).join(',');
      if (!Array.isArray(value)) throw new Error(`${walked} is ${describe(value)}, not an array to select [${selector}] from`);
      const matches = value.filter(
        (el) =>
          el !== null &&
          typeof el === 'object' &&
          step.where.every((c) => String((el as Record<string, unknown>)[c.key]) === c.equals),
      );
      if (matches.length !== 1) {
        const conditions = step.where.map((c) => `${c.key} = ${c.equals}`).join(' and ');
        throw new Error(`${matches.length === 0 ? 'no' : matches.length} elements of ${walked} with ${conditions}`);
      }
      value = matches[0];
      walked += `[${selector}]`;
    }
  }
  return value;
}

/** Like resolveField, but the value must be a finite number. */
export function resolveNumber(data: unknown, path: string, rootName = 'data'): number {
  const value = resolveField(data, path, rootName);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${rootName}.${path} is ${describe(value)}${typeof value === 'number' ? ` (${value})` : ''}, not a finite number`);
  }
  return value;
}

/** The prefix that points a field path at the dataset's configuration instead of its data. */
export const CONFIG_PREFIX = 'config.';

/**
 * A number from a dataset record: `at` is a path into its data, or, starting with `config.`,
 * into the configuration it was produced with (provenance.config), so that prose can quote
 * a set-up (the step budget, the learning rate) from the same record as the results.
 */
export function resolveRecordNumber(record: { data: unknown; provenance: { config?: unknown } }, at: string): number {
  return at.startsWith(CONFIG_PREFIX)
    ? resolveNumber(record.provenance.config, at.slice(CONFIG_PREFIX.length), 'config')
    : resolveNumber(record.data, at);
}
