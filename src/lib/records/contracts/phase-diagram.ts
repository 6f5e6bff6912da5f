import { z } from 'zod';
import { defineContract } from '../contract.ts';

/**
 * The order–chaos phase diagram of tanh networks in the (σ_w², σ_b²) plane: the critical line
 * χ1 = 1, tanh(n·x) at standard initialisations as rays (every tanh(n·x) network is a tanh
 * network with weights and biases scaled by n), and where LeCun's scaled tanh sits.
 */
export default defineContract({
  id: 'phase-diagram',
  title: 'The order–chaos phase diagram of tanh networks, with tanh(n·x) as rays and LeCun’s scaled tanh',
  schema: z.object({
    critical: z.array(z.object({ sb2: z.number(), sw2: z.number() })),
    rays: z.array(
      z.object({
        base: z.object({ sw2: z.number(), sb2: z.number() }),
        points: z.array(z.object({ n: z.number(), sw2: z.number(), sb2: z.number(), chi1: z.number() })),
        /** The n at which the ray crosses the critical line (χ1 = 1). */
        criticalN: z.number(),
      }),
    ),
    lecun: z.array(
      z.object({
        /** The initialisation LeCun's function is used with. */
        sw2: z.number(),
        sb2: z.number(),
        /** Its position in the plane of plain tanh. */
        sw2Equivalent: z.number(),
        sb2Equivalent: z.number(),
        chi1: z.number(),
      }),
    ),
  }),
});
