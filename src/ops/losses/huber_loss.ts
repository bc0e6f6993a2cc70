import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { abs } from '../math/abs.js';
import { add } from '../math/add.js';
import { cast } from '../math/cast.js';
import { minimum } from '../math/minimum.js';
import { multiply } from '../math/mul.js';
import { inScope } from '../math/scope.js';
import { subtract } from '../math/sub.js';
import { assertCompatible, required } from './checks.js';
import { computeWeightedLoss, type LossOptions } from './compute_weighted_loss.js';

export interface HuberLossOptions extends LossOptions {
  /** Where the loss turns from quadratic to linear (default 1). */
  delta?: number;
}

/**
 * TF1's tf.losses.huber_loss: 0.5 e^2 for |e| <= delta, delta (|e| - delta / 2) beyond.
 * @example const loss = tf.losses.huberLoss(y, yHat, {delta: 1})
 */
export function huberLoss(
  labels: TensorLike,
  predictions: TensorLike,
  options: HuberLossOptions = {},
): Tensor {
  required(labels, 'labels');
  required(predictions, 'predictions');
  const delta = options.delta ?? 1;
  return inScope(
    [predictions, labels, options.weights ?? 1],
    options.scope ?? 'huber_loss',
    (scope) => {
      const p = cast(predictions, 'float32');
      const l = cast(labels, 'float32');
      assertCompatible(p, l);
      const absError = abs(subtract(p, l));
      const quadratic = minimum(absError, delta);
      const linear = subtract(absError, quadratic);
      const losses = add(multiply(0.5, multiply(quadratic, quadratic)), multiply(delta, linear));
      const { delta: _d, ...rest } = options;
      return computeWeightedLoss(losses, { ...rest, scope });
    },
  );
}
