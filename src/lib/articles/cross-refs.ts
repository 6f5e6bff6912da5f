import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import remarkMath from 'remark-math';
import { parse as parseYaml } from 'yaml';
import { findAttribute, isJsxElement, type MdxNode } from './mdx-ast.ts';

/**
 * What an article offers to cross-references (<Ref to="…" />, see remark-cross-refs): its
 * figures in order, its labelled display equations in order, and its sections with the ids
 * Astro gives their headings. The same function reads the article being compiled and, for
 * references to another page, that page's MDX source.
 *
 * Equation labels are written the LaTeX way, inside the display math:
 *
 *     $$
 *     G = \frac{…}{…} \label{eq:first-layer-gain}
 *     $$
 *
 * A label is `eq:` followed by lower-case words joined by hyphens; only labelled equations are
 * numbered (label the ones the text refers to), in order of appearance, and the anchor is
 * `#eq-<name>`.
 */
export interface SectionTarget {
  /** The heading's id (github-slugger over its text, as Astro's rehype-heading-ids makes it). */
  id: string;
  /** The heading's text. */
  title: string;
}

export interface ArticleTargets {
  /** Figure ids in document order: Figure i is figures[i − 1] (the order remark-evidence numbers them in). */
  figures: string[];
  /** Equation labels (`eq:…`) in document order: Equation (i) is equations[i − 1]. */
  equations: string[];
  sections: SectionTarget[];
}

export const LABEL_COMMAND = /\\label\{([^}]*)\}/g;
const LABEL_NAME = /^eq:[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The page anchor of an equation label: `eq:first-layer-gain` → `eq-first-layer-gain`. */
export function equationAnchor(label: string): string {
  return `eq-${label.slice('eq:'.length)}`;
}

/** The label of one display equation (or undefined), checked; `fail` reports a malformed one. */
export function equationLabel(tex: string, fail: (message: string) => never): string | undefined {
  const labels = [...tex.matchAll(LABEL_COMMAND)].map((m) => m[1]!);
  if (labels.length > 1) fail(`an equation has more than one \\label (${labels.join(', ')})`);
  const label = labels[0];
  if (label !== undefined && !LABEL_NAME.test(label)) {
    fail(`\\label{${label}}: an equation label is "eq:" and lower-case words joined by hyphens, e.g. \\label{eq:first-layer-gain}`);
  }
  return label;
}

/** The display TeX without its \label, and with its number as KaTeX's \tag (shown at the right). */
export function numberedTex(tex: string, number: number): string {
  return `${tex.replace(LABEL_COMMAND, '').trimEnd()} \\tag{${number}}`;
}

export function headingId(slugger: GithubSlugger, text: string): string {
  const slug = slugger.slug(text);
  return slug.endsWith('-') ? slug.slice(0, -1) : slug;
}

/**
 * Targets of a parsed article (after remark-math). `fail` is called with the offending node for a
 * malformed or duplicate label, or a label in inline math.
 */
export function collectTargets(tree: MdxNode, fail: (node: MdxNode, message: string) => never): ArticleTargets {
  const targets: ArticleTargets = { figures: [], equations: [], sections: [] };
  const slugger = new GithubSlugger();
  const visit = (node: MdxNode) => {
    if (isJsxElement(node) && node.name === 'Figure') {
      const id = findAttribute(node, 'id')?.value;
      if (typeof id === 'string') targets.figures.push(id);
    } else if (node.type === 'heading') {
      const title = toString(node as Parameters<typeof toString>[0]).trim();
      targets.sections.push({ id: headingId(slugger, title), title });
    } else if (node.type === 'inlineMath' && texOf(node).includes('\\label')) {
      fail(node, `a \\label belongs in display math ($$ … $$), not in inline math`);
    } else if (node.type === 'math') {
      const label = equationLabel(texOf(node), (message) => fail(node, message));
      if (label !== undefined) {
        if (targets.equations.includes(label)) fail(node, `\\label{${label}} is used by an earlier equation`);
        targets.equations.push(label);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return targets;
}

export function texOf(node: MdxNode): string {
  return (node as MdxNode & { value?: string }).value ?? '';
}

export interface OtherArticle extends ArticleTargets {
  title: string;
}

const parser = createProcessor({ remarkPlugins: [remarkMath] });
const cache = new Map<string, { mtimeMs: number; article: OtherArticle }>();

/** Title and targets of another article, read from its MDX source (cached until the file changes). */
export function readArticleTargets(file: string): OtherArticle {
  const { mtimeMs } = statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.article;
  const source = readFileSync(file, 'utf8');
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  const title = frontmatter ? (parseYaml(frontmatter[1]!) as { title?: unknown }).title : undefined;
  if (typeof title !== 'string') throw new Error(`${path.basename(file)}: no title in the frontmatter`);
  const body = frontmatter ? '\n'.repeat(frontmatter[0].split('\n').length - 1) + source.slice(frontmatter[0].length) : source;
  const tree = parser.parse(body) as unknown as MdxNode;
  const targets = collectTargets(tree, (_node, message) => {
    throw new Error(`${path.basename(file)}: ${message}`);
  });
  const article = { title, ...targets };
  cache.set(file, { mtimeMs, article });
  return article;
}
