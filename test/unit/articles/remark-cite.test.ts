import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { remarkCite, REFERENCES_FIELD } from '../../../src/lib/articles/remark-cite.ts';

async function compileArticle(source: string) {
  return compile({ value: source, path: `${process.cwd()}/content/articles/fixture.mdx` }, { remarkPlugins: [remarkCite] });
}

describe('remark-cite: citations are checked against the bibliography at build time', () => {
  it('an unknown key fails naming the article, the line and the key', async () => {
    const source = 'Intro.\n\nAs shown (<Cite k="poole2061" />).\n';
    await expect(compileArticle(source)).rejects.toThrow(
      /content\/articles\/fixture\.mdx: <Cite k="poole2061">: unknown reference key "poole2061"; known keys: .*poole2016/,
    );
    await expect(compileArticle(source)).rejects.toMatchObject({ line: 3 });
  });

  it('a <Cite> without a key fails', async () => {
    await expect(compileArticle('<Cite />\n')).rejects.toThrow('<Cite> needs a reference key');
    await expect(compileArticle('<Cite k={"poole2016"} />\n')).rejects.toThrow('<Cite> needs a reference key as a string');
  });

  it('numbers citations, marks them as listed on the page, and records the keys in order of first citation', async () => {
    const file = await compileArticle(
      'A (<Cite k="schoenholz2017" />; <Cite k="poole2016" />).\n\nB <Cite k="schoenholz2017" narrative />.\n',
    );
    const js = String(file);
    expect(js).toMatch(/k: "schoenholz2017",\s*n: "1",\s*listed: "page"/);
    expect(js).toMatch(/k: "poole2016",\s*n: "2",\s*listed: "page"/);
    expect(js).toMatch(/k: "schoenholz2017",\s*narrative: true,\s*n: "3"/);
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    expect(frontmatter?.[REFERENCES_FIELD]).toEqual(['schoenholz2017', 'poole2016']);
  });

  it('an article without citations records an empty list', async () => {
    const file = await compileArticle('No citations here.\n');
    expect((file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter[REFERENCES_FIELD]).toEqual([]);
  });
});
