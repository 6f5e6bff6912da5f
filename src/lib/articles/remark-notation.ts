import { notationAnchor, readNotation, symbolsInTex, symbolsInTexByPosition } from '../notation/notation.ts';
import { claimById } from '../claims/ledger.ts';
import { quoteMath, type QuoteMathLink } from '../claims/quote-html.ts';
import { findAttribute, isJsxElement, walk, type MdxNode as Node, type VFileLike } from './mdx-ast.ts';

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
 *
 * A <Claim id="…"> of the ledger shows the thread's words (with their own TeX) before its
 * reason, so their formulas count first: the claim gets a `notationLinks` attribute (JSON, a
 * list of QuoteMathLink) that Claim.astro passes to quoteHtml.
 */
export const NOTATION_FIELD = 'notation';
export const NOTATION_PAGE = '../notation/';
export const CLAIM_COMPONENT = 'Claim';

/** The thread's quote a <Claim id> shows before its children, if the node is one. */
function claimQuote(node: Node): string | undefined {
  if (!isJsxElement(node) || node.name !== CLAIM_COMPONENT) return undefined;
  const id = findAttribute(node, 'id')?.value;
  return typeof id === 'string' ? claimById(id).quote : undefined;
}

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
    const use = (tex: string) => {
      for (const id of symbolsInTex(tex, symbols)) if (!used.includes(id)) used.push(id);
    };
    walk(tree, (node) => {
      const quote = claimQuote(node);
      if (quote !== undefined) for (const m of quoteMath(quote)) use(m.tex);
      if (node.type !== 'inlineMath' && node.type !== 'math') return;
      use((node as Node & { value?: string }).value ?? '');
    });

    const linked = new Set<string>();
    /** The first symbol of `tex` not linked yet, now linked: its href and title. */
    const firstUse = (tex: string): { id: string; href: string; title: string } | undefined => {
      const id = symbolsInTexByPosition(tex, symbols).find((s) => !linked.has(s));
      if (id === undefined) return undefined;
      linked.add(id);
      return { id, href: `${NOTATION_PAGE}#${notationAnchor(id)}`, title: `${symbols.find((s) => s.id === id)!.name}: see Notation` };
    };
    const linkQuote = (node: Node, quote: string) => {
      const links: QuoteMathLink[] = [];
      quoteMath(quote).forEach((m, index) => {
        const use = m.display ? undefined : firstUse(m.tex);
        if (use) links.push({ index, href: use.href, title: use.title });
      });
      node.attributes = [
        ...(node.attributes ?? []).filter((a) => a.name !== 'notationLinks'),
        ...(links.length > 0 ? [{ type: 'mdxJsxAttribute', name: 'notationLinks', value: JSON.stringify(links) }] : []),
      ];
    };
    const link = (parent: Node) => {
      const children = parent.children ?? [];
      children.forEach((node, index) => {
        if (isLinkFree(node)) return;
        if (node.type === 'inlineMath') {
          const use = firstUse((node as Node & { value?: string }).value ?? '');
          if (!use) return;
          children[index] = {
            type: 'link',
            url: use.href,
            children: [node],
            data: { hProperties: { className: ['notation-link'], dataSymbol: use.id, title: use.title } },
          } as Node;
          return;
        }
        const quote = claimQuote(node);
        if (quote !== undefined) linkQuote(node, quote);
        link(node);
      });
    };
    link(tree);

    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter[NOTATION_FIELD] = used;
  };
}
