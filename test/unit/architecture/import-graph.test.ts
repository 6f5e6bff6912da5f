// Evidence flows one way (DESIGN.md): views read records through their contracts and never reach
// the code that produced them; training code never reaches back up into the data pipeline.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const SOURCE = /\.(ts|tsx|mts|mjs|js|astro)$/;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : SOURCE.test(name) ? [path] : [];
  });
}

/** Relative module specifiers a file imports (static, dynamic, re-exports; .astro frontmatter included). */
export function importsOf(text: string): string[] {
  const specifiers = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/gm)) specifiers.add(m[1]!);
  for (const m of text.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/gm)) specifiers.add(m[1]!);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.add(m[1]!);
  for (const m of text.matchAll(/new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g)) specifiers.add(m[1]!);
  return [...specifiers].filter((s) => s.startsWith('.'));
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.astro`, `${base}.mjs`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every project file `entry` reaches through relative imports, with the path that reaches it. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!SOURCE.test(file)) continue;
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, specifier);
      if (target && !seen.has(target)) {
        seen.set(target, [...seen.get(file)!, target]);
        queue.push(target);
      }
    }
  }
  return seen;
}

const rel = (path: string) => relative(root, path);
const VIEWS = ['src/components', 'src/pages', 'src/layouts', 'src/lib/figures', 'src/lib/articles', 'src/lib/claims', 'src/lib/site'];
const PRODUCING = [/^src\/lib\/data\//, /^src\/lib\/train\//, /^content\/experiments\//];

describe('the import graph runs one way', () => {
  it('the import scanner sees static, dynamic and re-exported imports', () => {
    const text = `import a from './a';\nimport type { B } from "../b.ts";\nexport { c } from './c';\nconst d = await import('./d');\nimport './e.css';\nnew URL('./f.mjs', import.meta.url)`;
    expect(importsOf(text).sort()).toEqual(['../b.ts', './a', './c', './d', './e.css', './f.mjs']);
  });

  it('no view reaches a producer, the training code or an experiment config, even through other modules', () => {
    const offences: string[] = [];
    for (const view of VIEWS.flatMap((dir) => filesUnder(join(root, dir)))) {
      for (const [file, path] of reachable(view)) {
        if (PRODUCING.some((p) => p.test(rel(file)))) offences.push(path.map(rel).join(' → '));
      }
    }
    expect(offences).toEqual([]);
  });

  it('training code does not import the data pipeline', () => {
    const offences = filesUnder(join(root, 'src/lib/train')).flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .map((s) => resolveImport(file, s))
        .filter((target): target is string => target !== null && rel(target).startsWith('src/lib/data/'))
        .map((target) => `${rel(file)} → ${rel(target)}`),
    );
    expect(offences).toEqual([]);
  });

  it('a contract imports nothing but zod and other contracts or shared schemas', () => {
    for (const file of filesUnder(join(root, 'src/lib/records/contracts'))) {
      const text = readFileSync(file, 'utf8');
      const packages = [...text.matchAll(/from\s*['"]([^'".][^'"]*)['"]/g)].map((m) => m[1]);
      expect(packages.filter((p) => p !== 'zod'), rel(file)).toEqual([]);
      for (const specifier of importsOf(text)) {
        const target = rel(resolveImport(file, specifier) ?? specifier);
        expect(target, `${rel(file)} imports ${specifier}`).toMatch(/^src\/lib\/records\/(contracts\/|schemas\/|contract\.ts$)/);
      }
    }
  });
});
