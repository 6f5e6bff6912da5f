import { readNotation, symbolsInTex } from '../notation/notation.ts';
import { walk, type MdxNode as Node, type VFileLike } from './mdx-ast.ts';

/**
 * Remark plugin for articles: finds which symbols of content/notation.json the article's math
 * (inline and display, after remark-math) uses, in order of first use, and records them as the
 * article's `notation` (remarkPluginFrontmatter.notation), from which /notation/ lists the pages
 * that use each symbol.
 */
export const NOTATION_FIELD = 'notation';

interface NotationFile extends VFileLike {
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

export function remarkNotation() {
  return (tree: Node, file: NotationFile) => {
    const symbols = readNotation();
    const used: string[] = [];
    walk(tree, (node) => {
      if (node.type !== 'inlineMath' && node.type !== 'math') return;
      const tex = (node as Node & { value?: string }).value ?? '';
      for (const id of symbolsInTex(tex, symbols)) if (!used.includes(id)) used.push(id);
    });
    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter[NOTATION_FIELD] = used;
  };
}
