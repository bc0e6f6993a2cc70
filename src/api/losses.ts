// tf.losses: re-exports only (the losses are composites in src/ops/losses).
export { Reduction } from '../ops/losses/reduction.js';
export type { ReductionKey } from '../ops/losses/reduction.js';
export { computeWeightedLoss } from '../ops/losses/compute_weighted_loss.js';
export type { LossOptions } from '../ops/losses/compute_weighted_loss.js';
export { meanSquaredError } from '../ops/losses/mean_squared_error.js';
export { absoluteDifference } from '../ops/losses/absolute_difference.js';
export { softmaxCrossEntropy } from '../ops/losses/softmax_cross_entropy.js';
export type { SoftmaxCrossEntropyLossOptions } from '../ops/losses/softmax_cross_entropy.js';
export { sparseSoftmaxCrossEntropy } from '../ops/losses/sparse_softmax_cross_entropy.js';
export { sigmoidCrossEntropy } from '../ops/losses/sigmoid_cross_entropy.js';
export type { SigmoidCrossEntropyLossOptions } from '../ops/losses/sigmoid_cross_entropy.js';
export { hingeLoss } from '../ops/losses/hinge_loss.js';
export { huberLoss } from '../ops/losses/huber_loss.js';
export type { HuberLossOptions } from '../ops/losses/huber_loss.js';
export { logLoss } from '../ops/losses/log_loss.js';
export type { LogLossOptions } from '../ops/losses/log_loss.js';
export {
  addLoss,
  getLosses,
  getRegularizationLoss,
  getRegularizationLosses,
  getTotalLoss,
} from '../ops/losses/util.js';
export type { TotalLossOptions } from '../ops/losses/util.js';
