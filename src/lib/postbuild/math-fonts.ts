/**
 * KaTeX's font faces and which of them the site's math uses, with which characters: one source
 * for the post-build steps that subset the faces (font-subset.ts) and preload them
 * (font-preload.ts).
 *
 * A formula's visible rendering is the `.katex-html` subtree (the `.katex-mathml` copy is drawn
 * by the browser's own math font); its text is drawn in `KaTeX_Main` (the `.katex` default)
 * unless an enclosing element's classes select another face in katex.css. A character is
 * counted for every face an enclosing element selects, which over-approximates the one face that
 * draws it and never misses it.
 */
import { fromHtml } from 'hast-util-from-html';

/**
 * KaTeX's font faces, in preload order, each with the class sets that select it in katex.css:
 * an element carrying every class of one set draws its text in that face. `.katex` alone sets
 * KaTeX_Main.
 */
export const MATH_FONTS: readonly { stem: string; classes: readonly (readonly string[])[] }[] = [
  { stem: 'KaTeX_Main-Regular', classes: [['katex']] },
  { stem: 'KaTeX_Math-Italic', classes: [['mathnormal']] },
  { stem: 'KaTeX_Main-Bold', classes: [['mathbf'], ['textbf']] },
  { stem: 'KaTeX_Main-Italic', classes: [['mathit'], ['textit']] },
  { stem: 'KaTeX_Math-BoldItalic', classes: [['boldsymbol']] },
  { stem: 'KaTeX_AMS-Regular', classes: [['amsrm'], ['mathbb'], ['textbb']] },
  { stem: 'KaTeX_Caligraphic-Regular', classes: [['mathcal']] },
  { stem: 'KaTeX_Fraktur-Regular', classes: [['mathfrak'], ['textfrak']] },
  { stem: 'KaTeX_Script-Regular', classes: [['mathscr'], ['textscr']] },
  { stem: 'KaTeX_SansSerif-Regular', classes: [['mathsf'], ['textsf']] },
  { stem: 'KaTeX_Typewriter-Regular', classes: [['mathtt'], ['texttt']] },
  { stem: 'KaTeX_Size1-Regular', classes: [['delimsizing', 'size1'], ['delim-size1'], ['op-symbol', 'small-op']] },
  { stem: 'KaTeX_Size2-Regular', classes: [['delimsizing', 'size2'], ['op-symbol', 'large-op']] },
  { stem: 'KaTeX_Size3-Regular', classes: [['delimsizing', 'size3']] },
  { stem: 'KaTeX_Size4-Regular', classes: [['delimsizing', 'size4'], ['delim-size4']] },
];

interface HastNode {
  type: string;
  value?: string;
  properties?: { className?: unknown };
  children?: HastNode[];
}

function classesOf(node: HastNode): string[] {
  const names = node.properties?.className;
  return Array.isArray(names) ? names.map(String) : [];
}

/** The faces an element with `classes` selects (a face is selected when all classes of one of its sets are present). */
function facesSelectedBy(classes: readonly string[]): string[] {
  return MATH_FONTS.filter((face) => face.classes.some((set) => set.every((c) => classes.includes(c)))).map((f) => f.stem);
}

/** Adds to `out` (face stem → characters) the characters each face may draw in the math of `html`. */
export function collectMathCharacters(html: string, out: Map<string, Set<string>>): void {
  if (!html.includes('katex-html')) return;
  const visit = (node: HastNode, faces: readonly string[], visible: boolean): void => {
    if (node.type === 'text') {
      if (!visible || !node.value) return;
      for (const face of faces) {
        let chars = out.get(face);
        if (!chars) out.set(face, (chars = new Set()));
        for (const ch of node.value) chars.add(ch);
      }
      return;
    }
    let inner = faces;
    let shown = visible;
    if (node.type === 'element') {
      const classes = classesOf(node);
      if (classes.includes('katex-mathml')) return;
      if (classes.includes('katex-html')) shown = true;
      const selected = facesSelectedBy(classes).filter((f) => !faces.includes(f));
      if (selected.length) inner = [...faces, ...selected];
    }
    for (const child of node.children ?? []) visit(child, inner, shown);
  };
  visit(fromHtml(html) as HastNode, [], false);
}

/** The faces the math of `html` draws text in, in preload (`MATH_FONTS`) order. */
export function mathFontsUsed(html: string): string[] {
  const used = new Map<string, Set<string>>();
  collectMathCharacters(html, used);
  return MATH_FONTS.map((f) => f.stem).filter((stem) => used.has(stem));
}

/** The woff2 URL of the font `stem` that `css` loads, as written in the CSS, if any. */
export function woff2Url(css: string, stem: string): string | null {
  const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`url\\(\\s*["']?([^"')\\s]*/${escaped}(?:\\.[\\w-]+)?\\.woff2)["']?\\s*\\)`).exec(css);
  return match?.[1] ?? null;
}

/**
 * True when `css` embeds the woff2 of font `stem` as a data: URL: Vite inlines assets under
 * 4 KB (KaTeX's Size3 face), which then arrive with the stylesheet and need no preload. The
 * face's `@font-face` is recognised by its woff or ttf fallback, which keeps the file name.
 */
export function woff2Inlined(css: string, stem: string): boolean {
  for (const [block] of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    if (block.includes(`/${stem}.`) && /url\(\s*["']?data:font\/woff2/.test(block)) return true;
  }
  return false;
}
