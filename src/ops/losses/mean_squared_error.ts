import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { cast } from '../math/cast.js';
import { inScope } from '../math/scope.js';
import { squaredDifference } from '../math/squared_difference.js';
import { assertCompatible, required } from './checks.js';
import { computeWeightedLoss, type LossOptions } from './compute_weighted_loss.js';

/**
 * TF1's tf.losses.mean_squared_error: (predictions - labels)^2, weighted and reduced.
 * @example const loss = tf.losses.meanSquaredError(y, yHat, {weights: mask})
 */
export function meanSquaredError(
  labels: TensorLike,
  predictions: TensorLike,
  options: LossOptions = {},
): Tensor {
  required(labels, 'labels');
  required(predictions, 'predictions');
  return inScope(
    [predictions, labels, options.weights ?? 1],
    options.scope ?? 'mean_squared_error',
    (scope) => {
      const p = cast(predictions, 'float32');
      const l = cast(labels, 'float32');
      assertCompatible(p, l);
      return computeWeightedLoss(squaredDifference(p, l), { ...options, scope });
    },
  );
}
