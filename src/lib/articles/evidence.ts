import { readRecord } from '../data/store.ts';
import { datasetById } from '../data/registry.ts';
import type { DatasetRecord } from '../data/provenance.ts';

// Records are read once per build process: many <Num>s and figures share a dataset.
const cache = new Map<string, DatasetRecord>();

/** The validated record of a dataset, from `content/data/<id>.json` under `root`. */
export function loadRecord(id: string, root: string = process.cwd()): DatasetRecord {
  const key = `${root}\0${id}`;
  let record = cache.get(key);
  if (!record) {
    record = readRecord(root, datasetById(id));
    cache.set(key, record);
  }
  return record;
}
