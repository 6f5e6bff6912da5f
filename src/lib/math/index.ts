/** Float64 math for the slope analysis of tanh(n·x): activations, stable primitives, thresholds. */

export { type Activation, formatCoefficient, lecunTanh, relu, scaledTanh, tanh1, tanhN } from './activations';
export { acoshOfExp, atanhSqrtOneMinus, findRoot, maximise, sech2 } from './stable';
export {
  bestSlopeArgument,
  bestSlopeAt,
  bestSlopeConstant,
  depthThreshold,
  explodingThreshold,
  slopeThreshold,
  t1,
  t1Maximiser,
  tanhNSlope,
} from './thresholds';
