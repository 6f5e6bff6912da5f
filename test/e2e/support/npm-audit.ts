// Reading `npm audit --json`: either a report of advisories, or an error from the audit endpoint
// (unreachable, refused, malformed), which must not be mistaken for a clean bill of health.

import { spawnSync } from 'node:child_process';

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

export type AuditOutcome =
  | { kind: 'report'; counts: Record<Severity, number>; serious: string[] }
  | { kind: 'unavailable'; reason: string };

interface AuditJson {
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  vulnerabilities?: Record<string, { severity?: Severity; range?: string; via?: (string | { title?: string; url?: string })[] }>;
  message?: string;
  error?: { summary?: string; detail?: string } | string;
  statusCode?: number;
}

const SEVERITIES: readonly Severity[] = ['info', 'low', 'moderate', 'high', 'critical'];

/** Classifies `npm audit --json` output (stdout, stderr). */
export function classifyAudit(stdout: string, stderr = ''): AuditOutcome {
  let json: AuditJson;
  try {
    json = JSON.parse(stdout) as AuditJson;
  } catch {
    const firstLine = (stderr.split('\n').find((l) => l.trim()) ?? stdout.slice(0, 200)).trim();
    return { kind: 'unavailable', reason: `npm audit printed no JSON report: ${firstLine || '(nothing)'}` };
  }
  const counts = json.metadata?.vulnerabilities;
  if (!counts) {
    const error = typeof json.error === 'string' ? json.error : json.error?.summary || json.error?.detail;
    const reason = [json.statusCode && `HTTP ${json.statusCode}`, json.message, error].filter(Boolean).join(': ');
    return { kind: 'unavailable', reason: reason || 'npm audit returned no vulnerability counts' };
  }
  const full = Object.fromEntries(SEVERITIES.map((s) => [s, counts[s] ?? 0])) as Record<Severity, number>;
  const serious = Object.entries(json.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => {
      const titles = (v.via ?? []).map((x) => (typeof x === 'string' ? `via ${x}` : (x.title ?? x.url ?? '?')));
      return `${name} ${v.range ?? ''} (${v.severity}): ${titles.join('; ')}`;
    });
  return { kind: 'report', counts: full, serious };
}

/** Runs `npm audit --omit=dev --json` in `cwd` (network: the registry's audit endpoint). */
export function runAudit(cwd: string, timeoutMs = 120_000): AuditOutcome {
  const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd, encoding: 'utf8', timeout: timeoutMs });
  if (result.error) return { kind: 'unavailable', reason: `could not run npm audit: ${result.error.message}` };
  return classifyAudit(result.stdout ?? '', result.stderr ?? '');
}
