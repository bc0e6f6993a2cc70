import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { cast } from '../math/cast.js';
import { multiply } from '../math/mul.js';
import { negative } from '../math/neg.js';
import { rsqrt } from '../math/rsqrt.js';
import { asTensor, inScope } from '../math/scope.js';
import { subtract } from '../math/sub.js';

/**
 * TF1's tf.nn.batch_normalization: (x - mean) * scale / sqrt(variance + eps) + offset, built
 * in TF1's order (fold_batch_norms depends on it): inv = rsqrt(variance + eps) * scale, then
 * x * inv + (offset - mean * inv). `offset` and `scale` may be null.
 * @example tf.nn.batchNormalization(x, mean, variance, beta, gamma, 1e-3)
 */
export function batchNormalization(
  x: TensorLike,
  mean: TensorLike,
  variance: TensorLike,
  offset: TensorLike | null | undefined,
  scale: TensorLike | null | undefined,
  varianceEpsilon: number,
  name?: string,
): Tensor {
  const inputs = [x, mean, variance, offset ?? null, scale ?? null];
  return inScope(inputs, name ?? 'batchnorm', () => {
    const xt = asTensor(x, undefined, 'x');
    // Python's operators name their ops 'add', 'mul', 'sub' (the uniquifier adds _1, _2).
    let inv = rsqrt(add(variance, varianceEpsilon, 'add'));
    if (scale !== null && scale !== undefined) inv = multiply(inv, scale, 'mul');
    const scaled = multiply(xt, cast(inv, xt.dtype), 'mul');
    const shift =
      offset !== null && offset !== undefined
        ? subtract(offset, multiply(mean, inv, 'mul'), 'sub')
        : multiply(negative(mean), inv, 'mul');
    return add(scaled, cast(shift, xt.dtype), 'add');
  });
}
