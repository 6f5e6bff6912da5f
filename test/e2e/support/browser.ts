// Launch Debian's chromium through playwright-core (which cannot download browsers here).

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export interface Browser {
  /** One persistent context (fresh temporary profile); open pages with `context.newPage()`. */
  context: BrowserContext;
  userDataDir: string;
  /** Closes the browser and removes its profile directory. */
  close(): Promise<void>;
}

/** Throws the one clear message when Chromium is missing (the e2e global setup calls it first). */
export function assertChromium(executablePath: string = chromiumPath()): void {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. The e2e tests drive Debian's chromium ` +
        `(playwright cannot download browsers here). Install it with:\n\n` +
        `    apt-get update && apt-get install -y chromium\n\n` +
        `or point CHROMIUM_PATH at another chromium executable.`,
    );
  }
}

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  assertChromium(executablePath);
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'tanh-nx-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      timezoneId: 'UTC',
      timeout: 60_000,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  // A persistent context opens with one blank tab; close it so every test uses its own page.
  for (const page of context.pages()) await page.close();
  return {
    context,
    userDataDir,
    async close() {
      try {
        await context.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}
