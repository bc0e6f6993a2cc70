import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { abs } from '../math/abs.js';
import { cast } from '../math/cast.js';
import { inScope } from '../math/scope.js';
import { subtract } from '../math/sub.js';
import { assertCompatible, required } from './checks.js';
import { computeWeightedLoss, type LossOptions } from './compute_weighted_loss.js';

/**
 * TF1's tf.losses.absolute_difference: |predictions - labels|, weighted and reduced.
 * @example const loss = tf.losses.absoluteDifference(y, yHat)
 */
export function absoluteDifference(
  labels: TensorLike,
  predictions: TensorLike,
  options: LossOptions = {},
): Tensor {
  required(labels, 'labels');
  required(predictions, 'predictions');
  return inScope(
    [predictions, labels, options.weights ?? 1],
    options.scope ?? 'absolute_difference',
    (scope) => {
      const p = cast(predictions, 'float32');
      const l = cast(labels, 'float32');
      assertCompatible(p, l);
      return computeWeightedLoss(abs(subtract(p, l)), { ...options, scope });
    },
  );
}
