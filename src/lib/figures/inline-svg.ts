/**
 * Turns the SVG string that Vega renders into one that can be inlined, several per HTML page:
 * ids made unique per figure, the whole chart exposed as ONE image with a title and description,
 * and a size that follows the CSS width while keeping the aspect ratio.
 *
 * Vega's SVG string renderer (vega-scenegraph `markup()`) writes a regular subset of XML: tags
 * `<name a="v" …>`, `<name …/>` and `</name>`, attribute values in double quotes with `&`, `<`,
 * `>` and `"` escaped, text with `&`, `<`, `>` escaped, and no comments, CDATA or processing
 * instructions. So a `<…>` token never contains `>` and text never contains `<`, and a regular
 * tokenizer is exact. Anything outside that subset is rejected rather than guessed at.
 */

import { figureAnchor } from './types';

export interface InlineSvgOptions {
  /** Figure id (kebab-case); every id in the SVG is prefixed with `fig-${id}-`. */
  id: string;
  /** Accessible name: becomes `<title>`. Plain text; it is escaped here. */
  title: string;
  /** Text alternative: becomes `<desc>`. Plain text; it is escaped here. */
  description: string;
}

interface Attribute {
  name: string;
  /** As written in the source, i.e. still XML-escaped. */
  value: string;
}

