import { describe, expect, it } from 'vitest';
import { parseFieldPath, resolveField, resolveNumber, resolveRecordNumber } from '../../../src/lib/records/field-path.ts';

const data = {
  maximiser: { n: 1.81, t1: 0.66 },
  integers: [
    { n: 2, t1: 0.658 },
    { n: 3, t1: 0.587 },
  ],
  label: 'x',
};

describe('field paths in articles', () => {
  it('parses keys, indices and key=value selectors', () => {
    expect(parseFieldPath('integers[n=2].t1')).toEqual([{ key: 'integers' }, { where: [{ key: 'n', equals: '2' }] }, { key: 't1' }]);
    expect(parseFieldPath('curve[n=2,sb2=0].chi1')).toEqual([
      { key: 'curve' },
      { where: [{ key: 'n', equals: '2' }, { key: 'sb2', equals: '0' }] },
      { key: 'chi1' },
    ]);
    expect(parseFieldPath('integers[1].n')).toEqual([{ key: 'integers' }, { index: 1 }, { key: 'n' }]);
  });

  it('resolves a nested field, an index and a selector', () => {
    expect(resolveNumber(data, 'maximiser.n')).toBe(1.81);
    expect(resolveNumber(data, 'integers[1].t1')).toBe(0.587);
    expect(resolveNumber(data, 'integers[n=2].t1')).toBe(0.658);
  });

  it('selects by several fields at once, and refuses an ambiguous selector', () => {
    const curve = { curve: [{ n: 2, sb2: 0, chi1: 1.5 }, { n: 2, sb2: 0.05, chi1: 1.7 }] };
    expect(resolveNumber(curve, 'curve[n=2,sb2=0.05].chi1')).toBe(1.7);
    expect(() => resolveField(curve, 'curve[n=2].chi1')).toThrow('2 elements of data.curve with n = 2');
  });

  it('names the first missing step and what is there instead', () => {
    expect(() => resolveField(data, 'maximser.n')).toThrow('no field data.maximser (data is an object with fields maximiser, integers, label)');
    expect(() => resolveField(data, 'integers[5].n')).toThrow('no element data.integers[5] (data.integers is an array of 2)');
    expect(() => resolveField(data, 'integers[n=7].t1')).toThrow('no elements of data.integers with n = 7');
  });

  it('refuses a value that is not a finite number', () => {
    expect(() => resolveNumber(data, 'label')).toThrow('data.label is string, not a finite number');
    expect(() => resolveNumber(data, 'maximiser')).toThrow('not a finite number');
  });

  it('rejects unparseable paths', () => {
    expect(() => parseFieldPath('a..b')).toThrow('cannot parse field path');
    expect(() => parseFieldPath('')).toThrow('empty field path');
  });

  it('a path starting with config. reads the configuration the dataset was produced with', () => {
    const record = { data: { steps: 1 }, provenance: { config: { base: { steps: 300 } } } };
    expect(resolveRecordNumber(record, 'config.base.steps')).toBe(300);
    expect(resolveRecordNumber(record, 'steps')).toBe(1);
    expect(() => resolveRecordNumber(record, 'config.base.step')).toThrow('no field config.base.step');
  });
});
