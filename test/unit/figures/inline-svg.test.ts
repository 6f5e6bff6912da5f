import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { escapeXml, toInlineSvg } from '../../../src/lib/figures/inline-svg';
import { descendants, elementChildren, parseXml, textOf } from './xml';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const raw = fixture('vega-raw.svg');
const options = {
  id: 'golden',
  title: 'Golden <fixture> & "friends"',
  description: "Vega-style SVG with clip paths, gradients and a pattern; it's hand-written.",
};

/** A minimal Vega-shaped SVG around `inner`. */
const wrap = (inner: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" width="10" height="5" viewBox="0 0 10 5">${inner}</svg>`;

describe('toInlineSvg on a hand-written Vega-style SVG (golden file)', () => {
  it('produces fixtures/vega-raw.inline.svg exactly', () => {
    expect(toInlineSvg(raw, options)).toBe(fixture('vega-raw.inline.svg').trimEnd());
  });

  it('gives well-formed XML with the root as one image named by its title and desc', () => {
    const svg = parseXml(toInlineSvg(raw, options));
    expect(svg.name).toBe('svg');
    expect(svg.attributes.role).toBe('img');
    expect(svg.attributes.focusable).toBe('false');
    expect(svg.attributes.tabindex).toBeUndefined();
    const [title, desc] = elementChildren(svg);
    expect(title).toMatchObject({ name: 'title', attributes: { id: 'fig-golden-title' } });
    expect(desc).toMatchObject({ name: 'desc', attributes: { id: 'fig-golden-desc' } });
    expect(svg.attributes['aria-labelledby']).toBe('fig-golden-title fig-golden-desc');
    expect(textOf(title!)).toBe(options.title);
    expect(textOf(desc!)).toBe(options.description);
  });

  it('replaces the fixed size by width 100% and keeps viewBox and the natural size', () => {
    const svg = parseXml(toInlineSvg(raw, options));
    expect(svg.attributes).toMatchObject({ viewBox: '0 0 320 200', width: '100%', 'data-width': '320', 'data-height': '200' });
    expect(svg.attributes.height).toBeUndefined();
  });

  it('strips role and aria-* from every element inside', () => {
    for (const element of descendants(parseXml(toInlineSvg(raw, options)))) {
      const names = Object.keys(element.attributes);
      expect(names.filter((n) => n === 'role' || n.startsWith('aria-') || n === 'tabindex'), element.name).toEqual([]);
    }
  });

  it('prefixes every id and points every internal reference at an id of the same SVG', () => {
    const out = toInlineSvg(raw, options);
    const ids = descendants(parseXml(out)).flatMap((e) => (e.attributes.id ? [e.attributes.id] : []));
    expect(ids).toEqual([
      'fig-golden-title',
      'fig-golden-desc',
      'fig-golden-p_gradient_1',
      'fig-golden-gradient_1',
      'fig-golden-gradient_2',
      'fig-golden-clip1',
      'fig-golden-clip2',
    ]);
    const references = [...out.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references.filter((r) => r !== 'section-2')) expect(ids).toContain(reference);
  });

  it('leaves links to page anchors and external URLs alone', () => {
    const out = toInlineSvg(raw, options);
    expect(out).toContain('<a href="#section-2">');
    expect(out).toContain('xlink:href="https://example.org/?a=1&amp;b=2"');
  });

  it('renumbers ids per stem in document order, whatever numbers Vega gave them', () => {
    const a = toInlineSvg(wrap('<g clip-path="url(#clip1)"/><defs><clipPath id="clip1"/></defs>'), options);
    const b = toInlineSvg(wrap('<g clip-path="url(#clip42)"/><defs><clipPath id="clip42"/></defs>'), options);
    expect(a).toBe(b);
    expect(a).toContain('id="fig-golden-clip1"');
  });

  it('keeps text and escaped attribute values byte for byte', () => {
    const out = toInlineSvg(raw, options);
    expect(out).toContain('font-family="system-ui, &quot;Segoe UI&quot;, sans-serif"');
    expect(out).toContain('>a &lt; b &amp; c</text>');
  });
});

describe('toInlineSvg escaping', () => {
  it('escapes <, &, and both quotes in the title and description', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    const out = toInlineSvg(wrap(''), { id: 'x', title: 'tanh(n·x) < 1 & "n" > 0', description: "it's </desc><script>" });
    const svg = parseXml(out);
    expect(textOf(elementChildren(svg)[0]!)).toBe('tanh(n·x) < 1 & "n" > 0');
    expect(textOf(elementChildren(svg)[1]!)).toBe("it's </desc><script>");
    expect(descendants(svg).map((e) => e.name)).toEqual(['title', 'desc']);
  });
});

describe('toInlineSvg refuses what it cannot handle safely, naming the figure', () => {
  it.each([
    ['an empty title', wrap(''), { title: ' ' }, /Figure "golden": the title is empty/],
    ['an empty description', wrap(''), { description: '' }, /Figure "golden": the description is empty/],
    ['a control character', wrap(''), { title: 'a\u0007b' }, /character that XML forbids/],
    ['a comment', wrap('<!-- c -->'), {}, /Figure "golden": Unexpected markup/],
    ['an unclosed <', wrap('<g'), {}, /Unexpected markup/],
    ['a root that is not <svg>', '<g></g>', {}, /not a single <svg>/],
    ['no viewBox', '<svg width="1" height="1"></svg>', {}, /no usable viewBox/],
    ['a dangling url(#…)', wrap('<path fill="url(#nowhere)"/>'), {}, /url\(#nowhere\), which it does not define/],
    ['a repeated id', wrap('<clipPath id="clip1"/><clipPath id="clip1"/>'), {}, /defines id "clip1" twice/],
  ])('%s', (_, svg, override, message) => {
    expect(() => toInlineSvg(svg, { ...options, ...override })).toThrow(message);
  });

  it('rejects an id that is not kebab-case', () => {
    expect(() => toInlineSvg(wrap(''), { ...options, id: 'Not Kebab' })).toThrow(/Invalid figure id/);
  });
});
