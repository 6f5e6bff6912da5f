import type { Claim, DataPoint } from './types';

/**
 * Every substantive claim of the source thread (../shared/source/thread.md), in thread order.
 * The reason sentence that goes with each verdict lives in content/articles/claims.mdx (it
 * quotes numbers through <Num>); the conditions below are what the verdict rests on.
 */

const gi = (activation: string, field: string): DataPoint => ({ of: 'gradients-at-init', at: `theory[activation=${activation},depth=100].${field}` });
const peakSlopeAtTwo: DataPoint = { of: 'good-interval', at: 'peakSlope' };
const nOfGoodInterval: DataPoint = { of: 'good-interval', at: 'n' };
/** A comparison of the change-of-units experiment: largest |loss difference| over training. */
const units = (optimiser: string, n: number, init: string, role: string): DataPoint => ({
  of: 'change-of-units',
  at: `setups[optimiser=${optimiser},n=${n},init=${init}].comparisons[role=${role}].largestLossDifference`,
});
const streetVisits = (phase: string, state: string, field: string): DataPoint => ({
  of: 'one-way-street-analysis',
  at: `visitsByPhase[phase=${phase},state=${state}].${field}`,
});
const slopeModel = (field: string): DataPoint => ({ of: 'products-model', at: `rows[spread=standard,n=2,depth=${field}` });

