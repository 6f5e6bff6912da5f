import { z } from 'zod';
import chi1VsNContract from '../../records/contracts/chi1-vs-n.ts';
import { defineProducer } from '../producer.ts';
import { chi1, depthScaleC, qStar } from '../../math/meanfield';
import { lecunTanh, tanhN } from '../../math/activations';
import { linearGrid } from '../../math/grid';
import { shareOfSlopesAboveOne } from '../../math/slope-share';

const configSchema = z.object({
  nMin: z.number().positive(),
  nMax: z.number().positive(),
  points: z.number().int().min(2),
  /** The standard initialisation: σ_w² = 1 (LeCun normal) and these bias variances. */
  sw2: z.number().positive(),
  sb2s: z.array(z.number().nonnegative()).min(1),
  /** Where the share of slopes above 1 at q* is reported (at σ_b² = 0). */
  shareNs: z.array(z.number().positive()).min(1),
});

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** χ1, q* and ξ_c of tanh(n·x) networks at the standard initialisation, against n. */
export default defineProducer({
  contract: chi1VsNContract,
  configSchema,
  config: { nMin: 0.25, nMax: 4, points: 151, sw2: 1, sb2s: [0, 0.05], shareNs: [2, 3] },
  seeds: () => [],
  produce(config) {
    const ns = linearGrid(config.nMin, config.nMax, config.points);
    const curve = config.sb2s.flatMap((sb2) =>
      ns.map((n) => {
        const act = tanhN(n);
        return { n, sb2, chi1: chi1(act, config.sw2, sb2), qStar: qStar(act, config.sw2, sb2), xiC: finite(depthScaleC(act, config.sw2, sb2)) };
      }),
    );
    const lecun = config.sb2s.map((sb2) => ({
      sb2,
      chi1: chi1(lecunTanh, config.sw2, sb2),
      qStar: qStar(lecunTanh, config.sw2, sb2),
      xiC: finite(depthScaleC(lecunTanh, config.sw2, sb2)),
    }));
    const slopeShares = config.shareNs.map((n) => {
      const sb2 = 0;
      const q = qStar(tanhN(n), config.sw2, sb2);
      return { n, sb2, qStar: q, shareAboveOne: shareOfSlopesAboveOne(n, q), chi1: chi1(tanhN(n), config.sw2, sb2) };
    });
    return { curve, lecun, slopeShares };
  },
});
