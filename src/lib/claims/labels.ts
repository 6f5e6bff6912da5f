import type { Source } from './types';

/** The anchor of a claim in the ledger page: #claim-<id>. */
export function claimAnchor(id: string): string {
  return `claim-${id}`;
}

/** "Esmailian, answer" · "Tuyen, comment on Zephyr’s answer". */
export function sourceLabel(source: Source): string {
  return `${source.author}, ${source.post}${source.on ? ` on ${source.on}` : ''}`;
}
