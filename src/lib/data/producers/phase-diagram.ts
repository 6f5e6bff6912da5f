import { z } from 'zod';
import phaseDiagramContract from '../../records/contracts/phase-diagram.ts';
import { defineProducer } from '../producer.ts';
import { chi1, criticalWeightVariance } from '../../math/meanfield';
import { lecunTanh, tanh1, tanhN } from '../../math/activations';
import { findRoot } from '../../math/stable';
import { linearGrid } from '../../math/grid';

const configSchema = z.object({
  /** The critical line is drawn for σ_b² from 0 to this. */
  sb2Max: z.number().positive(),
  points: z.number().int().min(2),
  /** Initialisations (σ_w², σ_b²) of tanh(n·x) networks drawn as rays n ↦ (n²σ_w², n²σ_b²). */
  rays: z.array(z.object({ sw2: z.number().positive(), sb2: z.number().nonnegative() })).min(1),
  /** n marked along each ray. */
  ns: z.array(z.number().positive()).min(1),
  /** The range of n searched for the ray's crossing of the critical line. */
  nRange: z.object({ from: z.number().positive(), to: z.number().positive() }),
});

/** LeCun's a·tanh(b·x) at (σ_w², σ_b²) is plain tanh at ((ab)²σ_w², b²σ_b²), by the same change of units. */
const LECUN = { a: 1.7159, b: 2 / 3 };

/**
 * The order–chaos phase diagram of tanh networks in the (σ_w², σ_b²) plane: the critical line
 * χ1 = 1, tanh(n·x) at standard initialisations as rays (every tanh(n·x) network is a tanh
 * network with weights and biases scaled by n), and where LeCun's scaled tanh sits.
 */
export default defineProducer({
  contract: phaseDiagramContract,
  configSchema,
  config: {
    sb2Max: 0.5,
    points: 101,
    rays: [
      { sw2: 1, sb2: 0 },
      { sw2: 1, sb2: 0.05 },
    ],
    ns: [0.5, 1, 1.5, 2, 3],
    nRange: { from: 0.3, to: 5 },
  },
  seeds: () => [],
  produce(config) {
    const critical = linearGrid(0, config.sb2Max, config.points).map((sb2) => ({ sb2, sw2: criticalWeightVariance(tanh1, sb2) }));
    const rays = config.rays.map((base) => ({
      base,
      points: config.ns.map((n) => ({ n, sw2: n * n * base.sw2, sb2: n * n * base.sb2, chi1: chi1(tanhN(n), base.sw2, base.sb2) })),
      criticalN: findRoot((n) => chi1(tanhN(n), base.sw2, base.sb2) - 1, config.nRange.from, config.nRange.to, 1e-12),
    }));
    const lecun = config.rays.map(({ sw2, sb2 }) => {
      const sw2Equivalent = (LECUN.a * LECUN.b) ** 2 * sw2;
      const sb2Equivalent = LECUN.b ** 2 * sb2;
      const value = chi1(lecunTanh, sw2, sb2);
      // The equivalence is exact; a disagreement here would mean a bug in the mean-field module.
      const check = chi1(tanh1, sw2Equivalent, sb2Equivalent);
      if (Math.abs(value - check) > 1e-9 * Math.abs(check)) {
        throw new Error(`LeCun's χ1 ${value} differs from plain tanh's at the equivalent point ${check}`);
      }
      return { sw2, sb2, sw2Equivalent, sb2Equivalent, chi1: value };
    });
    return { critical, rays, lecun };
  },
});