type Token =
  | { kind: 'open'; name: string; attributes: Attribute[]; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const TOKEN = /<[^>]*>|[^<]+/g;
const OPEN_TAG = /^<([A-Za-z][\w:.-]*)((?:\s+[^\s="'<>/]+="[^"<]*")*)\s*(\/?)>$/;
const CLOSE_TAG = /^<\/([A-Za-z][\w:.-]*)\s*>$/;
const ATTRIBUTE = /\s+([^\s="'<>/]+)="([^"<]*)"/g;
const URL_REFERENCE = /url\(\s*#([^)\s]+)\s*\)/g;
const VIEW_BOX = /^\s*(-?[\d.]+)[\s,]+(-?[\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*$/;
/** Characters XML 1.0 does not allow at all (C0 controls other than tab, LF, CR; U+FFFE/FFFF). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Escapes text for XML element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function tokenize(svg: string): Token[] {
  const tokens: Token[] = [];
  let consumed = 0;
  for (const [raw] of svg.matchAll(TOKEN)) {
    consumed += raw.length;
    if (!raw.startsWith('<')) {
      tokens.push({ kind: 'text', text: raw });
      continue;
    }
    const close = CLOSE_TAG.exec(raw);
    if (close) {
      tokens.push({ kind: 'close', name: close[1]! });
      continue;
    }
    const open = OPEN_TAG.exec(raw);
    if (!open) throw new Error(`Unexpected markup in Vega's SVG (not a plain tag): ${raw.slice(0, 80)}`);
    const attributes = [...open[2]!.matchAll(ATTRIBUTE)].map(([, name, value]) => ({
      name: name!,
      value: value!,
    }));
    tokens.push({ kind: 'open', name: open[1]!, attributes, selfClosing: open[3] === '/' });
  }
  // Every character belongs to a token unless a `<` is never closed.
  if (consumed !== svg.length) throw new Error("Unexpected markup in Vega's SVG (an unclosed '<')");
  return tokens;
}

function serialize(token: Token): string {
  switch (token.kind) {
    case 'text':
      return token.text;
    case 'close':
      return `</${token.name}>`;
    case 'open': {
      const attributes = token.attributes.map(({ name, value }) => ` ${name}="${value}"`).join('');
      return `<${token.name}${attributes}${token.selfClosing ? '/' : ''}>`;
    }
  }
}

/** Attributes that make an inner element its own node in the accessibility tree. */
function isInnerAccessibilityAttribute(name: string): boolean {
  return name === 'role' || name.startsWith('aria-') || name === 'tabindex' || name === 'focusable';
}

/**
 * New ids, deterministic whatever Vega's process-global counters were at: each id keeps its
 * stem (the id minus trailing digits: `clip`, `gradient_`, `p_gradient_`) and is renumbered
 * 1, 2, … per stem in document order, behind the figure's prefix: `clip7` → `fig-t1-curve-clip1`.
 */
function renameIds(tokens: readonly Token[], prefix: string): Map<string, string> {
  const renamed = new Map<string, string>();
  const countByStem = new Map<string, number>();
  for (const token of tokens) {
    if (token.kind !== 'open') continue;
    for (const { name, value } of token.attributes) {
      if (name !== 'id') continue;
      if (renamed.has(value)) throw new Error(`Vega's SVG defines id "${value}" twice`);
      const stem = value.replace(/\d+$/, '');
      const count = (countByStem.get(stem) ?? 0) + 1;
      countByStem.set(stem, count);
      renamed.set(value, `${prefix}${stem}${count}`);
    }
  }
  return renamed;
}

/**
 * Points references at the renamed ids. `href="#…"` to an id outside the SVG is a link to the
 * page and is left alone; a `url(#…)` paint/clip reference must resolve inside the SVG.
 */
function rewriteReferences(attribute: Attribute, renamed: ReadonlyMap<string, string>): Attribute {
  const { name, value } = attribute;
  if (name === 'id') return { name, value: renamed.get(value)! };
  if ((name === 'href' || name === 'xlink:href') && value.startsWith('#')) {
    const target = renamed.get(value.slice(1));
    return target === undefined ? attribute : { name, value: `#${target}` };
  }
  if (!value.includes('url(')) return attribute;
  return {
    name,
    value: value.replace(URL_REFERENCE, (_, id: string) => {
      const target = renamed.get(id);
      // Inlined, a dangling url(#…) would resolve against the whole page: never let one through.
      if (target === undefined) throw new Error(`Vega's SVG references url(#${id}), which it does not define`);
      return `url(#${target})`;
    }),
  };
}

function requireText(field: string, text: string): string {
  if (text.trim() === '') throw new Error(`the ${field} is empty; every figure needs one`);
  if (XML_FORBIDDEN.test(text)) throw new Error(`the ${field} contains a character that XML forbids`);
  return escapeXml(text);
}

/**
 * Post-processes Vega's SVG for inlining:
 * - every id gets the prefix `fig-${id}-`, and so does every `url(#…)`, `href="#…"` and
 *   `xlink:href="#…"` that points at it (ids are renumbered per stem, see `renameIds`);
 * - Vega's per-mark ARIA (`role`, `aria-*`) is removed from every inner element;
 * - the root gets `role="img"`, `aria-labelledby` naming a `<title>` and a `<desc>` placed as
 *   its first children, and `focusable="false"` (old Edge/IE made every SVG a tab stop);
 * - the root's fixed `width`/`height` become `width="100%"` and no height, keeping `viewBox`:
 *   with a `viewBox` and `height: auto`, browsers size an inline `<svg>` from its intrinsic aspect
 *   ratio, so the figure scales with its column and never letterboxes (a fixed `height` would
 *   stay 400 px tall while the width shrinks). The natural size stays in `data-width` and
 *   `data-height` for CSS or layout code that wants it (e.g. a `max-width`).
 * Errors name the figure.
 */
export function toInlineSvg(vegaSvg: string, options: InlineSvgOptions): string {
  const prefix = `${figureAnchor(options.id)}-`;
  try {
    return inline(vegaSvg, prefix, requireText('title', options.title), requireText('description', options.description));
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`Figure "${options.id}": ${message}`, { cause });
  }
}

/** `title` and `description` arrive XML-escaped. */
function inline(vegaSvg: string, prefix: string, title: string, description: string): string {
  const tokens = tokenize(vegaSvg.trim());
  const root = tokens[0];
  const last = tokens[tokens.length - 1];
  if (root?.kind !== 'open' || root.name !== 'svg' || root.selfClosing || last?.kind !== 'close' || last.name !== 'svg') {
    throw new Error("Vega's output is not a single <svg> element");
  }
  const body = tokens.slice(1, -1);
  const renamed = renameIds(body, prefix); // the root's own attributes are rebuilt below

  const viewBox = root.attributes.find((a) => a.name === 'viewBox')?.value;
  const size = viewBox === undefined ? null : VIEW_BOX.exec(viewBox);
  if (viewBox === undefined || size === null) throw new Error("Vega's <svg> has no usable viewBox");
  const kept = root.attributes.filter(
    ({ name }) => !['width', 'height', 'viewBox', 'style', 'id'].includes(name) && !isInnerAccessibilityAttribute(name),
  );
  const newRoot: Token = {
    kind: 'open',
    name: 'svg',
    selfClosing: false,
    attributes: [
      ...kept,
      { name: 'viewBox', value: viewBox },
      { name: 'width', value: '100%' },
      { name: 'data-width', value: size[3]! },
      { name: 'data-height', value: size[4]! },
      { name: 'role', value: 'img' },
      { name: 'aria-labelledby', value: `${prefix}title ${prefix}desc` },
      { name: 'focusable', value: 'false' },
    ],
  };

  const rewritten = body.map((token): Token => {
    if (token.kind !== 'open') return token;
    return {
      ...token,
      attributes: token.attributes
        .filter(({ name }) => !isInnerAccessibilityAttribute(name))
        .map((attribute) => rewriteReferences(attribute, renamed)),
    };
  });

  return (
    serialize(newRoot) +
    `<title id="${prefix}title">${title}</title>` +
    `<desc id="${prefix}desc">${description}</desc>` +
    rewritten.map(serialize).join('') +
    '</svg>'
  );
}