export const ledger: readonly Claim[] = [
  // ── The question ────────────────────────────────────────────────────────────────────────────
  {
    id: 'vanishing-is-slopes-below-one',
    claim: 'Gradients vanish because every slope of the activation is below 1, so their product over many layers becomes very small.',
    source: { author: 'Zephyr', post: 'question' },
    verdict: 'qualified',
    evidence: { page: 'order-and-chaos', anchor: 'fig-growth-rates', label: 'Figure: growth per layer, measured and predicted' },
    basis: [
      { says: 'tanh(x) at the standard initialisation: gradients shrink per layer', value: gi('tanh-n1', 'fittedGrowth'), op: '<', than: 1 },
      { says: 'tanh(2x) at the standard initialisation: gradients grow per layer', value: gi('tanh-n2', 'fittedGrowth'), op: '>', than: 1 },
    ],
  },
  {
    id: 'peak-slope-is-n',
    claim: 'The largest slope of tanh(n·x) is n.',
    source: { author: 'Zephyr', post: 'question' },
    verdict: 'holds',
    evidence: { page: 'slope-budget', anchor: 'fig-activation-curves', label: 'Figure: tanh(n·x) and its slope' },
    basis: [
      { says: 'the computed peak slope of tanh(2x) is at least 2', value: peakSlopeAtTwo, op: '>=', than: nOfGoodInterval },
      { says: 'the computed peak slope of tanh(2x) is at most 2', value: peakSlopeAtTwo, op: '<=', than: nOfGoodInterval },
    ],
  },
  {
    id: 'product-need-not-vanish',
    claim: 'With n > 1 the product of slopes no longer necessarily goes to 0.',
    source: { author: 'Zephyr', post: 'question' },
    verdict: 'qualified',
    evidence: { page: 'order-and-chaos', anchor: 'fig-gradients-at-init', label: 'Figure: gradient norms through 100 layers' },
    basis: [
      { says: 'tanh(2x), 100 layers, standard initialisation: the gradient grows by orders of magnitude', value: gi('tanh-n2', 'log10GainOverDepth'), op: '>', than: 3 },
    ],
  },
  {
    id: 'statistics-enter',
    claim: 'With mini-batch training, probability and statistics enter; run experiments to settle it.',
    source: { author: 'Tuyen', post: 'comment', on: 'the question' },
    verdict: 'holds',
    evidence: { page: 'order-and-chaos', anchor: 'fig-growth-rates', label: 'Figure: growth per layer, measured and predicted' },
    basis: [
      { says: 'the statistical (mean-field) prediction of the growth per layer at n = 2 is within 1% of the measurement', value: gi('tanh-n2', 'fittedGrowth'), op: '≈', than: gi('tanh-n2', 'predictedGrowth'), within: 0.01 },
      { says: '… and at n = 3', value: gi('tanh-n3', 'fittedGrowth'), op: '≈', than: gi('tanh-n3', 'predictedGrowth'), within: 0.01 },
    ],
  },
  {
    id: 'lecun-tanh',
    claim: '1.7159·tanh(2x/3) is a commonly recommended variant, chosen to give hidden features (and gradients) a better distribution, like normalisation.',
    source: { author: 'Neil Slater', post: 'comment', on: 'the question' },
    verdict: 'qualified',
    evidence: { page: 'what-fixes-it', anchor: 'fig-accuracy-vs-depth', label: 'Figure: which set-ups train at depth' },
    basis: [
      { says: 'LeCun’s tanh at σ_w² = 1, σ_b² = 0 sits close to the edge of chaos (χ1 within 5% of 1)', value: { of: 'phase-diagram', at: 'lecun[0].chi1' }, op: '<', than: 1.05 },
      { says: '… from above', value: { of: 'phase-diagram', at: 'lecun[0].chi1' }, op: '>', than: 0.95 },
      { says: 'and it trains at depth 100 where tanh(2x) at the standard initialisation does not', value: { of: 'what-fixes-it-summary', at: 'cells[setup=lecun,depth=100].meanAccuracy' }, op: '>=', than: 0.5 },
    ],
  },
  // ── Esmailian's answer ──────────────────────────────────────────────────────────────────────
  {
    id: 'harder-than-relu',
    claim: 'Keeping the product of slopes away from zero is quite hard compared with ReLU, whose slope is 1 — all the more since gradients can now explode too.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'qualified',
    evidence: { page: 'what-fixes-it', anchor: 'fig-accuracy-vs-depth', label: 'Figure: which set-ups train at depth' },
    basis: [
      { says: 'tanh(2x) at the standard initialisation stops training at a modest depth', value: { of: 'what-fixes-it-summary', at: 'cells[setup=standard,depth=50].meanAccuracy' }, op: '<', than: 0.5 },
      { says: 'but ReLU with He initialisation, trained the same way, stops no later', value: { of: 'what-fixes-it-summary', at: 'deepestTrained[setup=relu-he].depth' }, op: '<=', than: { of: 'what-fixes-it-summary', at: 'deepestTrained[setup=standard].depth' } },
      { says: 'while tanh(2x) at the critical scale with orthogonal weights trains deeper than either', value: { of: 'what-fixes-it-summary', at: 'deepestTrained[setup=critical-orthogonal].depth' }, op: '>', than: { of: 'what-fixes-it-summary', at: 'deepestTrained[setup=relu-he].depth' } },
    ],
  },
  {
    id: 'slopes-below-one-over-n',
    claim: 'The slope of tanh(n·x) is below 1/n exactly when |x| > t1(n) = (1/n)·artanh(√(1 − 1/n²)).',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'holds',
    evidence: { page: 'slope-budget', anchor: 'fig-slope-thresholds', label: 'Figure: the thresholds t1(n) and the exploding threshold' },
    basis: [
      { says: 't1(2), recomputed in float64, rounds to the thread’s 0.658', value: { of: 'slope-thresholds', at: 'integers[n=2].t1' }, op: '>=', than: 0.6575 },
      { says: '… from above', value: { of: 'slope-thresholds', at: 'integers[n=2].t1' }, op: '<', than: 0.6585 },
    ],
  },
  {
    id: 'tanh-cannot-balance',
    claim: 'For tanh(x) every slope away from 0 is below 1, so it is almost impossible to keep g from vanishing as the depth K grows.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'qualified',
    evidence: { page: 'order-and-chaos', anchor: 'fig-growth-rates', label: 'Figure: growth per layer, measured and predicted' },
    basis: [
      { says: 'tanh(x) at σ_w² = 1 (its critical point) loses only a little per layer', value: gi('tanh-n1', 'fittedGrowth'), op: '>', than: 0.95 },
      { says: '… but it does lose', value: gi('tanh-n1', 'fittedGrowth'), op: '<', than: 1 },
    ],
  },
  {
    id: 'pairs-as-bad-as-n-one',
    claim: 'For n > 1, K pairs of slopes, one of each pair beyond t1(n), are as problematic as K slopes of tanh(x).',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'holds',
    evidence: { page: 'slope-budget', anchor: 'one-slope-below-1n-cancels-one-slope-at-its-peak', label: 'Section: one slope below 1/n cancels one slope at its peak' },
    // Algebra: a slope of at most n times one below 1/n is below 1 (checked in test/unit/math).
    basis: [],
  },
  {
    id: 'widest-interval-at-two',
    claim: 'Among integer n, the widest interval of slopes ≥ 1/n is at n = 2, namely [−0.658, 0.658]; a continuous n does slightly better.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'holds',
    evidence: { page: 'slope-budget', anchor: 'fig-slope-thresholds', label: 'Figure: the thresholds t1(n) and the exploding threshold' },
    basis: [
      { says: 'the best integer n is 2', value: { of: 'slope-thresholds', at: 'bestInteger.n' }, op: '<=', than: 2 },
      { says: '… and not below 2', value: { of: 'slope-thresholds', at: 'bestInteger.n' }, op: '>=', than: 2 },
      { says: 'the continuous maximiser gives a wider interval', value: { of: 'slope-thresholds', at: 'maximiser.t1' }, op: '>', than: { of: 'slope-thresholds', at: 'bestInteger.t1' } },
    ],
  },
  {
    id: 'half-inside-interval',
    claim: 'To keep g from vanishing, around half or more of the pre-activations must lie inside [−0.658, 0.658].',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'fails',
    evidence: { page: 'order-and-chaos', anchor: 'fig-fraction-inside-t1', label: 'Figure: fraction of pre-activations inside the good interval' },
    basis: [
      { says: 'at n = 2 and the standard initialisation more than half lie inside', value: gi('tanh-n2', 'predictedFractionInsideT1'), op: '>', than: 0.5 },
      { says: '… and yet the gradients grow layer after layer instead of staying balanced', value: gi('tanh-n2', 'fittedGrowth'), op: '>', than: 1.1 },
    ],
  },
  {
    id: 'most-outside-in-practice',
    claim: 'In practice more than half of the pre-activations will likely lie outside the interval, so g vanishes.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'fails',
    evidence: { page: 'order-and-chaos', anchor: 'fig-fraction-inside-t1', label: 'Figure: fraction of pre-activations inside the good interval' },
    basis: [
      { says: 'n = 1.5: most pre-activations inside t1', value: gi('tanh-n1p5', 'predictedFractionInsideT1'), op: '>', than: 0.5 },
      { says: 'n = 3: most pre-activations inside t1', value: gi('tanh-n3', 'predictedFractionInsideT1'), op: '>', than: 0.5 },
      { says: 'n = 3: gradients grow, not vanish', value: gi('tanh-n3', 'fittedGrowth'), op: '>', than: 1 },
    ],
  },
  {
    id: 'too-many-near-zero-explode',
    claim: 'Too many pre-activations near zero give g ≫ 1, potentially up to n^K: the gradient explodes.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'holds',
    evidence: { page: 'order-and-chaos', anchor: 'fig-gradients-at-init', label: 'Figure: gradient norms through 100 layers' },
    basis: [
      { says: 'tanh(3x), 100 layers: the gradient gains more than ten orders of magnitude', value: gi('tanh-n3', 'log10GainOverDepth'), op: '>', than: 10 },
      { says: '… far less than the bound n^K = 3^100', value: gi('tanh-n3', 'log10GainOverDepth'), op: '<', than: 100 * Math.log10(3) },
    ],
  },
  {
    id: 'depth-fifty-threshold',
    claim: 'For K = 50 and n = 2, a value outside [−9.0, 9.0] produces a slope below 1/2^49.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'qualified',
    evidence: { page: 'slope-budget', anchor: 'fig-depth-thresholds', label: 'Figure: the depth-K threshold' },
    basis: [
      { says: 'the exact threshold lies just above 9.0, so values between 9.0 and it do not qualify', value: { of: 'depth-thresholds', at: 'example.threshold' }, op: '>', than: 9.0 },
      { says: '… by less than 0.05', value: { of: 'depth-thresholds', at: 'example.threshold' }, op: '<', than: 9.05 },
    ],
  },
  {
    id: 'explosion-pushes-outward',
    claim: 'A gradient g ≫ 1 moves the weights to larger values, which moves the pre-activations outward and turns good x’s into bad ones.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'holds',
    evidence: { page: 'one-way-street', anchor: 'fig-one-way-street-states', label: 'Figure: states of every run during training' },
    basis: [
      {
        says: 'networks that start with exploding gradients often have vanished ones after the first updates',
        value: { of: 'one-way-street-analysis', at: 'transitions[name=first interval].rows[from=exploded].to[state=vanished].count' },
        op: '>',
        than: 0,
      },
    ],
  },
  {
    id: 'one-way-street',
    claim: 'Once gradients have vanished there is not enough gradient to bring them back: a one-way street that training will pass eventually, given enough time.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'qualified',
    evidence: { page: 'one-way-street', anchor: 'is-vanished-absorbing', label: 'Section: is “vanished” absorbing?' },
    basis: [
      { says: 'runs that start vanished exist', value: streetVisits('ordered', 'vanished', 'entered'), op: '>', than: 0 },
      { says: '… and none of them ever left', value: streetVisits('ordered', 'vanished', 'left'), op: '<=', than: 0 },
      { says: 'but some runs driven into the vanished state by an explosion came back to healthy', value: streetVisits('chaotic', 'vanished', 'reachedHealthyAfter'), op: '>', than: 0 },
      { says: 'and no run that started healthy ever passed the street', value: { of: 'one-way-street-analysis', at: 'visits[state=healthy].startedInAndLeft' }, op: '<=', than: 0 },
    ],
  },
  {
    id: 'exploding-interval',
    claim: 'For n = 2 the slope exceeds 1 only for |x| < 0.441.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'holds',
    evidence: { page: 'slope-budget', anchor: 'fig-good-interval', label: 'Figure: the good and exploding intervals at n = 2' },
    basis: [
      { says: 'the exploding threshold at n = 2 rounds to 0.441', value: { of: 'good-interval', at: 'exploding' }, op: '>=', than: 0.4405 },
      { says: '… from above', value: { of: 'good-interval', at: 'exploding' }, op: '<', than: 0.4415 },
    ],
  },
  {
    id: 'half-outside-exploding',
    claim: 'For n = 2, around half or more of the x’s should lie outside [−0.441, 0.441] for g to stay around O(1) rather than O(n^K).',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'qualified',
    evidence: { page: 'products-of-slopes', anchor: 'fig-median-and-mean-square', label: 'Figure: the median and the mean square of g against depth' },
    basis: [
      { says: 'at the standard initialisation the typical product of tanh(2x) slopes shrinks (E[ln s] < 0): by counting slopes, g should not explode', value: slopeModel('1].meanLog'), op: '<', than: 0 },
      { says: '… yet the gradient through 100 layers grows by orders of magnitude, as the mean square (E[s²] > 1) says', value: gi('tanh-n2', 'log10GainOverDepth'), op: '>', than: 3 },
    ],
  },
  {
    id: 'tanh-does-not-explode',
    claim: 'tanh(x) does not have the exploding-gradient problem.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'fails',
    evidence: { page: 'order-and-chaos', anchor: 'fig-phase-diagram', label: 'Figure: the order–chaos phase diagram' },
    basis: [
      { says: 'tanh(x) with weights and biases doubled (the same network as tanh(2x) at σ_w² = 1, σ_b² = 0.05) is chaotic: χ1 > 1', value: { of: 'phase-diagram', at: 'rays[1].points[n=2].chi1' }, op: '>', than: 1 },
    ],
  },
  {
    id: 'initial-weight-map',
    claim: 'A map of which initial weights lead to vanishing gradients would settle the question.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'holds',
    evidence: { page: 'order-and-chaos', anchor: 'fig-trainability-map', label: 'Figure: which networks train' },
    basis: [
      { says: 'a boundary at a fixed multiple of the depth scale ξ_c classifies at least 85% of the trained cells correctly', value: { of: 'trainability-analysis', at: 'map.fit.misclassified' }, op: '<=', than: 16 },
    ],
  },
  {
    id: 'probabilistic-model',
    claim: 'A probabilistic model of the distribution of g would tell how often vanishing happens.',
    source: { author: 'Esmailian', post: 'answer' },
    verdict: 'qualified',
    evidence: { page: 'products-of-slopes', anchor: 'fig-networks-against-model', label: 'Figure: real networks against the model' },
    basis: [
      { says: 'the model: most products of 50 slopes of tanh(2x) at q* vanish', value: slopeModel('50].exactVanished'), op: '>', than: 0.9 },
      { says: 'real networks: the product of slopes along a path vanishes as often', value: { of: 'products-networks', at: 'rows[n=2,width=256,depth=50,quantity=path].vanished' }, op: '>', than: 0.9 },
      { says: '… but the backpropagated gradient through the same 50 layers never vanished', value: { of: 'products-networks', at: 'rows[n=2,width=256,depth=50,quantity=gain].vanished' }, op: '<=', than: 0 },
    ],
  },
  {
    id: 'harmonious-start',
    claim: 'A network started where the product of gradients is close to unity may naturally move away from that harmonious configuration as it trains.',
    source: { author: 'Zephyr', post: 'comment', on: 'Esmailian’s answer' },
    verdict: 'fails',
    evidence: { page: 'one-way-street', anchor: 'fig-one-way-street-states', label: 'Figure: states of every run during training' },
    basis: [
      { says: 'runs that started healthy', value: { of: 'one-way-street-analysis', at: 'visits[state=healthy].startedIn' }, op: '>', than: 10 },
      { says: '… of which none was ever anything else at a later checkpoint', value: { of: 'one-way-street-analysis', at: 'visits[state=healthy].startedInAndLeft' }, op: '<=', than: 0 },
    ],
  },
  // ── Media's answer ──────────────────────────────────────────────────────────────────────────
  {
    id: 'n-above-one-narrows',
    claim: 'A coefficient n > 1 steepens the slope in a small region but pushes the slope elsewhere closer to zero, a negative effect.',
    source: { author: 'Media', post: 'answer' },
    verdict: 'qualified',
    evidence: { page: 'slope-budget', anchor: 'fig-best-slope', label: 'Figure: the best slope at a fixed input' },
    basis: [
      { says: 'at any fixed input x the best n is a finite u*/|x|, so a larger n helps small inputs and hurts large ones', value: { of: 'best-slope', at: 'argument' }, op: '>', than: 0 },
    ],
  },
  {
    id: 'n-below-one-useless',
    claim: 'With n < 1 the slope is larger over more of the domain but still below 1, so it is of no value for deep networks.',
    source: { author: 'Media', post: 'answer' },
    verdict: 'holds',
    evidence: { page: 'order-and-chaos', anchor: 'fig-growth-rates', label: 'Figure: growth per layer, measured and predicted' },
    basis: [
      { says: 'tanh(x/2): gradients halve at every layer', value: gi('tanh-n0p5', 'fittedGrowth'), op: '<', than: 0.55 },
    ],
  },
  {
    id: 'both-below-one',
    claim: 'In both cases, n > 1 and n < 1, the derivative would be smaller than one.',
    source: { author: 'Media', post: 'answer' },
    verdict: 'fails',
    evidence: { page: 'slope-budget', anchor: 'fig-good-interval', label: 'Figure: the good and exploding intervals at n = 2' },
    basis: [{ says: 'tanh(2x) has slopes above 1 near 0', value: peakSlopeAtTwo, op: '>', than: 1 }],
  },
  {
    id: 'neurons-saturate',
    claim: 'After some training steps the neurons are biased towards one of the two directions (saturated), and the slopes vanish.',
    source: { author: 'Media', post: 'comment', on: 'Media’s answer' },
    verdict: 'qualified',
    evidence: { page: 'one-way-street', anchor: 'fig-one-way-street-states', label: 'Figure: states of every run during training' },
    basis: [
      {
        says: 'it happens to networks that start chaotic: exploded, then vanished after the first updates',
        value: { of: 'one-way-street-analysis', at: 'transitions[name=first interval].rows[from=exploded].to[state=vanished].count' },
        op: '>',
        than: 0,
      },
      { says: 'it does not happen to networks that start at criticality', value: streetVisits('critical', 'healthy', 'left'), op: '<=', than: 0 },
    ],
  },
  {
    id: 'averages-are-weaker',
    claim: 'For tanh(x) the argument rests on a hard upper bound; for tanh(2x) it falls back on averages, a much weaker statement that needs deeper justification.',
    source: { author: 'Zephyr', post: 'comment', on: 'Media’s answer' },
    verdict: 'holds',
    evidence: { page: 'products-of-slopes', anchor: 'fig-median-and-mean-square', label: 'Figure: the median and the mean square of g against depth' },
    basis: [
      { says: 'tanh(2x) at q*: the typical slope shrinks a product (E[ln s] < 0)', value: slopeModel('1].meanLog'), op: '<', than: 0 },
      { says: '… while the mean square grows it (E[s²] > 1): the two averages disagree', value: slopeModel('1].meanSquareSlope'), op: '>', than: 1 },
    ],
  },
  // ── The third answer ────────────────────────────────────────────────────────────────────────
  {
    id: 'larger-n-worse',
    claim: 'n·sech²(n·x) goes to 0 faster than n grows as |x| → ∞, so multiplying the argument by a bigger n makes things worse.',
    source: { author: 'the third answer', post: 'answer' },
    verdict: 'qualified',
    evidence: { page: 'slope-budget', anchor: 'fig-best-slope', label: 'Figure: the best slope at a fixed input' },
    basis: [
      { says: 'the best slope any n achieves at x is a constant over |x|, below 1 for |x| beyond that constant', value: { of: 'best-slope', at: 'constant' }, op: '<', than: 1 },
    ],
  },
  // ── Zephyr's answer and the comments on it ──────────────────────────────────────────────────
  {
    id: 'only-rescaled-weights',
    claim: 'Replacing tanh(x) by tanh(n·x) changes nothing about what the network can do: it only rescales all the weights and biases.',
    source: { author: 'Zephyr', post: 'answer' },
    verdict: 'qualified',
    evidence: { page: 'change-of-units', anchor: 'the-same-function', label: 'Section: the same function' },
    basis: [
      { says: 'n = 2: the tanh(2x) network and its rescaled tanh twin give identical logits', value: { of: 'change-of-units', at: 'setups[optimiser=sgd,n=2,init=standard].initialLogitDifference' }, op: '<=', than: 0 },
      { says: 'n = 3: identical up to rounding', value: { of: 'change-of-units', at: 'setups[optimiser=sgd,n=3,init=standard].initialLogitDifference' }, op: '<', than: 1e-12 },
    ],
  },
  {
    id: 'changes-initialisation',
    claim: 'Replacing tanh(x) by tanh(n·x) changes the initialisation.',
    source: { author: 'Zephyr', post: 'answer' },
    verdict: 'holds',
    evidence: { page: 'order-and-chaos', anchor: 'fig-chi1-vs-n', label: 'Figure: χ1 against n at the standard initialisation' },
    basis: [{ says: 'at the standard initialisation n = 2 moves the network into the chaotic phase (χ1 > 1)', value: { of: 'chi1-vs-n', at: 'curve[n=2,sb2=0].chi1' }, op: '>', than: 1 }],
  },
  {
    id: 'training-unaffected',
    claim: 'It does not affect training either (stated, then withdrawn).',
    source: { author: 'Zephyr', post: 'answer' },
    verdict: 'fails',
    evidence: { page: 'change-of-units', anchor: 'fig-units-curves-ordered', label: 'Figure: loss curves of the three networks' },
    basis: [
      { says: 'SGD, n = 2: at the same learning rate the rescaled tanh network’s loss departs from the tanh(2x) network’s', value: units('sgd', 2, 'ordered', 'unmatched'), op: '>', than: 0.1 },
      { says: 'Adam, n = 2: likewise', value: units('adam', 2, 'ordered', 'unmatched'), op: '>', than: 0.1 },
    ],
  },
  {
    id: 'same-global-minima',
    claim: 'If training actually found the global minimum of the cost, the rescaling claim would probably be correct.',
    source: { author: 'Tuyen', post: 'comment', on: 'Zephyr’s answer' },
    verdict: 'holds',
    evidence: { page: 'change-of-units', anchor: 'the-same-function', label: 'Section: the same function' },
    basis: [
      { says: 'the two parametrisations compute the same function, so they have the same minima (n = 2: identical logits)', value: { of: 'change-of-units', at: 'setups[optimiser=sgd,n=2,init=standard].initialLogitDifference' }, op: '<=', than: 0 },
    ],
  },
  {
    id: 'fixed-learning-rate',
    claim: 'Gradient descent runs at a fixed learning rate, so the two networks train differently — unless the learning rate and the initial point are rescaled too.',
    source: { author: 'Tuyen', post: 'comment', on: 'Zephyr’s answer' },
    verdict: 'holds',
    evidence: { page: 'change-of-units', anchor: 'fig-units-curves-ordered', label: 'Figure: loss curves of the three networks' },
    basis: [
      { says: 'SGD, n = 2, matched rates and initial point: identical losses at every step', value: units('sgd', 2, 'ordered', 'matched'), op: '<=', than: 0 },
      { says: 'SGD, n = 3, matched: equal up to rounding', value: units('sgd', 3, 'ordered', 'matched'), op: '<', than: 1e-9 },
      { says: 'SGD, n = 3, unmatched: the losses part', value: units('sgd', 3, 'ordered', 'unmatched'), op: '>', than: 0.1 },
    ],
  },
  {
    id: 'first-steps',
    claim: 'The first steps of gradient descent on the tanh(n·x) network are α₁ = α₀ − δ·n·∇f(n·α₀), with f the tanh network’s cost.',
    source: { author: 'Tuyen', post: 'comment', on: 'Zephyr’s answer' },
    verdict: 'qualified',
    evidence: { page: 'change-of-units', anchor: 'the-same-training-at-other-learning-rates', label: 'Section: the same training, at other learning rates' },
    basis: [
      { says: 'the chain-rule step, applied with the hidden layers scaled and the readout not, reproduces the tanh(2x) training exactly', value: units('sgd', 2, 'standard', 'matched'), op: '<=', than: 0 },
    ],
  },
  {
    id: 'rate-times-n-not-enough',
    claim: 'Even if you rescale the learning rate by n, things are still very different.',
    source: { author: 'Tuyen', post: 'comment', on: 'Zephyr’s answer' },
    verdict: 'qualified',
    evidence: { page: 'change-of-units', anchor: 'who-was-right-about-what', label: 'Section: who was right about what' },
    basis: [
      { says: 'SGD, n = 3: the hidden rate times n (not n²) departs', value: units('sgd', 3, 'ordered', 'rate-n'), op: '>', than: 0.1 },
      { says: 'Adam, n = 2: the rate times n with ε left alone stays close (within 0.01 in loss)', value: units('adam', 2, 'ordered', 'same-epsilon'), op: '<', than: 0.01 },
      { says: 'Adam, n = 2: the rate times n with ε/n is exact', value: units('adam', 2, 'ordered', 'matched'), op: '<=', than: 0 },
    ],
  },
  {
    id: 'just-the-learning-rate',
    claim: 'How is this not the same as just rescaling the learning rate?',
    source: { author: 'Zephyr', post: 'comment', on: 'Zephyr’s answer' },
    verdict: 'qualified',
    evidence: { page: 'change-of-units', anchor: 'who-was-right-about-what', label: 'Section: who was right about what' },
    basis: [
      { says: 'it is, layer by layer: n² on the hidden layers, 1 on the readout (SGD, n = 2, exact)', value: units('sgd', 2, 'ordered', 'matched'), op: '<=', than: 0 },
      { says: 'one global factor does not do it: the unmatched run (factor 1) departs', value: units('sgd', 2, 'ordered', 'unmatched'), op: '>', than: 0.1 },
    ],
  },
];

export function claimById(id: string): Claim {
  const claim = ledger.find((c) => c.id === id);
  if (!claim) throw new Error(`unknown claim "${id}"; known: ${ledger.map((c) => c.id).join(', ')}`);
  return claim;
}
