/**
 * The change-of-units producer, run at its smoke profile: the matched runs agree (bit for bit at
 * n = 2), the unmatched and half-matched ones depart, the control starts one rounding error
 * away, and the published record keeps the same promises.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

import { configFor, type ProduceContext, type UpstreamRecords } from '../../../../src/lib/data/producer';
import changeOfUnits from '../../../../src/lib/data/producers/change-of-units';
import { loadRecord } from '../../../../src/lib/articles/evidence';

const noUpstream: UpstreamRecords = {
  data: () => {
    throw new Error('change-of-units reads no record');
  },
  record: () => {
    throw new Error('change-of-units reads no record');
  },
};

const context: ProduceContext = {
  log: () => {},
  progress: () => {},
  reportComputeTime: () => {},
  cacheDir: '',
  workers: 1,
  backend: 'wasm',
  shard: null,
  mergeOnly: false,
  fresh: false,
  profile: 'smoke',
};

type Data = z.infer<(typeof changeOfUnits)['contract']['schema']>;
type Setup = Data['setups'][number];
const comparison = (setup: Setup, role: string) => setup.comparisons.find((c) => c.role === role)!;

/**
 * What every record must show. Where training is stable (boundedInits) the matched pair may drift
 * apart only as rounding does: by no more than `bound(setup)`.
 */
function checkPromises(data: Data, boundedInits: readonly string[], bound: (setup: Setup) => number) {
  expect(data.setups.length).toBe(8);
  for (const setup of data.setups) {
    const matched = comparison(setup, 'matched');
    const unmatched = comparison(setup, 'unmatched');
    const partial = setup.comparisons.find((c) => c.role === 'rate-n' || c.role === 'same-epsilon')!;
    if (setup.n === 2) {
      expect(setup.rounding.inexactFraction).toBe(0);
      expect(setup.initialLogitDifference).toBe(0);
      expect(matched.largestLossDifference).toBe(0);
      expect(matched.largestParameterDifference).toBe(0);
    } else {
      expect(setup.rounding.inexactFraction).toBeGreaterThan(0);
      expect(matched.parameterDifference[0]).toBeGreaterThan(0);
      expect(matched.parameterDifference[0]).toBeLessThan(2 ** -53);
    }
    if (boundedInits.includes(setup.init)) expect(matched.largestLossDifference).toBeLessThanOrEqual(bound(setup));
    expect(unmatched.largestLossDifference).toBeGreaterThan(1e-3);
    expect(partial.largestParameterDifference).toBeGreaterThan(1e-8);
    expect(setup.controlNudge).toBeGreaterThan(1e-17);
    expect(setup.controlNudge).toBeLessThan(1e-15);
    for (const run of setup.runs) expect(run.losses.length).toBe(setup.runs[0]!.losses.length);
  }
}

describe('change-of-units (smoke profile)', () => {
  it('matched runs agree to rounding (n = 2: exactly), unmatched and half-matched ones depart', async () => {
    const data = changeOfUnits.contract.schema.parse(await changeOfUnits.produce(configFor(changeOfUnits, 'smoke'), noUpstream, context));
    // 25 smoke steps amplify float64 rounding to ~1e-11 (globally standardised inputs); a real mismatch is > 1e-3.
    checkPromises(data, ['standard', 'ordered'], () => 1e-10);
  });
});

describe('change-of-units (published record)', () => {
  it('keeps the same promises on the ordered side, and n = 2 is exact everywhere', () => {
    // Over the full run rounding grows further; the matched pair may drift as far as a one-ulp nudge of the same network does.
    checkPromises(changeOfUnits.contract.schema.parse(loadRecord('change-of-units').data), ['ordered'], (setup) => comparison(setup, 'control').largestLossDifference);
  });
});
