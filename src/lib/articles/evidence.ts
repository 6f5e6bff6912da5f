import type { DatasetRecord } from '../records/envelope.ts';
import { contractById } from '../records/contracts/index.ts';
import { readRecord } from '../records/reader.ts';

/**
 * The validated record a `<Num of>`, `<Figure>` or claim names by id, from
 * `content/data/<id>.json` under `root` (checked against its contract and its digest).
 */
export function loadRecord(id: string, root: string = process.cwd()): DatasetRecord {
  return readRecord(contractById(id), { root });
}
