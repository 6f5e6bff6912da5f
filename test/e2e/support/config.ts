// Where the e2e tests find the built site. Environment:
//   E2E_DIST_DIR    built site to test (default `dist`, relative to the repository root)
//   E2E_SKIP_BUILD  `1` → global setup does not run `npm run build` (test an existing dist)
//   E2E_BASE_PATH   base path the site was built under; defaults to BASE_PATH, then `/`
//   CHROMIUM_PATH   chromium executable (default /usr/bin/chromium)

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseBase } from './static-server';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const distDir = path.resolve(repoRoot, process.env.E2E_DIST_DIR || 'dist');

export const basePath = normaliseBase(process.env.E2E_BASE_PATH || process.env.BASE_PATH || '/');

export const skipBuild = process.env.E2E_SKIP_BUILD === '1';
