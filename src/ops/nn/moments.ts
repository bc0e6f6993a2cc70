import type { Tensor } from '../../graph/tensor.js';
import { squeeze } from '../array/squeeze.js';
import { stopGradient } from '../array/stop_gradient.js';
import type { TensorLike } from '../core/tensor_like.js';
import { reduceMean } from '../math/mean.js';
import { asTensor, inScope } from '../math/scope.js';
import { squaredDifference } from '../math/squared_difference.js';

export interface MomentsOptions {
  /** Unused, as in TF1 (kept for its signature). */
  shift?: TensorLike | null;
  keepdims?: boolean;
  /** TF1's older spelling of keepdims. */
  keepDims?: boolean;
  name?: string;
}

/**
 * TF1's tf.nn.moments: [mean, variance] of `x` over `axes`, built as TF1 builds them: Mean,
 * then Mean of SquaredDifference against the StopGradient'ed mean, squeezed unless keepdims.
 * @example const [mean, variance] = tf.nn.moments(x, [0, 1, 2])
 */
export function moments(
  x: TensorLike,
  axes: readonly number[],
  options: MomentsOptions = {},
): [Tensor, Tensor] {
  const keep = options.keepdims ?? options.keepDims ?? false;
  return inScope([x], options.name ?? 'moments', () => {
    const y = asTensor(x, undefined, 'x');
    const mean = reduceMean(y, [...axes], { keepdims: true, name: 'mean' });
    const variance = reduceMean(squaredDifference(y, stopGradient(mean)), [...axes], {
      keepdims: true,
      name: 'variance',
    });
    if (keep) return [mean, variance];
    return [squeeze(mean, [...axes]), squeeze(variance, [...axes])];
  });
}
