import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { cast } from '../math/cast.js';
import { log } from '../math/log.js';
import { multiply } from '../math/mul.js';
import { negative } from '../math/neg.js';
import { inScope } from '../math/scope.js';
import { subtract } from '../math/sub.js';
import { assertCompatible, required } from './checks.js';
import { computeWeightedLoss, type LossOptions } from './compute_weighted_loss.js';

export interface LogLossOptions extends LossOptions {
  /** Added inside the logs (default 1e-7). */
  epsilon?: number;
}

/**
 * TF1's tf.losses.log_loss: -y log(p + eps) - (1 - y) log(1 - p + eps).
 * @example const loss = tf.losses.logLoss(y, probabilities)
 */
export function logLoss(
  labels: TensorLike,
  predictions: TensorLike,
  options: LogLossOptions = {},
): Tensor {
  required(labels, 'labels');
  required(predictions, 'predictions');
  const eps = options.epsilon ?? 1e-7;
  return inScope(
    [predictions, labels, options.weights ?? 1],
    options.scope ?? 'log_loss',
    (scope) => {
      const p = cast(predictions, 'float32');
      const y = cast(labels, 'float32');
      assertCompatible(p, y);
      const pos = negative(multiply(y, log(add(p, eps, 'add'))));
      const neg = multiply(subtract(1, y, 'sub'), log(add(subtract(1, p, 'sub'), eps, 'add')));
      const losses = subtract(pos, neg, 'sub');
      const { epsilon: _e, ...rest } = options;
      return computeWeightedLoss(losses, { ...rest, scope });
    },
  );
}
