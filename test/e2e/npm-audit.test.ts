// `npm audit --omit=dev` (issue 7): no high or critical advisory in what the site ships.
//
// The audit asks the registry's advisory endpoint, which is a network service. If it cannot be
// asked (offline, refused — on the development machines the registry proxy answers the audit
// POST with "405 Method Not Allowed"), the test is SKIPPED with the reason, visible in the
// summary: an outage elsewhere must not turn every build red, and must not pass as "no
// advisories" either. NPM_AUDIT=require makes an unavailable audit a failure (for a CI that
// can reach the endpoint); NPM_AUDIT=skip skips it without asking.

import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/config';
import { classifyAudit, runAudit } from './support/npm-audit';

const mode = process.env.NPM_AUDIT ?? 'auto';

describe('reading npm audit output', () => {
  it('counts a report and lists high and critical advisories by package', () => {
    const outcome = classifyAudit(
      JSON.stringify({
        vulnerabilities: {
          lodash: { severity: 'critical', range: '<4.17.21', via: [{ title: 'Prototype Pollution', url: 'https://x' }] },
          minimist: { severity: 'moderate', via: [{ title: 'minor' }] },
          wrapper: { severity: 'high', range: '*', via: ['lodash'] },
        },
        metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 1, critical: 1, total: 3 } },
      }),
    );
    expect(outcome).toEqual({
      kind: 'report',
      counts: { info: 0, low: 0, moderate: 1, high: 1, critical: 1 },
      serious: ['lodash <4.17.21 (critical): Prototype Pollution', 'wrapper * (high): via lodash'],
    });
  });

  it('treats an endpoint error, or no JSON at all, as unavailable, never as clean', () => {
    const refused = classifyAudit(
      JSON.stringify({ message: '405 Method Not Allowed - POST https://registry/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '' } }),
    );
    expect(refused).toEqual({ kind: 'unavailable', reason: 'HTTP 405: 405 Method Not Allowed - POST https://registry/-/npm/v1/security/advisories/bulk' });
    expect(classifyAudit('', 'npm error code ENOTFOUND\n')).toEqual({
      kind: 'unavailable',
      reason: 'npm audit printed no JSON report: npm error code ENOTFOUND',
    });
  });
});

it.skipIf(mode === 'skip')('ships no dependency with a high or critical advisory (npm audit --omit=dev)', (ctx) => {
  const outcome = runAudit(repoRoot);
  if (outcome.kind === 'unavailable') {
    const message = `npm audit could not be checked: ${outcome.reason}`;
    console.warn(`[npm-audit] NOT CHECKED — ${message}`);
    if (mode === 'require') throw new Error(`${message} (NPM_AUDIT=require)`);
    ctx.skip(message);
    return;
  }
  console.log(`[npm-audit] production dependencies: ${JSON.stringify(outcome.counts)}`);
  expect(outcome.serious).toEqual([]);
}, 150_000);
