/** A figure's plotted table as RFC 4180 CSV, for the "download data" link. */

import type { FigureRow } from './types';

/** Fields containing a comma, a double quote, CR or LF are quoted (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  // String(x) is the shortest decimal that round-trips to the same float64 (ECMAScript
  // Number::toString), except that it drops the sign of −0; NaN and ±Infinity are written
  // "NaN", "Infinity", "-Infinity".
  const text = typeof value === 'string' ? value : Object.is(value, -0) ? '-0' : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows → CSV text: a header row, then one line per row, `\n` line ends (also after the last
 * line), null as an empty field (`""` when it is a one-column row's only field), numbers at full float64 round-trip precision. Columns are
 * `columns` if given, else the first row's keys in order; a row with a key outside the columns
 * is an error (it would silently vanish from the download). Missing keys are empty fields.
 */
export function toCsv(rows: ReadonlyArray<FigureRow>, columns?: readonly string[]): string {
  const header = columns ?? Object.keys(rows[0] ?? {});
  if (header.length === 0) throw new Error('toCsv: no columns (give `columns` or at least one row with keys)');
  const duplicate = header.find((name, i) => header.indexOf(name) !== i);
  if (duplicate !== undefined) throw new Error(`toCsv: column "${duplicate}" is listed twice`);

  const known = new Set(header);
  const lines = [header.map(field).join(',')];
  rows.forEach((row, index) => {
    const unknown = Object.keys(row).filter((key) => !known.has(key));
    if (unknown.length > 0) {
      throw new Error(
        `toCsv: row ${index} has ${unknown.map((k) => `"${k}"`).join(', ')} outside the columns [${header.join(', ')}]`,
      );
    }
    const line = header.map((name) => field(row[name])).join(',');
    // A one-column row whose only field is empty would be a blank line, which readers skip.
    lines.push(line === '' ? '""' : line);
  });
  return lines.map((line) => `${line}\n`).join('');
}
