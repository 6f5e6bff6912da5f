// Content-Security-Policy (issue 7): every page carries a policy (a <meta http-equiv> written by
// src/lib/postbuild/csp.ts) that allows no inline script by 'unsafe-inline', and every page — islands
// hydrated, the search page running a query through Pagefind's wasm — works within it: Chromium
// reports no `securitypolicyviolation`. A script injected into a page is refused, which shows the
// policy is in force and that the listener would notice.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Browser } from './support/browser';
import { basePath, distDir } from './support/config';
import { pagesToCheck } from './support/sitemap';
import { start, type StaticServer } from './support/static-server';

const pages = pagesToCheck(distDir, basePath);
const searchPage = `${basePath}search/`;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await start(distDir, { base: basePath });
  browser = await launch();
  // Record violations from the very first script on: init scripts run before the page's own.
  await browser.context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Directives {
  [name: string]: string[];
}

function parsePolicy(policy: string): Directives {
  const out: Directives = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}

/** The policies a page declares, and whether each comes before every script, style and link. */
async function declaredPolicies(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('meta[http-equiv]'))
      .filter((m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy')
      .map((meta) => {
        const first = document.querySelector('script, style, link');
        return {
          policy: meta.getAttribute('content') ?? '',
          inHead: meta.parentElement === document.head,
          beforeResources: !first || (meta.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        };
      }),
  );
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/** Loads the page, scrolls it through so `client:visible` islands hydrate, and waits for them. */
async function openAndHydrate(sitePath: string): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await browser.context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto(server.origin + encodeURI(sitePath), { waitUntil: 'load' });
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  // Astro removes an island's `ssr` attribute once it has hydrated.
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 20_000 });
  return { page, consoleErrors };
}

describe.each(pages)('page %s', (sitePath) => {
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    ({ page, consoleErrors } = await openAndHydrate(sitePath));
  });

  afterAll(async () => {
    await page?.close();
  });

  it('declares one policy, in <head>, before any script, style or stylesheet', async () => {
    const policies = await declaredPolicies(page);
    expect(policies.length).toBe(1);
    expect(policies[0]).toMatchObject({ inHead: true, beforeResources: true });
  });

  it("allows no inline script by 'unsafe-inline' (nor eval), and wasm only on the search page", async () => {
    const [{ policy } = { policy: '' }] = await declaredPolicies(page);
    const directives = parsePolicy(policy);
    const scriptSrc = directives['script-src'] ?? directives['default-src'];
    expect(scriptSrc, policy).toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc!.includes("'wasm-unsafe-eval'"), policy).toBe(sitePath === searchPage);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
  });

  it('works within its policy: no violation while loading and hydrating', async () => {
    expect(await violations(page)).toEqual([]);
    expect(consoleErrors.filter((e) => /Content.Security.Policy/i.test(e))).toEqual([]);
  });
});

describe('the policy in force', () => {
  it('lets the search page run a query (Pagefind: fetch and WebAssembly) without a violation', async () => {
    expect(pages, 'the search page is in the sitemap').toContain(searchPage);
    const { page, consoleErrors } = await openAndHydrate(`${searchPage}?q=gradient`);
    try {
      await page.waitForFunction(() => /match/.test(document.querySelector('[role="status"]')?.textContent ?? ''), undefined, {
        timeout: 20_000,
      });
      expect(await page.locator('.search-results > li').count()).toBeGreaterThan(0);
      expect(await violations(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('refuses an inline script that is not one of the page’s own, and reports it', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(server.origin + encodeURI(basePath), { waitUntil: 'load' });
      // An inline script runs synchronously when inserted, or not at all.
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injectedRan = true;';
        document.body.append(script);
        return (window as unknown as { __injectedRan?: boolean }).__injectedRan === true;
      });
      expect(ran).toBe(false);
      // The violation event is dispatched as a task after the refusal.
      await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src(-elem)? blocked inline/));
    } finally {
      await page.close();
    }
  });
});
