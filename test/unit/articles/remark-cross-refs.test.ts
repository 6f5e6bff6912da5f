import { readdirSync, readFileSync } from 'node:fs';
import { compile } from '@mdx-js/mdx';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { describe, expect, it } from 'vitest';
import { remarkCrossRefs } from '../../../src/lib/articles/remark-cross-refs.ts';
import { remarkEvidence } from '../../../src/lib/articles/remark-evidence.ts';
import { rehypeEquationMathml } from '../../../src/lib/articles/rehype-equation-mathml.ts';

const FIXTURE = `${process.cwd()}/content/articles/fixture.mdx`;

async function compileArticle(source: string, withKatex = false, mathmlFix = true) {
  return String(
    await compile(
      { value: source, path: FIXTURE },
      {
        remarkPlugins: [remarkMath, remarkEvidence, remarkCrossRefs],
        rehypePlugins: withKatex
          ? [[rehypeKatex, { strict: 'error' }], ...(mathmlFix ? [rehypeEquationMathml] : []), rehypeHeadingIds]
          : [rehypeHeadingIds],
        outputFormat: 'function-body',
      },
    ),
  );
}

/** The links the compiled article makes: [href, text] pairs in order. */
function links(js: string): [string, string][] {
  return [...js.matchAll(/href: "([^"]*)",\s*className: "cross-ref",\s*"data-ref": "[^"]*",\s*children: "([^"]*)"/g)].map((m) => [m[1]!, m[2]!]);
}

describe('remark-cross-refs: numbered equations', () => {
  const source = [
    'As <Ref to="eq:gain" /> says (a reference before the equation works too).',
    '',
    '$$',
    'a = b',
    '$$',
    '',
    '$$',
    'G = \\frac{x}{y} \\label{eq:gain}',
    '$$',
    '',
    '$$',
    'q = 1 \\label{eq:fixed-point}',
    '$$',
    '',
    'And <Ref to="eq:fixed-point" />.',
    '',
  ].join('\n');

  it('numbers labelled equations in order, skipping unlabelled ones, and links references to them', async () => {
    const js = await compileArticle(source);
    expect(links(js)).toEqual([
      ['#eq-gain', 'Equation (1)'],
      ['#eq-fixed-point', 'Equation (2)'],
    ]);
  });

  it('replaces the label by KaTeX’s \\tag, shown at the right, inside a div with the anchor id', async () => {
    const js = await compileArticle(source, true);
    expect(js).toMatch(/className: "equation",\s*id: "eq-gain"/);
    expect(js).toMatch(/className: "equation",\s*id: "eq-fixed-point"/);
    expect(js).toContain('G = \\\\frac{x}{y} \\\\tag{1}');
    expect(js).toContain('q = 1 \\\\tag{2}');
    expect(js).not.toContain('\\\\label');
    expect(js.match(/className: "tag"/g)).toHaveLength(2);
    expect(js.match(/className: "equation"/g)).toHaveLength(2);
  });

  it('drops the width KaTeX puts on the MathML cells of a numbered equation (not valid HTML)', async () => {
    expect(await compileArticle(source, true, false)).toMatch(/width: "50%"/);
    const js = await compileArticle(source, true);
    expect(js).not.toMatch(/width: "50%"/);
    expect(js).toMatch(/_components\.mtd/);
  });

  it('a malformed, repeated or inline label fails naming the article and line', async () => {
    await expect(compileArticle('x\n\n$$\na \\label{gain}\n$$\n')).rejects.toThrow(
      /content\/articles\/fixture\.mdx: \\label\{gain\}: an equation label is "eq:"/,
    );
    await expect(compileArticle('x\n\n$$\na \\label{gain}\n$$\n')).rejects.toMatchObject({ line: 3 });
    await expect(compileArticle('$$\na \\label{eq:a}\n$$\n\n$$\nb \\label{eq:a}\n$$\n')).rejects.toThrow(
      '\\label{eq:a} is used by an earlier equation',
    );
    await expect(compileArticle('$$\na \\label{eq:a} \\label{eq:b}\n$$\n')).rejects.toThrow('more than one \\label');
    await expect(compileArticle('Inline $a \\label{eq:a}$.\n')).rejects.toThrow('a \\label belongs in display math');
  });
});

