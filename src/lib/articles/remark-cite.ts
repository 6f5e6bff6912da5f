import { relative } from 'node:path';
import { bibliography, findReference } from '../references/bibliography.ts';
import { findAttribute, isJsxElement, walk, type MdxNode as Node, type VFileLike } from './mdx-ast.ts';

/**
 * Remark plugin for articles: checks every <Cite k="…" /> against the bibliography at compile
 * time, so an unknown key fails the build naming the article, line and key. It numbers the
 * citations (each gets a unique `n`, for its tooltip's id), marks them as having a reference
 * list on the same page, and records the cited keys in order of first citation as the
 * article's `references` (Astro hands it back as remarkPluginFrontmatter.references).
 */
interface CiteFile extends VFileLike {
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

/** The component name articles use, and the frontmatter field the cited keys go to. */
export const CITE_COMPONENT = 'Cite';
export const REFERENCES_FIELD = 'references';

function stringAttribute(node: Node, name: string): string | undefined {
  const attr = findAttribute(node, name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

export interface CiteOptions {
  /** Project root, for naming the article relative to it (default: the working directory). */
  root?: string;
}

export function remarkCite(options: CiteOptions = {}) {
  const root = options.root ?? process.cwd();
  return (tree: Node, file: CiteFile) => {
    const article = file.path ? relative(root, file.path) : '(article)';
    const cited: string[] = [];
    let count = 0;
    walk(tree, (node) => {
      if (!isJsxElement(node) || node.name !== CITE_COMPONENT) return;
      const key = stringAttribute(node, 'k');
      if (!key) {
        file.fail(`${article}: <Cite> needs a reference key as a string: <Cite k="poole2016" />`, node.position);
      }
      if (!findReference(key!)) {
        file.fail(
          `${article}: <Cite k="${key}">: unknown reference key "${key}"; known keys: ${bibliography.map((r) => r.key).join(', ')} (add the work to src/lib/references/bibliography.ts)`,
          node.position,
        );
      }
      count += 1;
      if (!cited.includes(key!)) cited.push(key!);
      node.attributes = [
        ...(node.attributes ?? []).filter((a) => a.name !== 'n' && a.name !== 'listed'),
        { type: 'mdxJsxAttribute', name: 'n', value: String(count) },
        { type: 'mdxJsxAttribute', name: 'listed', value: 'page' },
      ];
    });
    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter[REFERENCES_FIELD] = cited;
  };
}
