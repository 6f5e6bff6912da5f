import { ESMAILIAN_ANSWER_URL, THREAD } from './thread';
import type { Claim, DataPoint, Source } from './types';

/**
 * Every substantive claim (and question) of the source thread, in thread order, each with its
 * author's exact words (test/unit/claims/thread.md holds the thread as received; a unit test
 * finds every quote in it), the scope it is judged within and a verdict. The reason that goes
 * with each verdict lives in content/articles/claims.mdx (it quotes numbers through <Num>); the
 * conditions below are what the verdict rests on.
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
/** Products of slopes along random paths of real width-256 tanh(n·x) networks at initialisation, K = 50. */
const pathProducts = (n: number, field: string): DataPoint => ({ of: 'products-networks', at: `rows[n=${n},width=256,depth=50,quantity=path].${field}` });
/** χ1 of plain tanh at σ_w² = 1, σ_b² = 0 — and so of tanh(x/n) at σ_w² = n² (the same network). */
const criticalTanhChi1: DataPoint = { of: 'chi1-vs-n', at: 'curve[n=1,sb2=0].chi1' };

// Where each post is. Only the question's address and answer 51586's are known; comments link to
// the post they are on, and posts without a known address link to the question.
const zephyrQuestion: Source = { author: 'Zephyr', post: 'question', url: THREAD.url };
const esmailian: Source = { author: 'Esmailian', post: 'answer', url: ESMAILIAN_ANSWER_URL };
const onEsmailian = (author: string): Source => ({ author, post: 'comment', on: 'Esmailian’s answer', url: ESMAILIAN_ANSWER_URL });
const onQuestion = (author: string): Source => ({ author, post: 'comment', on: 'the question', url: THREAD.url });
const media: Source = { author: 'Media', post: 'answer', url: THREAD.url };
const onMedia = (author: string): Source => ({ author, post: 'comment', on: 'Media’s answer', url: THREAD.url });
const thirdAnswer: Source = { author: 'the third answer', post: 'answer', url: THREAD.url };
const zephyrAnswer: Source = { author: 'Zephyr', post: 'answer', url: THREAD.url };
const onZephyr = (author: string): Source => ({ author, post: 'comment', on: 'Zephyr’s answer', url: THREAD.url });

