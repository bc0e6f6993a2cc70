import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { cast } from '../math/cast.js';
import { multiply } from '../math/mul.js';
import { inScope } from '../math/scope.js';
import { subtract } from '../math/sub.js';
import { relu } from '../nn/relu.js';
import { assertCompatible, required } from './checks.js';
import { computeWeightedLoss, type LossOptions } from './compute_weighted_loss.js';
import { onesLike } from '../array/ones_like.js';

/**
 * TF1's tf.losses.hinge_loss: max(0, 1 - (2y - 1) * logits) for labels y in {0, 1}.
 * @example const loss = tf.losses.hingeLoss(labels01, logits)
 */
export function hingeLoss(
  labels: TensorLike,
  logits: TensorLike,
  options: LossOptions = {},
): Tensor {
  required(labels, 'labels');
  required(logits, 'logits');
  return inScope([logits, labels, options.weights ?? 1], options.scope ?? 'hinge_loss', (scope) => {
    const x = cast(logits, 'float32');
    let y = cast(labels, 'float32');
    assertCompatible(x, y);
    const ones = onesLike(y);
    y = subtract(multiply(2, y, 'mul'), ones);
    const losses = relu(subtract(ones, multiply(y, x)));
    return computeWeightedLoss(losses, { ...options, scope });
  });
}
