import { describe, expect, it } from 'vitest';

import { toCsv } from '../../../src/lib/figures/csv';

/** An independent RFC 4180 reader: records of raw field strings. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else {
      if (c === '\r') throw new Error(`bare CR outside quotes at ${i}`);
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record has no line end');
  return records;
}

describe('toCsv', () => {
  it('writes a header row and one line per row, each ended by \\n', () => {
    expect(toCsv([{ n: 2, x: 0.5 }, { n: 1, x: -1 }])).toBe('n,x\n2,0.5\n1,-1\n');
  });

  it('quotes fields with a comma, a double quote, CR or LF, doubling inner quotes', () => {
    const rows = [
      { text: 'a,b' },
      { text: 'say "hi"' },
      { text: 'line\nbreak' },
      { text: 'cr\rhere' },
      { text: 'crlf\r\n' },
      { text: 'plain' },
    ];
    expect(toCsv(rows)).toBe('text\n"a,b"\n"say ""hi"""\n"line\nbreak"\n"cr\rhere"\n"crlf\r\n"\nplain\n');
  });

  it('round-trips awkward strings through an independent RFC 4180 reader', () => {
    const awkward = ['', ' ', ' padded ', '"', '""', ',', 'a,"b",c', '\n', '\r\n', 'tanh(n·x) ≥ 1/n', '=1+1', "it's"];
    const rows = awkward.map((s, i) => ({ i, s, t: `${s}|${s}` }));
    const parsed = parseCsv(toCsv(rows));
    expect(parsed[0]).toEqual(['i', 's', 't']);
    expect(parsed.slice(1)).toEqual(awkward.map((s, i) => [String(i), s, `${s}|${s}`]));
  });

  it('writes numbers at full float64 round-trip precision, keeping the sign of −0', () => {
    const values = [0.1 + 0.2, 1 / 3, 5e-324, 1.7976931348623157e308, -0, 0, 1e21, 123456789.123456789, -2.5e-8];
    const parsed = parseCsv(toCsv(values.map((x) => ({ x }))));
    const back = parsed.slice(1).map(([x]) => Number(x));
    expect(back).toEqual(values);
    for (const [i, x] of back.entries()) expect(Object.is(x, values[i])).toBe(true);
    expect(parsed[1]).toEqual(['0.30000000000000004']);
  });

  it('writes NaN and infinities as NaN, Infinity, -Infinity', () => {
    expect(toCsv([{ a: Number.NaN, b: Infinity, c: -Infinity }])).toBe('a,b,c\nNaN,Infinity,-Infinity\n');
  });

  it('writes booleans as true/false and null (or a missing key) as an empty field', () => {
    expect(toCsv([{ a: true, b: null, c: false }, { a: false }], ['a', 'b', 'c'])).toBe('a,b,c\ntrue,,false\nfalse,,\n');
  });

  it('keeps a one-column row with an empty field as "" rather than a blank line', () => {
    const csv = toCsv([{ a: '' }, { a: null }, { a: 'x' }]);
    expect(csv).toBe('a\n""\n""\nx\n');
    expect(parseCsv(csv)).toEqual([['a'], [''], [''], ['x']]);
  });

  it('orders columns as given, else by the first row’s keys', () => {
    expect(toCsv([{ b: 1, a: 2 }])).toBe('b,a\n1,2\n');
    expect(toCsv([{ b: 1, a: 2 }], ['a', 'b'])).toBe('a,b\n2,1\n');
    expect(toCsv([{ b: 1, a: 2 }, { a: 3, b: 4 }])).toBe('b,a\n1,2\n4,3\n');
  });

  it('quotes header names that need it', () => {
    expect(toCsv([{ 'slope, max': 1 }])).toBe('"slope, max"\n1\n');
  });

  it('rejects a row with a key outside the columns, naming the row and the key', () => {
    expect(() => toCsv([{ a: 1 }, { a: 2, typo: 3 }])).toThrow(/row 1 has "typo" outside the columns \[a\]/);
    expect(() => toCsv([{ a: 1, b: 2 }], ['a'])).toThrow(/row 0 has "b"/);
  });

  it('writes just the header for no rows when columns are given, and refuses to guess them otherwise', () => {
    expect(toCsv([], ['n', 'x'])).toBe('n,x\n');
    expect(() => toCsv([])).toThrow(/no columns/);
    expect(() => toCsv([{ a: 1 }], ['a', 'a'])).toThrow(/listed twice/);
  });

  it('is deterministic: the same rows give the same text', () => {
    const rows = [{ n: 2, x: Math.PI, label: 'n = 2' }];
    expect(toCsv(rows)).toBe(toCsv(structuredClone(rows)));
  });
});
