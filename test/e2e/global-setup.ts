// Builds the site once before the e2e tests (unless E2E_SKIP_BUILD=1), and fails loudly when the
// build fails or leaves no sitemap behind.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { assertChromium } from './support/browser';
import { buildEnvironment } from './support/build-env';
import { distDir, repoRoot, skipBuild } from './support/config';

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env: buildEnvironment() });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

export default async function setup(): Promise<void> {
  // Before a minute of building: every e2e test needs the browser, and without it each suite
  // would fail on its own (Lighthouse with ECONNREFUSED and a stray spawn error).
  assertChromium();
  if (skipBuild) {
    console.log(`[e2e] E2E_SKIP_BUILD=1: testing the existing ${distDir}`);
  } else {
    if (process.env.E2E_DIST_DIR) {
      throw new Error('[e2e] E2E_DIST_DIR is set without E2E_SKIP_BUILD=1; `npm run build` builds dist/ only');
    }
    console.log('[e2e] building the site: npm run build');
    const started = Date.now();
    const code = await run('npm', ['run', 'build']);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code !== 0) {
      throw new Error(`[e2e] \`npm run build\` FAILED with exit code ${code} after ${seconds} s; see its output above`);
    }
    console.log(`[e2e] build finished in ${seconds} s`);
  }
  const sitemap = path.join(distDir, 'sitemap-index.xml');
  if (!existsSync(sitemap)) {
    throw new Error(
      `[e2e] ${sitemap} is missing: ` +
        (skipBuild ? 'build the site first (npm run build) or unset E2E_SKIP_BUILD' : 'the build did not produce a sitemap'),
    );
  }
}
