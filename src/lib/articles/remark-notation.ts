import { notationAnchor, readNotation, symbolsInTex, symbolsInTexByPosition } from '../notation/notation.ts';
import { isJsxElement, walk, type MdxNode as Node, type VFileLike } from './mdx-ast.ts';

/**
 * Remark plugin for articles: finds which symbols of content/notation.json the article's math
 * (inline and display, after remark-math) uses, in order of first use, and records them as the
 * article's `notation` (remarkPluginFrontmatter.notation), from which /notation/ lists the pages
 * that use each symbol.
 *
 * It also links each symbol's first use in running text to its /notation/ entry: the first inline
 * formula (`$…$`, not in a heading or a link) in which the symbol is the earliest not yet linked
 * one becomes a link to ../notation/#sym-<id>. The whole formula is the link (a link inside
 * KaTeX's visual output would sit in its aria-hidden part, out of reach of keyboards and screen
 * readers), so a formula that introduces two symbols links the first, and the second is linked
 * at its next inline use. Display equations are not made links.
 */
export const NOTATION_FIELD = 'notation';
export const NOTATION_PAGE = '../notation/';

interface NotationFile extends VFileLike {
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

/** Nodes whose content must not become a link: links themselves, headings, <Ref> and <a>. */
function isLinkFree(node: Node): boolean {
  return node.type === 'link' || node.type === 'linkReference' || node.type === 'heading' || (isJsxElement(node) && (node.name === 'Ref' || node.name === 'a'));
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

    const linked = new Set<string>();
    const link = (parent: Node) => {
      const children = parent.children ?? [];
      children.forEach((node, index) => {
        if (isLinkFree(node)) return;
        if (node.type === 'inlineMath') {
          const tex = (node as Node & { value?: string }).value ?? '';
          const id = symbolsInTexByPosition(tex, symbols).find((s) => !linked.has(s));
          if (id === undefined) return;
          const symbol = symbols.find((s) => s.id === id)!;
          linked.add(id);
          children[index] = {
            type: 'link',
            url: `${NOTATION_PAGE}#${notationAnchor(id)}`,
            children: [node],
            data: { hProperties: { className: ['notation-link'], dataSymbol: id, title: `${symbol.name}: see Notation` } },
          } as Node;
          return;
        }
        link(node);
      });
    };
    link(tree);

    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter[NOTATION_FIELD] = used;
  };
}
