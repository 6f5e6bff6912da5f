import { describe, expect, it } from 'vitest';
import { parseNotation, readNotation, symbolsInTex } from '../../../src/lib/notation/notation';

const symbols = readNotation(process.cwd());

describe('content/notation.json', () => {
  it('lists the mean-field symbols the issue names that the articles use', () => {
    const ids = symbols.map((s) => s.id);
    for (const id of ['q-star', 'chi1', 'xi-c', 'c-star', 't1', 'G', 'sigma-w2', 'sigma-b2']) expect(ids).toContain(id);
  });
});

describe('symbolsInTex', () => {
  it('finds symbols in TeX as the articles write them', () => {
    expect(symbolsInTex('\\chi_1 = \\sigma_w^2\\,\\mathbb E[\\phi\'(x)^2]', symbols)).toEqual(['sigma-w2', 'chi1']);
    expect(symbolsInTex('|x| > t_1(n)', symbols)).toEqual(['n', 't1']);
    expect(symbolsInTex('\\xi_c = -1/\\ln \\chi_c', symbols)).toEqual(['xi-c']);
    expect(symbolsInTex('G/G_\\text{ref} >', symbols)).toEqual(['G']);
  });

  it('does not read a letter inside a word or command as the symbol', () => {
    expect(symbolsInTex('\\ln x + \\operatorname{sech}^2(u)', symbols)).toEqual([]);
    expect(symbolsInTex('\\tanh(x)', symbols)).toEqual([]);
  });
});

describe('parseNotation', () => {
  const symbol = { id: 'q-star', tex: 'q^*', name: 'fixed point', definition: 'A definition here.', units: 'none', tex_patterns: ['q\\^\\*'] };
  it('fails on a pattern that does not match the symbol’s own TeX, naming file and symbol', () => {
    expect(() => parseNotation({ symbols: [{ ...symbol, tex_patterns: ['chi'] }] }, 'content/notation.json')).toThrow(
      /^content\/notation\.json: symbol "q-star": no tex pattern matches/,
    );
  });
  it('fails on a repeated id and on a missing field', () => {
    expect(() => parseNotation({ symbols: [symbol, symbol] })).toThrow(/symbol 2 \("q-star"\): the id is used/);
    expect(() => parseNotation({ symbols: [{ ...symbol, units: undefined }] })).toThrow(/units/);
  });
});
