// tf.nn activations, normalization and losses-like helpers: re-exports only.
export { relu } from '../ops/nn/relu.js';
export { relu6 } from '../ops/nn/relu6.js';
export { elu } from '../ops/nn/elu.js';
export { selu } from '../ops/nn/selu.js';
export { leakyRelu } from '../ops/nn/leaky_relu.js';
export type { LeakyReluOptions } from '../ops/nn/leaky_relu.js';
export { sigmoid } from '../ops/nn/sigmoid.js';
export { tanh } from '../ops/nn/tanh.js';
export { softplus } from '../ops/nn/softplus.js';
export { softmax } from '../ops/nn/softmax.js';
export type { SoftmaxOptions } from '../ops/nn/softmax.js';
export { logSoftmax } from '../ops/nn/log_softmax.js';
export { dropout } from '../ops/nn/dropout.js';
export type { DropoutOptions } from '../ops/nn/dropout.js';
export { l2Loss } from '../ops/nn/l2_loss.js';
export { moments } from '../ops/nn/moments.js';
export type { MomentsOptions } from '../ops/nn/moments.js';
export { batchNormalization } from '../ops/nn/batch_normalization.js';
export { fusedBatchNorm } from '../ops/nn/fused_batch_norm.js';
export type { FusedBatchNormOptions } from '../ops/nn/fused_batch_norm.js';
export {
  softmaxCrossEntropyWithLogits,
  softmaxCrossEntropyWithLogitsV2,
} from '../ops/nn/softmax_cross_entropy.js';
export type { SoftmaxCrossEntropyOptions } from '../ops/nn/softmax_cross_entropy.js';
export { sparseSoftmaxCrossEntropyWithLogits } from '../ops/nn/sparse_softmax_cross_entropy.js';
export type { SparseSoftmaxCrossEntropyOptions } from '../ops/nn/sparse_softmax_cross_entropy.js';
export { sigmoidCrossEntropyWithLogits } from '../ops/nn/sigmoid_cross_entropy.js';
export type { SigmoidCrossEntropyOptions } from '../ops/nn/sigmoid_cross_entropy.js';
