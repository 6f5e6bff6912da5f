/**
 * The small part of the MDX syntax tree the article checks (remark-evidence, remark-cite) read:
 * JSX elements with their attributes, and a depth-first walk.
 */
export interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

export interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: JsxAttribute[];
  children?: MdxNode[];
  position?: unknown;
}

export interface VFileLike {
  path?: string;
  /** Where plugins leave results; Astro exposes `data.astro.frontmatter` as `remarkPluginFrontmatter`. */
  data?: Record<string, unknown>;
  fail(reason: string, place?: unknown): never;
}

/** True for <Component …> in flow or text position. */
export function isJsxElement(node: MdxNode): boolean {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** The JSX attribute `name` of a node, when it is present at all. */
export function findAttribute(node: MdxNode, name: string): JsxAttribute | undefined {
  return node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
}

export function walk(node: MdxNode, visit: (node: MdxNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}
