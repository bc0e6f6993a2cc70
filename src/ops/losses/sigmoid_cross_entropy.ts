import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { cast } from '../math/cast.js';
import { multiply } from '../math/mul.js';
import { asTensor, inScope } from '../math/scope.js';
import { sigmoidCrossEntropyWithLogits } from '../nn/sigmoid_cross_entropy.js';
import { assertCompatible, required } from './checks.js';
import { computeWeightedLoss, type LossOptions } from './compute_weighted_loss.js';

export interface SigmoidCrossEntropyLossOptions extends LossOptions {
  /** Squeezes labels towards 1/2: z * (1 - s) + s / 2. */
  labelSmoothing?: number;
}

/**
 * TF1's tf.losses.sigmoid_cross_entropy: sigmoid_cross_entropy_with_logits ('xentropy') of
 * optionally smoothed labels, weighted and reduced.
 * @example const loss = tf.losses.sigmoidCrossEntropy(multiHot, logits, {labelSmoothing: 0.1})
 */
export function sigmoidCrossEntropy(
  multiClassLabels: TensorLike,
  logits: TensorLike,
  options: SigmoidCrossEntropyLossOptions = {},
): Tensor {
  required(multiClassLabels, 'multi_class_labels');
  required(logits, 'logits');
  return inScope(
    [logits, multiClassLabels, options.weights ?? 1],
    options.scope ?? 'sigmoid_cross_entropy_loss',
    (scope) => {
      const x = asTensor(logits, 'float32', 'logits');
      let z = cast(multiClassLabels, x.dtype);
      assertCompatible(x, z);
      const s = options.labelSmoothing ?? 0;
      if (s > 0) z = add(multiply(z, 1 - s, 'mul'), 0.5 * s, 'add');
      const losses = sigmoidCrossEntropyWithLogits({ labels: z, logits: x, name: 'xentropy' });
      const { labelSmoothing: _ls, ...rest } = options;
      return computeWeightedLoss(losses, { ...rest, scope });
    },
  );
}
