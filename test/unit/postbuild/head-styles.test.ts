import { describe, expect, it } from 'vitest';
import { withBodyStylesInHead } from '../../../src/lib/postbuild/head-styles';

const ISLAND_STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

describe('withBodyStylesInHead', () => {
  it('moves Astro’s island style from after a paragraph into the head, keeping the island', () => {
    const page = `<!DOCTYPE html><html><head><title>t</title></head><body><main><p>x</p>${ISLAND_STYLE}<astro-island></astro-island></main></body></html>`;
    const { html, moved } = withBodyStylesInHead(page);
    expect(moved).toBe(1);
    expect(html).toBe(`<!DOCTYPE html><html><head><title>t</title>${ISLAND_STYLE}</head><body><main><p>x</p><astro-island></astro-island></main></body></html>`);
  });

  it('writes an identical style once, and none that the head already has', () => {
    const page = `<html><head>${ISLAND_STYLE}</head><body>${ISLAND_STYLE}<div>${ISLAND_STYLE}</div></body></html>`;
    expect(withBodyStylesInHead(page).html).toBe(`<html><head>${ISLAND_STYLE}</head><body><div></div></body></html>`);
  });

  it('leaves a style inside an inline SVG where it is', () => {
    const page = '<html><head></head><body><svg><style>.a{fill:red}</style><rect/></svg></body></html>';
    expect(withBodyStylesInHead(page)).toEqual({ html: page, moved: 0 });
  });

  it('leaves a page without body styles byte for byte', () => {
    const page = '<html><head><style>p{}</style></head><body><p>x</p></body></html>';
    expect(withBodyStylesInHead(page)).toEqual({ html: page, moved: 0 });
  });
});
