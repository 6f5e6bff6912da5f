/**
 * Fetches the lab's MNIST subset (only when a reader chooses MNIST) and decodes it. The browser's
 * HTTP cache keeps the file; the worker keeps the decoded task for the rest of the visit.
 */
import { decodeMnistSubset, gunzip, mnistLabData } from './mnist-subset';
import type { LabData } from './session';

export async function fetchMnistSubset(
  url: string,
  expected: { trainCount: number; testCount: number },
): Promise<{ data: LabData; bytes: number }> {
  const response = await fetch(url, { cache: 'force-cache' });
  if (!response.ok) throw new Error(`MNIST subset: ${url} answered ${response.status}`);
  const compressed = new Uint8Array(await response.arrayBuffer());
  const subset = decodeMnistSubset(await gunzip(compressed));
  if (subset.trainCount !== expected.trainCount || subset.testCount !== expected.testCount) {
    throw new Error(`MNIST subset: ${subset.trainCount}/${subset.testCount} images, expected ${expected.trainCount}/${expected.testCount}`);
  }
  return { data: mnistLabData(subset), bytes: compressed.length };
}
