import { relative } from 'node:path';
import { figureById } from '../site/manifest.ts';
import { loadRecord } from './evidence.ts';
import { resolveRecordNumber } from '../records/field-path.ts';
import { findAttribute, isJsxElement, walk, type MdxNode as Node, type VFileLike } from './mdx-ast.ts';

/**
 * Remark plugin for articles: numbers <Figure>s in document order (injecting `number`), and
 * checks every <Figure id> and <Num of at> against the datasets at compile time, so a missing
 * dataset or field fails the build with the article's file, line and column. It is the one
 * source of figure numbers: what it placed is left in the file's frontmatter data as
 * `evidence` (see ArticleEvidence), which /reproduce/ and the tests read.
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

/** What an article places: its figures in order (Figure i is figures[i − 1]) and the records it reads. */
export interface ArticleEvidence {
  figures: string[];
  records: string[];
}

/** The evidence remark-evidence recorded for a compiled article (Astro: `remarkPluginFrontmatter.evidence`). */
export function evidenceOf(frontmatter: Record<string, unknown> | undefined): ArticleEvidence {
  const evidence = frontmatter?.evidence as ArticleEvidence | undefined;
  if (!evidence) throw new Error('no evidence in the frontmatter: was the article compiled with remark-evidence?');
  return evidence;
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
    const evidence: ArticleEvidence = { figures: [], records: [] };
    const uses = (record: string) => {
      if (!evidence.records.includes(record)) evidence.records.push(record);
    };
    walk(tree, (node) => {
      if (!isJsxElement(node)) return;
      if (node.name === 'Figure') {
        const id = attribute(node, 'id');
        if (!id) fail(node, '<Figure> needs an id');
        try {
          const record = figureById(id!).record.id;
          loadRecord(record, root);
          uses(record);
        } catch (error) {
          return fail(node, `<Figure id="${id}">: ${(error as Error).message}`);
        }
        evidence.figures.push(id!);
        node.attributes = [
          ...(node.attributes ?? []).filter((a) => a.name !== 'number'),
          { type: 'mdxJsxAttribute', name: 'number', value: String(evidence.figures.length) },
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
          uses(of!);
        } catch (error) {
          fail(node, `${where}: ${(error as Error).message}`);
        }
      }
    });
    const data = (file.data ??= {});
    const astro = (data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    astro.frontmatter = { ...astro.frontmatter, evidence };
  };
}
