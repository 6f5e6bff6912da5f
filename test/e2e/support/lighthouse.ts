// Lighthouse (mobile preset: the default config, simulated throttling of a mid-range phone on a
// slow 4G connection) against Debian's chromium, one page at a time.

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from './browser';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  url: string;
  /** 0–100 per category (Lighthouse reports 0–1). */
  scores: Record<Category, number>;
  /** Key performance metrics, in ms (CLS unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; si: number };
  /** What the page costs, in quantities that do not depend on the machine's speed. */
  weight: PageWeight;
  /** Audits that did not get full marks: id, score, display value, for the report. */
  shortfalls: string[];
  /** Wall time of the run, ms. */
  ms: number;
}

export interface PageWeight {
  /** Bytes transferred on load (gzip as served): total, largest single response, JavaScript. */
  transferBytes: number;
  largestResource: { url: string; bytes: number };
  scriptBytes: number;
  requests: number;
  domElements: number;
  /** URLs Lighthouse found render-blocking. */
  renderBlocking: string[];
  layoutShift: number;
}

interface NetworkRequestItem {
  url: string;
  transferSize?: number;
  resourceType?: string;
}

function pageWeight(lhr: { audits: Record<string, { numericValue?: number; details?: unknown }> }, url: string): PageWeight {
  const items = <T>(id: string): T[] => {
    const details = lhr.audits[id]?.details as { items?: T[] } | undefined;
    if (!details?.items) throw new Error(`Lighthouse gave no ${id} details for ${url}`);
    return details.items;
  };
  const numeric = (id: string): number => {
    const value = lhr.audits[id]?.numericValue;
    if (typeof value !== 'number') throw new Error(`Lighthouse gave no ${id} value for ${url}`);
    return value;
  };
  const requests = items<NetworkRequestItem>('network-requests');
  const largest = requests.reduce((a, b) => ((b.transferSize ?? 0) > (a.transferSize ?? 0) ? b : a), requests[0] ?? { url: '', transferSize: 0 });
  return {
    transferBytes: numeric('total-byte-weight'),
    largestResource: { url: largest.url, bytes: largest.transferSize ?? 0 },
    scriptBytes: requests.filter((r) => r.resourceType === 'Script').reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    requests: requests.length,
    domElements: numeric('dom-size'),
    renderBlocking: items<{ url: string }>('render-blocking-resources').map((r) => r.url),
    layoutShift: numeric('cumulative-layout-shift'),
  };
}

export interface LighthouseRunner {
  run(url: string): Promise<LighthouseResult>;
  close(): Promise<void>;
}

/**
 * Lighthouse has no `--no-sandbox`-free way to run as root in a container, and Debian's chromium
 * is not the one chrome-launcher would find; so launch it ourselves with the e2e flags (minus
 * `--headless`, replaced by the new headless mode Lighthouse expects) and a throwaway profile.
 */
export async function startLighthouse(): Promise<LighthouseRunner> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'tanh-nx-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: [...CHROMIUM_ARGS.filter((f) => f !== '--headless'), '--headless=new'],
    userDataDir,
    logLevel: 'silent',
  });
  return {
    async run(url) {
      const started = Date.now();
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const scores = {} as Record<Category, number>;
      const shortfalls: string[] = [];
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        if (!category || category.score === null) throw new Error(`Lighthouse gave no ${id} score for ${url}`);
        scores[id] = Math.round(category.score * 100);
        for (const ref of category.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
          shortfalls.push(`${id}/${ref.id}: ${audit.score.toFixed(2)}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
      const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      return {
        url,
        scores,
        metrics: {
          fcp: numeric('first-contentful-paint'),
          lcp: numeric('largest-contentful-paint'),
          tbt: numeric('total-blocking-time'),
          cls: numeric('cumulative-layout-shift'),
          si: numeric('speed-index'),
        },
        weight: pageWeight(lhr as never, url),
        shortfalls,
        ms: Date.now() - started,
      };
    },
    async close() {
      try {
        chrome.kill();
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}
