/** The shell commands that rebuild exactly the cited version of the site (shown on /reproduce/). */
import type { BuildPins } from './build-pins.ts';

/** POSIX single-quoting, so a URL with odd characters is passed as one word. */
const shellWord = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`);

export function rebuildCommands(options: { pins: Pick<BuildPins, 'repoUrl' | 'version'>; siteUrl: string; basePath: string }): string {
  const { pins } = options;
  const dir = new URL(pins.repoUrl).pathname.split('/').filter(Boolean).pop() ?? 'tanh-nx';
  const commit = pins.version.commit === 'unknown' ? '<commit from the citation>' : pins.version.commit;
  return [
    `git clone ${shellWord(pins.repoUrl)}`,
    `cd ${shellWord(dir)}`,
    `git checkout ${commit}`,
    'npm ci',
    `SITE_URL=${shellWord(options.siteUrl)} BASE_PATH=${shellWord(options.basePath)} npm run build`,
  ].join('\n');
}
