/**
 * Deterministic, diff-friendly JSON for committed datasets: objects are indented, while
 * arrays of primitives and flat objects (table rows) stay on one line each, so a regenerated
 * dataset shows up in review as a few changed rows rather than thousands of changed lines.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isPrimitive = (v: unknown): boolean => v === null || typeof v !== 'object';

function isFlatRecord(v: unknown): v is Record<string, Json> {
  return (
    v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isPrimitive)
  );
}

function encodePrimitive(v: unknown, where: string): string {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    // JSON.stringify would silently write null; a dataset must never hide a NaN.
    throw new TypeError(`${where}: ${v} is not representable in JSON`);
  }
  if (v === undefined) throw new TypeError(`${where}: undefined is not representable in JSON`);
  return JSON.stringify(v);
}

function encode(v: unknown, indent: string, where: string): string {
  if (isPrimitive(v)) return encodePrimitive(v, where);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every(isPrimitive)) return `[${v.map((x, i) => encodePrimitive(x, `${where}[${i}]`)).join(', ')}]`;
    const items = v.map((x, i) =>
      isFlatRecord(x) ? encodeFlat(x, `${where}[${i}]`) : encode(x, inner, `${where}[${i}]`),
    );
    return `[\n${items.map((s) => inner + s).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(
    ([k, x]) => `${inner}${JSON.stringify(k)}: ${encode(x, inner, where ? `${where}.${k}` : k)}`,
  );
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

function encodeFlat(v: Record<string, Json>, where: string): string {
  const parts = Object.entries(v).map(
    ([k, x]) => `${JSON.stringify(k)}: ${encodePrimitive(x, `${where}.${k}`)}`,
  );
  return `{ ${parts.join(', ')} }`;
}

/** Formats a JSON value; throws (naming the field) on NaN, ±Infinity or undefined. */
export function formatJson(value: unknown): string {
  return encode(value, '', '') + '\n';
}

/** Canonical form for hashing: keys sorted at every level, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (isPrimitive(value)) return encodePrimitive(value, 'value');
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}
