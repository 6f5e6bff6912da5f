/**
 * The published float32 comparison keeps its promises: it was run with the float64 record's
 * set-up, SGD at n = 2 is identical bit for bit in float32 too, the rescaled network starts at
 * float32 rounding distance for n = 3, the control one float32 ulp away, and the unmatched runs
 * depart.
 */
import { describe, expect, it } from 'vitest';

import changeOfUnits from '../../../../src/lib/data/producers/change-of-units';
import changeOfUnitsFloat32 from '../../../../src/lib/data/producers/change-of-units-float32';
import { loadRecord } from '../../../../src/lib/articles/evidence';

const float64 = loadRecord('change-of-units');
const float32 = loadRecord('change-of-units-float32');
const data32 = changeOfUnitsFloat32.contract.schema.parse(float32.data);
const data64 = changeOfUnits.contract.schema.parse(float64.data);

describe('change-of-units-float32 (published record)', () => {
  it('ran the float64 record’s set-up and quotes its matched differences', () => {
    expect((float32.provenance.config as { setup: unknown }).setup).toEqual(float64.provenance.config);
    for (const s of data32.setups) {
      const twin = data64.setups.find((t) => t.optimiser === s.optimiser && t.n === s.n && t.init === s.init)!;
      expect(s.float64Matched).toEqual(twin.comparisons.find((c) => c.role === 'matched')!.parameterDifference);
      expect(s.runs[0]!.losses.length).toBe(twin.runs[0]!.losses.length);
    }
  });

  it('SGD at n = 2 is identical bit for bit; n = 3 starts at float32 rounding distance; unmatched runs depart', () => {
    for (const s of data32.setups) {
      const role = (name: string) => s.comparisons.find((c) => c.role === name)!;
      if (s.n === 2 && s.optimiser === 'sgd') expect(role('matched').largestParameterDifference).toBe(0);
      if (s.n === 3) {
        expect(role('matched').parameterDifference[0]).toBeGreaterThan(1e-9);
        expect(role('matched').parameterDifference[0]).toBeLessThan(2 ** -24);
      }
      expect(role('control').parameterDifference[0]).toBeGreaterThan(2 ** -26);
      expect(role('control').parameterDifference[0]).toBeLessThan(2 ** -22);
      expect(role('unmatched').largestLossDifference).toBeGreaterThan(1e-2);
      // Losses are float32 values written with the 9 significant digits that identify them.
      for (const run of s.runs) for (const loss of run.losses) expect(Number(Math.fround(loss).toPrecision(9))).toBe(loss);
    }
  });
});