describe('remark-cross-refs: figures and sections', () => {
  it('a figure reference reads the number remark-evidence gives the figure', async () => {
    const js = await compileArticle(
      'See <Ref to="fig:depth-thresholds" /> and <Ref to="fig:slope-thresholds" />.\n\n<Figure id="slope-thresholds" />\n\n<Figure id="depth-thresholds" />\n',
    );
    expect(js).toMatch(/id: "slope-thresholds",\s*number: "1"/);
    expect(js).toMatch(/id: "depth-thresholds",\s*number: "2"/);
    expect(links(js)).toEqual([
      ['#fig-depth-thresholds', 'Figure 2'],
      ['#fig-slope-thresholds', 'Figure 1'],
    ]);
  });

  it('a section reference links to the id Astro’s rehype-heading-ids gives the heading', async () => {
    const js = await compileArticle(
      [
        '## One slope below 1/n cancels one slope at its peak',
        '',
        '## LeCun’s 1.7159·tanh(2x/3)',
        '',
        '## What is `n`?',
        '',
        '## The experiment',
        '',
        '### The experiment',
        '',
        'See <Ref to="sec:one-slope-below-1n-cancels-one-slope-at-its-peak" />, <Ref to="sec:lecuns-17159tanh2x3" />, <Ref to="sec:what-is-n" /> and <Ref to="sec:the-experiment-1" />.',
        '',
      ].join('\n'),
    );
    const ids = [...js.matchAll(/id: "([^"]+)"/g)].map((m) => m[1]);
    const refs = links(js);
    expect(refs.map(([href]) => href.slice(1)).every((id) => ids.includes(id))).toBe(true);
    expect(refs).toEqual([
      ['#one-slope-below-1n-cancels-one-slope-at-its-peak', 'Section ‘One slope below 1/n cancels one slope at its peak’'],
      ['#lecuns-17159tanh2x3', 'Section ‘LeCun’s 1.7159·tanh(2x/3)’'],
      ['#what-is-n', 'Section ‘What is n?’'],
      ['#the-experiment-1', 'Section ‘The experiment’'],
    ]);
  });

  it('page="…" points into another article, read from its source, and names it', async () => {
    const js = await compileArticle('See <Ref to="sec:the-experiment" page="change-of-units" /> and <Ref to="fig:gradients-at-init" page="order-and-chaos" />.\n');
    const title = /^title:\s*(.+)$/m.exec(readFileSync('content/articles/change-of-units.mdx', 'utf8'))![1];
    const [section, figure] = links(js);
    expect(section).toEqual(['../change-of-units/#the-experiment', `Section ‘The experiment’ in “${title}”`]);
    expect(figure![0]).toBe('../order-and-chaos/#fig-gradients-at-init');
    expect(figure![1]).toMatch(/^Figure [1-9]\d* in “/);
  });

  it('text inside <Ref>…</Ref> replaces the generated text', async () => {
    const js = await compileArticle('## Setup\n\nAs in <Ref to="sec:setup">the set-up</Ref>.\n');
    expect(links(js)).toEqual([['#setup', 'the set-up']]);
  });
});

describe('remark-cross-refs: an unknown target fails the build naming the article and line', () => {
  const cases: [string, RegExp][] = [
    ['<Ref to="fig:no-such-figure" />', /fixture\.mdx: <Ref to="fig:no-such-figure">: this article has no figure "no-such-figure"; its figures: slope-thresholds/],
    ['<Ref to="eq:nothing" />', /fixture\.mdx: <Ref to="eq:nothing">: this article has no equation labelled "eq:nothing"; its labels: eq:known/],
    ['<Ref to="sec:nowhere" />', /fixture\.mdx: <Ref to="sec:nowhere">: this article has no section "nowhere"; its section ids: intro/],
    ['<Ref to="sec:nowhere" page="change-of-units" />', /<Ref to="sec:nowhere"> page="change-of-units": article "change-of-units" has no section "nowhere"; its section ids: .*the-experiment/],
    ['<Ref to="sec:intro" page="no-such-page" />', /<Ref to="sec:intro">: no article "no-such-page" in content\/articles/],
    ['<Ref to="figure:slope-thresholds" />', /a target is fig:<figure id>, eq:<label name> or sec:<heading id>/],
    ['<Ref />', /<Ref> needs a target as a string/],
  ];
  for (const [ref, message] of cases) {
    it(ref, async () => {
      const source = `## Intro\n\n<Figure id="slope-thresholds" />\n\n$$\nx \\label{eq:known}\n$$\n\nText\nwith ${ref} in it.\n`;
      await expect(compileArticle(source)).rejects.toThrow(message);
      await expect(compileArticle(source)).rejects.toMatchObject({ line: 10 });
    });
  }
});

describe('remark-cross-refs on the site’s articles', () => {
  const articles = readdirSync('content/articles').filter((f) => f.endsWith('.mdx'));
  for (const name of articles) {
    it(`${name}: every <Ref> resolves and figure numbers agree with remark-evidence`, async () => {
      const path = `${process.cwd()}/content/articles/${name}`;
      const source = readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (fm) => '\n'.repeat(fm.split('\n').length - 1));
      const js = String(await compile({ value: source, path }, { remarkPlugins: [remarkMath, remarkEvidence, remarkCrossRefs] }));
      const refs = (source.match(/<Ref\b/g) ?? []).length;
      expect(js.match(/className: "cross-ref"/g) ?? []).toHaveLength(refs);
    });
  }
});
