/**
 * The W3C Nu HTML checker (the validator behind validator.w3.org/nu), run offline: the npm package
 * `vnu-jar` ships `vnu.jar`, and Java comes from Debian (`default-jre-headless`, which `.ci/run`
 * installs when `java` is missing). One JVM checks every page: it starts in about a second, so one
 * process per page would cost more than the checking.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Java: JAVA (an executable) when set, else Debian's /usr/bin/java, else `java` on the PATH. */
export function javaExecutable(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JAVA) return env.JAVA;
  return existsSync('/usr/bin/java') ? '/usr/bin/java' : 'java';
}

/**
 * The jar the vnu-jar package installs. Its main module runs vnu through a Java it may download;
 * the test uses the jar with Debian's Java instead, so nothing is fetched.
 */
export function vnuJarPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
}

export interface NuMessage {
  /** The checked file, as vnu names it (a file: URL). */
  url: string;
  type: string;
  subType?: string;
  message: string;
  lastLine?: number;
  firstColumn?: number;
  extract?: string;
}

/**
 * Checks the given HTML files and returns vnu's errors (warnings are not asked for). A checker
 * that cannot run throws, saying why, so a missing Java never reads as "no errors".
 */
export function nuErrors(files: readonly string[], java = javaExecutable()): NuMessage[] {
  const result = spawnSync(java, ['-jar', vnuJarPath(), '--errors-only', '--format', 'json', '--exit-zero-always', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`cannot run the Nu HTML checker with ${java}: ${result.error.message} (apt-get install -y default-jre-headless)`);
  if (result.status !== 0) throw new Error(`the Nu HTML checker exited with ${result.status ?? result.signal}: ${result.stderr}`);
  // --format json writes the report to stderr.
  const report = JSON.parse(result.stderr) as { messages: NuMessage[] };
  return report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
}
