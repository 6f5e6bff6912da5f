/**
 * An article compiled as the site compiles it (the same remark plugins), for tests that need
 * what remark-evidence found in it: the figures it numbers, in order, and the records it reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { remarkPlugins } from '../../../src/lib/articles/markdown-plugins.ts';
import { evidenceOf, type ArticleEvidence } from '../../../src/lib/articles/remark-evidence.ts';

const cache = new Map<string, Promise<ArticleEvidence>>();

export function articleEvidence(slug: string, root: string = process.cwd()): Promise<ArticleEvidence> {
  let evidence = cache.get(slug);
  if (!evidence) {
    const path = join(root, 'content/articles', `${slug}.mdx`);
    // Frontmatter is YAML between --- lines; MDX itself does not parse it.
    const source = readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    evidence = compile({ value: source, path }, { remarkPlugins }).then((file) =>
      evidenceOf((file.data.astro as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter),
    );
    cache.set(slug, evidence);
  }
  return evidence;
}
