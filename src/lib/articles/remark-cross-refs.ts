import { existsSync } from 'node:fs';
import path from 'node:path';
import { figureAnchor } from '../figures/types.ts';
import {
  collectTargets,
  equationAnchor,
  equationLabel,
  numberedTex,
  readArticleTargets,
  texOf,
  type ArticleTargets,
} from './cross-refs.ts';
import { findAttribute, isJsxElement, type MdxNode as Node, type VFileLike } from './mdx-ast.ts';

/**
 * Remark plugin for articles: numbered equations and cross-references.
 *
 * - A display equation with `\label{eq:name}` (see cross-refs.ts) gets its number, shown at the
 *   right by KaTeX's `\tag`, and sits in `<div class="equation" id="eq-name">`.
 * - `<Ref to="fig:<figure id>" />`, `<Ref to="eq:<name>" />` and `<Ref to="sec:<heading id>" />`
 *   become links reading "Figure 3", "Equation (2)" and "Section ‘Heading’". With
 *   `page="<article slug>"` they point into another article ("… in “Its title”", linking to
 *   ../<slug>/#id). Children, if given, replace the generated text.
 * - An unknown target, page or kind fails the build naming the article file and line.
 *
 * Runs after remark-math and remark-evidence (whose figure numbers it must agree with).
 */
export const REF_COMPONENT = 'Ref';
const KINDS = { fig: 'figure', eq: 'equation', sec: 'section' } as const;

interface RefFile extends VFileLike {
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

export interface CrossRefOptions {
  /** Project root (default: the working directory): articles are in <root>/content/articles. */
  root?: string;
}

interface Resolved {
  text: string;
  url: string;
}

function resolveIn(targets: ArticleTargets, kind: keyof typeof KINDS, name: string, known: (list: string[]) => string): Resolved | string {
  if (kind === 'fig') {
    const i = targets.figures.indexOf(name);
    if (i < 0) return `no figure "${name}"; its figures: ${known(targets.figures)}`;
    return { text: `Figure ${i + 1}`, url: `#${figureAnchor(name)}` };
  }
  if (kind === 'eq') {
    const i = targets.equations.indexOf(`eq:${name}`);
    if (i < 0) return `no equation labelled "eq:${name}"; its labels: ${known(targets.equations)}`;
    return { text: `Equation (${i + 1})`, url: `#${equationAnchor(`eq:${name}`)}` };
  }
  const section = targets.sections.find((s) => s.id === name);
  if (!section) return `no section "${name}"; its section ids: ${known(targets.sections.map((s) => s.id))}`;
  return { text: `Section ‘${section.title}’`, url: `#${section.id}` };
}

export function remarkCrossRefs(options: CrossRefOptions = {}) {
  const root = options.root ?? process.cwd();
  const articlesDir = path.join(root, 'content', 'articles');
  return (tree: Node, file: RefFile) => {
    const article = file.path ? path.relative(root, file.path) : '(article)';
    const here = file.path ? path.basename(file.path, '.mdx') : undefined;
    const fail = (node: Node, message: string): never => file.fail(`${article}: ${message}`, node.position);
    const targets = collectTargets(tree, fail);
    const placed = (file.data.astro?.frontmatter?.evidence as { figures?: string[] } | undefined)?.figures;
    if (placed && placed.join() !== targets.figures.join()) {
      throw new Error(`${article}: remark-cross-refs numbers figures ${targets.figures.join(', ')} but remark-evidence ${placed.join(', ')}`);
    }
    const known = (list: string[]) => (list.length > 0 ? list.join(', ') : '(none)');

    const rewrite = (parent: Node) => {
      const children = parent.children ?? [];
      children.forEach((node, index) => {
        if (node.type === 'math') {
          const label = equationLabel(texOf(node), (m) => fail(node, m));
          if (label !== undefined) children[index] = numberedEquation(node, label, targets.equations.indexOf(label) + 1);
          return;
        }
        if (isJsxElement(node) && node.name === REF_COMPONENT) {
          children[index] = refLink(node);
          return;
        }
        rewrite(node);
      });
    };

    const refLink = (node: Node): Node => {
      const to = findAttribute(node, 'to')?.value;
      const where = `<Ref to="${typeof to === 'string' ? to : '?'}">`;
      if (typeof to !== 'string') fail(node, `<Ref> needs a target as a string: <Ref to="fig:gradients-at-init" />`);
      const match = /^(fig|eq|sec):(.+)$/.exec(to as string);
      if (!match) fail(node, `${where}: a target is fig:<figure id>, eq:<label name> or sec:<heading id>`);
      const kind = match![1] as keyof typeof KINDS;
      const name = match![2]!;
      const pageAttr = findAttribute(node, 'page');
      if (pageAttr && typeof pageAttr.value !== 'string') fail(node, `${where}: page must be an article slug as a string`);
      const page = pageAttr?.value as string | undefined;
      let resolved: Resolved | string;
      if (page === undefined || page === here) {
        resolved = resolveIn(targets, kind, name, known);
        if (typeof resolved === 'string') resolved = `this article has ${resolved}`;
      } else {
        const other = path.join(articlesDir, `${page}.mdx`);
        if (!/^[a-z0-9-]+$/.test(page) || !existsSync(other)) fail(node, `${where}: no article "${page}" in content/articles`);
        const targetsThere = readArticleTargets(other);
        resolved = resolveIn(targetsThere, kind, name, known);
        if (typeof resolved === 'string') resolved = `article "${page}" has ${resolved}`;
        else resolved = { text: `${resolved.text} in “${targetsThere.title}”`, url: `../${page}/${resolved.url}` };
      }
      if (typeof resolved === 'string') return fail(node, `${where}${page ? ` page="${page}"` : ''}: ${resolved}`);
      const custom = (node.children ?? []).length > 0 ? node.children! : undefined;
      return {
        type: 'link',
        url: resolved.url,
        children: custom ?? [{ type: 'text', value: resolved.text } as Node],
        data: { hProperties: { className: ['cross-ref'], dataRef: page ? `${page}/${to}` : to } },
        position: node.position,
      } as Node;
    };

    rewrite(tree);
  };
}

/** The equation wrapped in `<div class="equation" id="eq-…">`, its label replaced by its number. */
function numberedEquation(node: Node, label: string, number: number): Node {
  const tex = numberedTex(texOf(node), number);
  const math = node as Node & { value: string; data?: { hChildren?: { children?: { type: string; value: string }[] }[] } };
  math.value = tex;
  const code = math.data?.hChildren?.[0];
  if (code) code.children = [{ type: 'text', value: tex }];
  return {
    type: 'numberedEquation',
    children: [math],
    data: { hName: 'div', hProperties: { className: ['equation'], id: equationAnchor(label) } },
    position: node.position,
  } as Node;
}
