import { relative } from 'node:path';
import { figureById } from '../figures/registry.ts';
import { loadRecord } from './evidence.ts';
import { resolveRecordNumber } from './field-path.ts';
import { findAttribute, isJsxElement, walk, type MdxNode as Node, type VFileLike } from './mdx-ast.ts';

/**
 * Remark plugin for articles: numbers <Figure>s in document order (injecting `number`), and
 * checks every <Figure id> and <Num of at> against the datasets at compile time, so a missing
 * dataset or field fails the build with the article's file, line and column.
 */
function attribute(node: Node, name: string): string | undefined {
  const attr = findAttribute(node, name);
  if (!attr) return undefined;
  if (typeof attr.value === 'string') return attr.value;
  if (attr.value && typeof attr.value === 'object' && 'value' in attr.value) {
    return String((attr.value as { value: unknown }).value);
  }
  return undefined;
}

export interface EvidenceOptions {
  /** Project root holding content/data (default: the working directory). */
  root?: string;
}

export function remarkEvidence(options: EvidenceOptions = {}) {
  const root = options.root ?? process.cwd();
  return (tree: Node, file: VFileLike) => {
    const article = file.path ? relative(root, file.path) : '(article)';
    const fail = (node: Node, message: string): never => file.fail(`${article}: ${message}`, node.position);
    let figureNumber = 0;
    walk(tree, (node) => {
      if (!isJsxElement(node)) return;
      if (node.name === 'Figure') {
        const id = attribute(node, 'id');
        if (!id) fail(node, '<Figure> needs an id');
        let dataset: string;
        try {
          dataset = figureById(id!).dataset;
          loadRecord(dataset, root);
        } catch (error) {
          return fail(node, `<Figure id="${id}">: ${(error as Error).message}`);
        }
        figureNumber += 1;
        node.attributes = [
          ...(node.attributes ?? []).filter((a) => a.name !== 'number'),
          { type: 'mdxJsxAttribute', name: 'number', value: String(figureNumber) },
        ];
      } else if (node.name === 'Num') {
        const of = attribute(node, 'of');
        const at = attribute(node, 'at');
        const where = `<Num of="${of}" at="${at}">`;
        if (!of || !at) fail(node, `${where} needs both "of" (a dataset id) and "at" (a field path)`);
        if (attribute(node, 'digits') === undefined && attribute(node, 'sig') === undefined) {
          fail(node, `${where} needs a stated precision: digits={…} or sig={…}`);
        }
        try {
          resolveRecordNumber(loadRecord(of!, root), at!);
        } catch (error) {
          fail(node, `${where}: ${(error as Error).message}`);
        }
      }
    });
  };
}
