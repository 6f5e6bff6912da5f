import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { remarkEvidence } from '../../../src/lib/articles/remark-evidence.ts';

// Articles are checked against the real committed datasets in content/data.
async function compileArticle(source: string): Promise<string> {
  const output = await compile(
    { value: source, path: `${process.cwd()}/content/articles/fixture.mdx` },
    { remarkPlugins: [remarkMath, remarkEvidence] },
  );
  return String(output);
}

describe('remark-evidence: articles are checked against datasets at build time', () => {
  it('numbers figures in document order', async () => {
    const js = await compileArticle('<Figure id="slope-thresholds" />\n\ntext\n\n<Figure id="depth-thresholds" />\n');
    expect(js).toMatch(/id: "slope-thresholds",\s*number: "1"/);
    expect(js).toMatch(/id: "depth-thresholds",\s*number: "2"/);
  });

  it('accepts a <Num> whose dataset and field exist', async () => {
    await expect(compileArticle('t1 is <Num of="slope-thresholds" at="maximiser.t1" digits={3} />.\n')).resolves.toContain('maximiser.t1');
  });

  it('a missing dataset fails naming the article, line and dataset', async () => {
    await expect(compileArticle('\n\n<Num of="no-such-data" at="x" digits={2} />\n')).rejects.toThrow(
      /content\/articles\/fixture\.mdx: <Num of="no-such-data" at="x">: unknown dataset "no-such-data"/,
    );
    await expect(compileArticle('\n\n<Num of="no-such-data" at="x" digits={2} />\n')).rejects.toMatchObject({ line: 3 });
  });

  it('a missing field fails naming the article and the field', async () => {
    await expect(compileArticle('<Num of="slope-thresholds" at="maximiser.t2" digits={2} />\n')).rejects.toThrow(
      'content/articles/fixture.mdx: <Num of="slope-thresholds" at="maximiser.t2">: no field data.maximiser.t2',
    );
  });

  it('a <Num> without a stated precision fails', async () => {
    await expect(compileArticle('<Num of="slope-thresholds" at="maximiser.t1" />\n')).rejects.toThrow('needs a stated precision');
  });

  it('an unknown figure fails naming the article', async () => {
    await expect(compileArticle('<Figure id="t1-curv" />\n')).rejects.toThrow(
      /content\/articles\/fixture\.mdx: <Figure id="t1-curv">: unknown figure "t1-curv"/,
    );
  });
});
