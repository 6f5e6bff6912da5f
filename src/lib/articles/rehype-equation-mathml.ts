/**
 * Rehype plugin, after rehype-katex: KaTeX writes a numbered equation's MathML (from `\tag`, see
 * remark-cross-refs) as a one-row table whose two padding cells carry `width="50%"`, an attribute
 * the HTML standard's MathML does not allow on <mtd> (the W3C Nu checker reports it). MathML Core
 * ignores it, and the visual rendering is KaTeX's HTML, so the attribute is dropped.
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function visit(node: HastNode): void {
  if (node.type === 'element' && node.tagName === 'mtd' && node.properties && 'width' in node.properties) delete node.properties.width;
  for (const child of node.children ?? []) visit(child);
}

export function rehypeEquationMathml() {
  return (tree: HastNode) => visit(tree);
}