export const ledger: readonly Claim[] = [
  // ── The question ────────────────────────────────────────────────────────────────────────────
  {
    id: 'vanishing-is-slopes-below-one',
    claim: 'Gradients vanish because every slope of the activation is below 1, so their product over many layers becomes very small.',
    quote: String.raw`To my understanding, the vanishing gradient problem occurs when training neural networks when the gradient of each activation function is less than 1 such that when corrections are back-propagated through many layers, the product of these gradients becomes very small.`,
    source: zephyrQuestion,
    scope: 'the gradients of neural networks in training, explained by the slopes of the activation alone',
    verdict: 'qualified',
    evidence: { page: 'order-and-chaos', anchor: 'fig-growth-rates', label: 'Figure: growth per layer, measured and predicted' },
    basis: [
      { says: 'tanh(x/2), whose slopes never exceed 1/2, at the standard initialisation: gradients shrink per layer', value: gi('tanh-n0p5', 'fittedGrowth'), op: '<', than: 0.55 },
      { says: 'the same slopes with weights twice the standard scale: tanh(x) at σ_w² = 1, the same network, is critical (χ1 = 1)', value: criticalTanhChi1, op: '≈', than: 1, within: 1e-9 },
      { says: '… and its gradient loses less than one order of magnitude through 100 layers', value: gi('tanh-n1', 'log10GainOverDepth'), op: '>', than: -1 },
    ],
  },
  {
    id: 'peak-slope-is-n',
    claim: 'The largest slope of tanh(n·x) is n.',
    quote: String.raw`If the activation function was of the form $\tanh(n x)$ then the maximum possible gradient is $n$.`,
    source: zephyrQuestion,
    scope: 'the slope of the activation function itself',
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
    quote: String.raw`Thus if $n > 1$ we no longer have a case where the product of gradients necessarily goes to 0.`,
    source: zephyrQuestion,
    scope: 'the product of slopes, and only whether it must vanish (“necessarily”)',
    verdict: 'holds',
    evidence: { page: 'products-of-slopes', anchor: 'fig-fractions-vs-depth', label: 'Figure: how often products vanish, against depth' },
    basis: [
      { says: 'tanh(2x) has slopes above 1', value: peakSlopeAtTwo, op: '>', than: 1 },
      { says: 'at the standard initialisation not every product of 50 slopes of tanh(2x) vanishes', value: slopeModel('50].exactVanished'), op: '<', than: 1 },
      { says: '… though most do', value: slopeModel('50].exactVanished'), op: '>', than: 0.9 },
      { says: 'the network’s gradient norm through 100 layers grows by orders of magnitude', value: gi('tanh-n2', 'log10GainOverDepth'), op: '>', than: 3 },
    ],
  },
  {
    id: 'otherwise-fail',
    claim: 'Is there some reason why tanh(n·x) with n > 1 would otherwise fail?',
    quote: String.raw`Is there some reason why such an activation function would otherwise fail?`,
    source: zephyrQuestion,
    scope: 'tanh(n·x) as the activation of a deep network trained by gradient descent',
    verdict: 'question',
    evidence: { page: 'order-and-chaos', anchor: 'fig-gradients-at-init', label: 'Figure: gradient norms through 100 layers' },
    basis: [
      { says: 'a tanh(2x) network and the tanh network with its hidden weights and biases doubled give identical logits', value: { of: 'change-of-units', at: 'setups[optimiser=sgd,n=2,init=standard].initialLogitDifference' }, op: '<=', than: 0 },
      { says: 'tanh(2x) at the standard initialisation: gradients grow per layer', value: gi('tanh-n2', 'fittedGrowth'), op: '>', than: 1.1 },
      { says: 'tanh(2x) with weights scaled by 1/2 (tanh(x) at σ_w² = 1, the same network) is critical', value: criticalTanhChi1, op: '≈', than: 1, within: 1e-9 },
    ],
  },
  {
    id: 'statistics-enter',
    claim: 'With mini-batch training, probability, statistics and randomness definitely enter; run experiments to verify it.',
    quote: String.raw`Well, if you use mini-batches - as common now - in training DNN, then probability/statistics/randomness will enter definitely. One easy-to-understand source for this is Nielsen's book Neural Networks and Deep Learning. How about you run several experiments to verify this yourself and report what you found here after?`,
    source: onQuestion('Tuyen'),
    scope: 'training with mini-batches: the randomness of the sampled batches',
    verdict: 'holds',
    evidence: { page: 'change-of-units', anchor: 'fig-units-curves-ordered', label: 'Figure: loss curves of the three networks' },
    basis: [
      { says: 'each SGD step of the change-of-units runs sees a mini-batch, a small part of the training set', value: { of: 'change-of-units', at: 'config.batchSize' }, op: '<', than: { of: 'change-of-units', at: 'config.mnist.trainCount' } },
    ],
  },
  {
    id: 'lecun-tanh',
    claim: '1.7159·tanh(2x/3) is a commonly suggested variant; the commenter assumes that, like batch normalisation, it gives hidden features (and gradients) a closer to ideal distribution.',
    quote: String.raw`There are quite a few resources that suggest using $1.7159 \text{tanh}(\frac{2}{3}x)$ . . . I have always assumed that was a similar idea to batch normalisation - about creating closer to ideal distribution of features in hidden layers, including the effect on gradients.`,
    source: onQuestion('Neil Slater'),
    scope: 'why the scaled tanh is used: the distribution of hidden features and its effect on gradients (a stated assumption)',
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
    quote: String.raw`However, for practical purposes, we should ask ourselves how easy it is to maintain this situation (keeping the multiplication of derivatives away from zero)? Which turns out to be quite hard compared to ReLU, which gives derivative = 1, specially now, when there is also a chance of gradient explosion.`,
    source: esmailian,
    scope: 'practice: keeping gradients alive in deep networks, tanh(n·x) against ReLU',
    verdict: 'qualified',
    evidence: { page: 'what-fixes-it', anchor: 'fig-accuracy-vs-depth', label: 'Figure: which set-ups train at depth' },
    basis: [
      { says: 'tanh(2x) at the standard initialisation stops training at a modest depth', value: { of: 'what-fixes-it-summary', at: 'cells[setup=standard,depth=50].meanAccuracy' }, op: '<', than: 0.5 },
      { says: 'ReLU with He initialisation, trained the same way, gets deeper', value: { of: 'what-fixes-it-summary', at: 'deepestTrained[setup=relu-he].depth' }, op: '>', than: { of: 'what-fixes-it-summary', at: 'deepestTrained[setup=standard].depth' } },
      { says: 'but ReLU fails at depth 100 at every rate of the check', value: { of: 'what-fixes-it-summary', at: 'rateCheck.best[setup=relu-he].accuracy' }, op: '<', than: 0.5 },
      { says: 'while tanh(2x) at the critical scale with orthogonal weights trains there at its best rate', value: { of: 'what-fixes-it-summary', at: 'rateCheck.best[setup=critical-orthogonal].accuracy' }, op: '>=', than: 0.5 },
      { says: 'and a residual tanh network (no branch scaling), at its best rate of four, trains at depth 200', value: { of: 'what-practitioners-do-summary', at: 'deepestTrained[setup=residual-tanh].depth' }, op: '>=', than: 200 },
    ],
  },
  {
    id: 'slopes-below-one-over-n',
    claim: 'The slope of tanh(n·x) is below 1/n exactly when |x| > t1(n) = (1/n)·artanh(√(1 − 1/n²)).',
    quote: String.raw`So for $|x| > t_1(n)$, the derivative will be smaller than $\frac{1}{n}$.`,
    source: esmailian,
    scope: 'the slope of tanh(n·x) at one input x',
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
    quote: String.raw`For the special case of $n=1$, any $|x| > 0$ results in a derivative $< 1/1 = 1$, therefore, it is almost impossible to keep the balance (prevent $g$ from vanishing) as depth $K$ increases […]`,
    source: esmailian,
    scope: 'the product g of K slopes of tanh(x) as the depth K grows (weights left aside, as in the whole answer)',
    verdict: 'qualified',
    evidence: { page: 'products-of-slopes', anchor: 'fig-networks-against-model', label: 'Figure: real networks against the model' },
    basis: [
      { says: 'in real critical tanh networks no product of 50 slopes along a path vanished', value: pathProducts(1, 'vanished'), op: '<=', than: 0 },
      { says: 'the gradient of a 100-layer critical tanh network does shrink', value: gi('tanh-n1', 'log10GainOverDepth'), op: '<', than: 0 },
      { says: '… by less than one order of magnitude', value: gi('tanh-n1', 'log10GainOverDepth'), op: '>', than: -1 },
    ],
  },
  {
    id: 'pairs-as-bad-as-n-one',
    claim: 'For n > 1, K pairs of slopes, one of each pair beyond t1(n), are as problematic as K slopes of tanh(x).',
    quote: String.raw`In other words, $K$ mentioned pairs of derivatives for $n > 1$ is as problematic as $K$ derivatives for $n=1$.`,
    source: esmailian,
    scope: 'products of slopes (the answer’s g)',
    verdict: 'holds',
    evidence: { page: 'slope-budget', anchor: 'one-slope-below-1n-cancels-one-slope-at-its-peak', label: 'Section: one slope below 1/n cancels one slope at its peak' },
    // Algebra: a slope of at most n times one below 1/n is below 1 (checked in test/unit/math).
    basis: [],
  },
  {
    id: 'widest-interval-at-two',
    claim: 'Among integer n, the widest interval of slopes ≥ 1/n is at n = 2, namely [−0.658, 0.658]; a continuous n does slightly better.',
    quote: String.raw`As you can see, to have a derivative $\geq 1/n$, the largest interval is achieved at $n=2$, which is still narrow! This interval is $[-0.658, 0.658]$, meaning for $|x| > 0.658$, the derivative will be smaller than $1/2$. Note: a slightly larger interval is achievable if $n$ is allowed to be continuous.`,
    source: esmailian,
    scope: 'the interval where the slope of tanh(n·x) is at least 1/n',
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
    claim: 'To keep g from vanishing, around half or more of the x’s must lie inside an interval like [−0.658, 0.658], so that paired with the rest each pair’s product is above 1 at best — provided no x is far out.',
    quote: String.raw`To prevent $g$ from vanishing, around half or more of $x_i$'s need to be inside an interval like $[-0.658, 0.658]$ so when their derivatives are paired with the other half, multiplication of each pair would be above one at best (required that no $x$ is far into large values)`,
    source: esmailian,
    scope: 'the product g of K slopes (weights left aside): a necessary condition for g not to vanish',
    verdict: 'holds',
    evidence: { page: 'order-and-chaos', anchor: 'fig-fraction-inside-t1', label: 'Figure: fraction of pre-activations inside the good interval' },
    // The verdict's core is algebra (more than half of the slopes below 1/n, each of the rest at most n: g < 1);
    // the conditions are the measurements the reason cites: the condition met, and yet not sufficient.
    basis: [
      { says: 'tanh(2x) at the standard initialisation: more than half of the pre-activations lie inside t1(2)', value: gi('tanh-n2', 'predictedFractionInsideT1'), op: '>', than: 0.5 },
      { says: '… and yet most products of 50 slopes vanish (necessary, not sufficient)', value: slopeModel('50].exactVanished'), op: '>', than: 0.9 },
      { says: 'the network’s gradient, a different quantity, grows layer after layer', value: gi('tanh-n2', 'fittedGrowth'), op: '>', than: 1.1 },
    ],
  },
  {
    id: 'most-outside-in-practice',
    claim: 'In practice more than half of the x’s will likely lie outside the interval, or a couple of them will be large, and either makes g vanish.',
    quote: String.raw`However, in practice, it is likely to have more than half of $x$'s outside of $[-0.658, 0.658]$ or a couple of $x$'s with large values, causing $g$ to vanish to zero.`,
    source: esmailian,
    scope: 'the product g of slopes at the pre-activations that networks have in practice',
    verdict: 'qualified',
    evidence: { page: 'products-of-slopes', anchor: 'fig-networks-against-model', label: 'Figure: real networks against the model' },
    basis: [
      { says: 'n = 2, standard initialisation: most pre-activations lie inside t1, not outside', value: gi('tanh-n2', 'predictedFractionInsideT1'), op: '>', than: 0.5 },
      { says: 'n = 3: likewise', value: gi('tanh-n3', 'predictedFractionInsideT1'), op: '>', than: 0.5 },
      { says: 'and still, in real tanh(2x) networks, most products of 50 slopes along a path vanish', value: pathProducts(2, 'vanished'), op: '>', than: 0.9 },
    ],
  },
  {
    id: 'too-many-near-zero-explode',
    claim: 'Too many pre-activations near zero could give g ≫ 1, potentially up to n^K: the gradient explodes.',
    quote: String.raw`For $n > 1$, too many $x$'s close to zero could lead to a large gradient $g \gg 1$ (potentially up to $n^K$) […]`,
    source: esmailian,
    scope: 'the product g of slopes (“could lead to”: a possibility)',
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
    quote: String.raw`that shows, for example, for depth $K = 50$ and $n=2$, a value outside $[-9.0, 9.0]$ produces a derivative $< 1/2^{49}$. This result gives an intuition about how easy it is for a couple of $x$'s around 5-10 to cancel out the majority of good $x$'s.`,
    source: esmailian,
    scope: 'one slope of tanh(2x) against 49 slopes at the peak (depth K = 50)',
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
    quote: String.raw`[…] which moves (explodes) the weights into larger values ($w_{t+1} = w_{t} + \lambda g$), which further moves the $x$'s into larger values ($x_{t+1} = \boldsymbol{w}^t_{t+1}\boldsymbol{h}_{t+1}$) converting the good $x$'s into (very) bad ones.`,
    source: esmailian,
    scope: 'training: what a large gradient does to the weights and the pre-activations',
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
    claim: 'Once gradients have vanished there is not enough gradient to bring them back: a one-way street that training passes eventually, given enough epochs — unless it has converged first.',
    quote: String.raw`When system goes to state $[g \sim 0]$, there is not much gradient to bring (change) the values back to state $[g \gg 0]$. This is similar to a one way street that will be passed eventually if we give it enough time (large enough epochs) given convergence of training does not happen (otherwise, we have found a solution before experiencing a vanishing gradient).`,
    source: esmailian,
    scope: 'training that has not converged, given enough epochs',
    verdict: 'holds',
    evidence: { page: 'one-way-street', anchor: 'is-vanished-absorbing', label: 'Section: is “vanished” absorbing?' },
    basis: [
      { says: 'runs entered the vanished state (persistent over checkpoints, measured on several batches)', value: { of: 'one-way-street-analysis', at: 'persistent.enteredVanished' }, op: '>', than: 0 },
      { says: '… and none of them resumed learning', value: { of: 'one-way-street-analysis', at: 'persistent.resumedLearningAfterVanished' }, op: '<=', than: 0 },
      { says: 'nor did any with per-pixel inputs, the sensitivity check', value: { of: 'one-way-street-analysis', at: 'perPixel.resumedLearningAfterVanished' }, op: '<=', than: 0 },
      { says: 'and no run that started healthy ever passed the street', value: { of: 'one-way-street-analysis', at: 'visits[state=healthy].startedInAndLeft' }, op: '<=', than: 0 },
    ],
  },
  {
    id: 'exploding-interval',
    claim: 'For n = 2 the slope exceeds 1 only for |x| < 0.441.',
    quote: String.raw`For this case, a similar analysis based on inequality $$\begin{align*} &\frac{\partial tanh(nx)}{\partial x} > 1 \Rightarrow |x| < \frac{1}{n}tanh^{-1}\left(\sqrt{1 - \frac{1}{n}}\right)\\ \end{align*}$$ shows that for $n=2$, around half or more of $x_i$'s should be outside of $[-0.441, 0.441]$ […]`,
    source: esmailian,
    scope: 'the slope of tanh(2x) at one input x',
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
    quote: String.raw`[…] shows that for $n=2$, around half or more of $x_i$'s should be outside of $[-0.441, 0.441]$ to have $g$ around $O(1)$ away from $O(n^K)$.`,
    source: esmailian,
    scope: 'the product g of slopes at n = 2, on its exploding side',
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
    quote: String.raw`[…] reminding that $tanh(x)$ does not have the exploding gradient problem.`,
    source: esmailian,
    scope: 'the exploding-gradient problem (the answer’s “numerical instability”), argued from the slopes of tanh alone',
    verdict: 'qualified',
    evidence: { page: 'order-and-chaos', anchor: 'fig-phase-diagram', label: 'Figure: the order–chaos phase diagram' },
    basis: [
      { says: 'tanh(x) at the standard initialisation is not chaotic (χ1 = 1)', value: criticalTanhChi1, op: '<=', than: 1 },
      { says: 'tanh(x) with its weights doubled (the same network as tanh(2x) at σ_w² = 1, σ_b² = 0) is chaotic: χ1 > 1', value: { of: 'phase-diagram', at: 'rays[0].points[n=2].chi1' }, op: '>', than: 1 },
    ],
  },
  {
    id: 'initial-weight-map',
    claim: 'A simulation of actual networks could give a map of which initial weights lead to vanishing gradients.',
    quote: String.raw`A more advanced analysis of dynamical behavior of gradient would be possible by carrying out a simulation on actual neural networks (which potentially depends on many parameters such as loss function, width and depth of network, and data distribution) and come up with […] A deterministic model (map) that tells which initial points (initial values of weights) lead to gradient vanishing; possibly accompanied by trajectories from initial to final values.`,
    source: esmailian,
    scope: 'a proposal: what a simulation of actual networks could produce',
    verdict: 'holds',
    evidence: { page: 'order-and-chaos', anchor: 'fig-trainability-map', label: 'Figure: which networks train' },
    basis: [
      { says: 'a boundary at a fixed multiple of the depth scale ξ_c classifies at least 85% of the trained cells correctly', value: { of: 'trainability-analysis', at: 'map.fit.misclassified' }, op: '<=', than: 16 },
    ],
  },
  {
    id: 'probabilistic-model',
    claim: 'A simulation of actual networks could give a probabilistic model of how often vanishing happens, from the distribution of g.',
    quote: String.raw`A more advanced analysis of dynamical behavior of gradient would be possible by carrying out a simulation on actual neural networks […] and come up with […] A probabilistic model that tells how often vanishing happens based on a distribution of gradient $g$ or a joint distribution ($\boldsymbol{x}$, $g$) or ($\boldsymbol{w}$, $g$)`,
    source: esmailian,
    scope: 'a proposal: a probabilistic model of the product g',
    verdict: 'qualified',
    evidence: { page: 'products-of-slopes', anchor: 'fig-networks-against-model', label: 'Figure: real networks against the model' },
    basis: [
      { says: 'the model: most products of 50 slopes of tanh(2x) at q* vanish', value: slopeModel('50].exactVanished'), op: '>', than: 0.9 },
      { says: 'real networks: the product of slopes along a path vanishes as often', value: pathProducts(2, 'vanished'), op: '>', than: 0.9 },
      { says: '… but the backpropagated gradient through the same 50 layers never vanished', value: { of: 'products-networks', at: 'rows[n=2,width=256,depth=50,quantity=gain].vanished' }, op: '<=', than: 0 },
    ],
  },
  {
    id: 'harmonious-start',
    claim: 'As a network trains, are its slopes still a random sample? And will a network that starts where the product of slopes is close to 1 naturally move away from that harmonious configuration?',
    quote: String.raw`as a neural network is trained, and weights and biases vary, is it fair to still see this as a random sample of gradients? - if we limit the starting state to one where the product of gradients is close to unity, is it clear that the network will naturally move away from such a harmonious configuration?`,
    source: onEsmailian('Zephyr'),
    scope: 'training from an initialisation where the product of slopes is close to 1',
    verdict: 'question',
    evidence: { page: 'one-way-street', anchor: 'fig-one-way-street-states', label: 'Figure: states of every run during training' },
    basis: [
      { says: 'runs that started healthy (the critical ones and tanh(2x) at depth 20)', value: { of: 'one-way-street-analysis', at: 'visits[state=healthy].startedIn' }, op: '>', than: 0 },
      { says: '… of which none was ever anything else at a later checkpoint', value: { of: 'one-way-street-analysis', at: 'visits[state=healthy].startedInAndLeft' }, op: '<=', than: 0 },
    ],
  },
  // ── Media's answer ──────────────────────────────────────────────────────────────────────────
  {
    id: 'n-above-one-narrows',
    claim: 'A coefficient n > 1 steepens the slope in a small region but pushes the slope elsewhere closer to zero, a negative effect.',
    quote: String.raw`As you can see, by employing a coefficient as the input of the tanh function, you are limiting the range of changes of the function with respect to $x$ axis. This has a negative effect. The reason is that although you are making the slope sharper for a very small region in the domain, you are making the differentiation of the other points in the domain more close to zero.`,
    source: media,
    scope: 'deep networks, argued from the slope of tanh(n·x) alone',
    verdict: 'qualified',
    evidence: { page: 'slope-budget', anchor: 'fig-best-slope', label: 'Figure: the best slope at a fixed input' },
    basis: [
      { says: 'at any fixed input x the best n is a finite u*/|x|, so a larger n helps small inputs and hurts large ones', value: { of: 'best-slope', at: 'argument' }, op: '>', than: 0 },
    ],
  },
  {
    id: 'n-below-one-useless',
    claim: 'With n < 1 the slope is larger over more of the domain but still below 1, so it is of no value for deep networks.',
    quote: String.raw`Another nice question can be this that you have a coefficient value smaller than one. […] In this figure, you are changing the function in a way that you have a differentiation which is larger than before in more points of the domain, but again it is smaller than one. This is not valuable for deep networks.`,
    source: media,
    scope: 'deep networks, argued from the slope of tanh(n·x) alone',
    verdict: 'qualified',
    evidence: { page: 'order-and-chaos', anchor: 'fig-growth-rates', label: 'Figure: growth per layer, measured and predicted' },
    basis: [
      { says: 'tanh(x/2) at the standard initialisation: gradients halve at every layer', value: gi('tanh-n0p5', 'fittedGrowth'), op: '<', than: 0.55 },
      { says: 'tanh(x/2) with weights of twice the standard scale is tanh(x) at σ_w² = 1, which is critical (χ1 = 1)', value: criticalTanhChi1, op: '≈', than: 1, within: 1e-9 },
    ],
  },
  {
    id: 'both-below-one',
    claim: 'In both cases, n > 1 and n < 1, the derivative would be smaller than one.',
    quote: String.raw`As I have mentioned, in both cases which you employ coefficient, the derivative would be smaller than one and is not valuable for deep networks.`,
    source: media,
    scope: 'the slope of tanh(n·x), and through it deep networks',
    verdict: 'fails',
    evidence: { page: 'slope-budget', anchor: 'fig-good-interval', label: 'Figure: the good and exploding intervals at n = 2' },
    basis: [{ says: 'tanh(2x) has slopes above 1 near 0', value: peakSlopeAtTwo, op: '>', than: 1 }],
  },
  {
    id: 'neurons-saturate',
    claim: 'After some training steps the neurons are biased towards one of the two directions (saturated), and the slopes vanish.',
    quote: String.raw`You are limiting the function. After some steps your neurons would be biased to each of the diretions.`,
    source: onMedia('Media'),
    scope: 'training: what happens to the neurons after some steps',
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
    quote: String.raw`this seems an incomplete argument - with a gradient <1 always a single near zero value in the product ensures that the total is close to zero - when the gradient can be greater than 1 a near-zero value can be offset with multiple >1 values - and argument about the tanh(x) case is based on a hard upper limit, but for a tanh(2x) case we fall back on averages, a much less strong logical statement - I'm not saying the above conclusion is incorrect, just that it requires deeper justification - are you aware of any relevant research or examples?`,
    source: onMedia('Zephyr'),
    scope: 'the logic of the argument for tanh(2x)',
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
    quote: String.raw`If you consider tanh(nx), then the derivative is n sech(nx)^2, and sech(nx)^2 converges to 0 faster than n converging to infinity, when x converges to +/- infinity. Therefore, heuristically, multiplying the argument by bigger n will make things worse.`,
    source: thirdAnswer,
    scope: 'the slope at large |x| (“heuristically”, as the answer says)',
    verdict: 'qualified',
    evidence: { page: 'slope-budget', anchor: 'fig-best-slope', label: 'Figure: the best slope at a fixed input' },
    basis: [
      { says: 'the best slope any n achieves at x is a constant over |x|, below 1 for |x| beyond that constant', value: { of: 'best-slope', at: 'constant' }, op: '<', than: 1 },
      { says: 'in training at depth 100 (σ_b² = 0), the best n of the scan near 1 is above 1', value: { of: 'near-critical-analysis', at: 'byDepth[depth=100].bestN' }, op: '>', than: 1 },
      { says: '… and its worse seed beats the better seed of n = 1 by at least 5 points of accuracy', value: { of: 'near-critical-analysis', at: 'byDepth[depth=100].bestNMargin' }, op: '>=', than: 0.05 },
      { says: '… also when every set-up gets its best rate of the learning-rate check', value: { of: 'near-critical-analysis', at: 'rateCheck.bestMarginAtBestRates' }, op: '>=', than: 0.05 },
    ],
  },
  // ── Zephyr's answer and the comments on it ──────────────────────────────────────────────────
  {
    id: 'only-rescaled-weights',
    claim: 'Replacing tanh(x) by tanh(n·x) changes nothing about what the network can do: it only rescales all the weights and biases.',
    quote: String.raw`When we replace $tanh(x)$ with $tanh(nx)$ as an activation function we have changed nothing about the performance of the activation function. All we have done is rescaled all the weights and biases of the network - which we are free to do arbitrarily.`,
    source: zephyrAnswer,
    scope: 'what the network computes (its “performance”), not how it trains',
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
    quote: String.raw`This will not affect the performance of the network, but certainly will the initialization.`,
    source: zephyrAnswer,
    scope: 'the initialisation',
    verdict: 'holds',
    evidence: { page: 'order-and-chaos', anchor: 'fig-chi1-vs-n', label: 'Figure: χ1 against n at the standard initialisation' },
    basis: [{ says: 'at the standard initialisation n = 2 moves the network into the chaotic phase (χ1 > 1)', value: { of: 'chi1-vs-n', at: 'curve[n=2,sb2=0].chi1' }, op: '>', than: 1 }],
  },
  {
    id: 'training-unaffected',
    claim: 'It does not affect training either (stated, then withdrawn).',
    quote: String.raw`Previously I had stated that it will not affect the training either - but I'm now not sure I can state this with full confidence.`,
    source: zephyrAnswer,
    scope: 'training (an earlier statement its author withdrew)',
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
    quote: String.raw`If DNN actually computes the global minimum of the cost function then Yes, probably you are correct.`,
    source: onZephyr('Tuyen'),
    scope: 'the global minima of the cost, not the path to them',
    verdict: 'holds',
    evidence: { page: 'change-of-units', anchor: 'the-same-function', label: 'Section: the same function' },
    basis: [
      { says: 'the two parametrisations compute the same function, so they have the same minima (n = 2: identical logits)', value: { of: 'change-of-units', at: 'setups[optimiser=sgd,n=2,init=standard].initialLogitDifference' }, op: '<=', than: 0 },
    ],
  },
  {
    id: 'fixed-learning-rate',
    claim: 'Gradient descent runs at a fixed learning rate, so the two networks train differently — unless the learning rate and the initial point are rescaled too.',
    quote: String.raw`However, in practice, you use gradient descent, and if you use the standard way then you fix a learning rate. Then your claim needs explanation. (Except if you also rescale learning rate and the initial point of the gradient descent process.)`,
    source: onZephyr('Tuyen'),
    scope: 'standard gradient descent at a fixed learning rate',
    verdict: 'holds',
    evidence: { page: 'change-of-units', anchor: 'fig-units-curves-ordered', label: 'Figure: loss curves of the three networks' },
    basis: [
      { says: 'SGD, n = 2, matched rates and initial point: identical losses at every step', value: units('sgd', 2, 'ordered', 'matched'), op: '<=', than: 0 },
      { says: 'SGD, n = 3, matched: equal up to rounding (apart by no more than a one-ulp nudge of the same network drifts)', value: units('sgd', 3, 'ordered', 'matched'), op: '<=', than: units('sgd', 3, 'ordered', 'control') },
      { says: 'SGD, n = 3, unmatched: the losses part', value: units('sgd', 3, 'ordered', 'unmatched'), op: '>', than: 0.1 },
    ],
  },
  {
    id: 'first-steps',
    claim: 'With f the tanh network’s cost, the tanh(n·x) network’s cost is f(n·α), and the first steps of gradient descent are α₁ = α₀ − δ·n·∇f(n·α₀), α₂ = α₁ − δ·n·∇f(n·α₁).',
    quote: String.raw`If f(\alpha ) is the cost function provided by the DNN when your activation function is tanh(x), then f(n\alpha ) is the corresponding cost function for the activation function tanh (nx). Here \alpha is the set of parameters of the DNN. Now if you run the (standard) gradient descent method, with learning rate \delta and initial point \alpha _0, then the first two steps are as follows: \alpha _1 = \alpha _0 -\delta n \nabla f(n\alpha _0), and \alpha _2 = \alpha _1-\delta n \nabla f(n\alpha _1).`,
    source: onZephyr('Tuyen'),
    scope: 'standard gradient descent, with every parameter of the network scaled by n (the comment’s f(nα))',
    verdict: 'holds',
    evidence: { page: 'change-of-units', anchor: 'the-same-training-at-other-learning-rates', label: 'Section: the same training, at other learning rates' },
    basis: [
      { says: 'the chain-rule step, applied with the hidden layers scaled and the readout not, reproduces the tanh(2x) training exactly', value: units('sgd', 2, 'standard', 'matched'), op: '<=', than: 0 },
    ],
  },
  {
    id: 'rate-times-n-not-enough',
    claim: 'Even if you rescale the learning rate by n, things are still very much different.',
    quote: String.raw`Even if you rescale the learning rate by n, things are still very much different.`,
    source: onZephyr('Tuyen'),
    scope: 'standard gradient descent (the comment’s “(standard) gradient descent method”)',
    verdict: 'holds',
    evidence: { page: 'change-of-units', anchor: 'who-was-right-about-what', label: 'Section: who was right about what' },
    basis: [
      { says: 'SGD, n = 2: the hidden rate times n (not n²) departs', value: units('sgd', 2, 'ordered', 'rate-n'), op: '>', than: 0.1 },
      { says: 'SGD, n = 3: likewise', value: units('sgd', 3, 'ordered', 'rate-n'), op: '>', than: 0.1 },
      { says: 'SGD, n = 2: the hidden rate times n² is exact', value: units('sgd', 2, 'ordered', 'matched'), op: '<=', than: 0 },
    ],
  },
  {
    id: 'just-the-learning-rate',
    claim: 'How is this not the same as just rescaling the learning rate?',
    quote: String.raw`quick question though - how is this not the same as just rescaling the learning rate, \delta?`,
    source: onZephyr('Zephyr'),
    scope: 'standard gradient descent, as in the comment it replies to',
    verdict: 'question',
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
