import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { applyOp } from '../core/apply.js';
import { graphOf, type TensorLike } from '../core/tensor_like.js';
import { asTensor } from '../math/scope.js';
import { FusedBatchNormV3 } from './fused_batch_norm_op.js';
import type { BnFormat } from './fused_batch_norm_util.js';

export interface FusedBatchNormOptions {
  /** Population mean: required for inference or exponentialAvgFactor != 1. */
  mean?: TensorLike | null;
  /** Population variance: required for inference or exponentialAvgFactor != 1. */
  variance?: TensorLike | null;
  /** Added to the variance (TF1's default 0.001). */
  epsilon?: number;
  dataFormat?: BnFormat;
  isTraining?: boolean;
  /** Running statistics: (1 - f) * mean + f * batchMean (1: the batch statistics). */
  exponentialAvgFactor?: number;
  name?: string;
}

/**
 * TF1's tf.nn.fused_batch_norm: one FusedBatchNormV3 op; returns [y, mean, variance] where in
 * training the statistics are the batch's (variance unbiased, as TF's running averages use).
 * @example const [y, mean, variance] = tf.nn.fusedBatchNorm(x, gamma, beta, {epsilon: 1e-3})
 */
export function fusedBatchNorm(
  x: TensorLike,
  scale: TensorLike,
  offset: TensorLike,
  options: FusedBatchNormOptions = {},
): [Tensor, Tensor, Tensor] {
  const isTraining = options.isTraining ?? true;
  const factor = options.exponentialAvgFactor ?? 1;
  const mean = options.mean ?? null;
  const variance = options.variance ?? null;
  if ((!isTraining || factor !== 1) && (mean === null || variance === null)) {
    throw new ValueError(
      `Both \`mean\` and \`variance\` must be a 1D tensor when \`is_training\` is False or \`exponential_avg_factor\` != 1.0. Received: \`mean\` ${mean === null ? 'None' : 'a tensor'} and \`variance\` ${variance === null ? 'None' : 'a tensor'}`,
    );
  }
  const graph = graphOf([x, scale, offset, mean, variance]);
  return graph.asDefault(() => {
    // TF1 converts the inputs at the caller's scope ('input', 'scale', 'offset') and passes
    // empty constants for the statistics a training op does not read.
    const xt = asTensor(x, undefined, 'input');
    const st = asTensor(scale, undefined, 'scale');
    const ot = asTensor(offset, undefined, 'offset');
    const m = mean ?? constant(new Float32Array(0), { dtype: 'float32' });
    const v = variance ?? constant(new Float32Array(0), { dtype: 'float32' });
    const outs = applyOp(
      FusedBatchNormV3,
      [xt, st, ot, m, v],
      {
        epsilon: options.epsilon ?? 0.001,
        exponential_avg_factor: factor,
        data_format: options.dataFormat ?? 'NHWC',
        is_training: isTraining,
      },
      { name: options.name ?? 'FusedBatchNormV3' },
    );
    return [outs[0]!, outs[1]!, outs[2]!];
  });
}
