import type { Tensor } from '../../graph/tensor.js';
import { shape } from '../array/shape.js';
import { slice } from '../array/slice.js';
import { reshape } from '../array/reshape.js';
import { stopGradient } from '../array/stop_gradient.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { cast } from '../math/cast.js';
import { multiply } from '../math/mul.js';
import { divide } from '../math/real_div.js';
import { asTensor, inScope } from '../math/scope.js';
import { softmaxCrossEntropyWithLogitsV2 } from '../nn/softmax_cross_entropy.js';
import { assertCompatible, required } from './checks.js';
import { computeWeightedLoss, type LossOptions } from './compute_weighted_loss.js';

export interface SoftmaxCrossEntropyLossOptions extends LossOptions {
  /** Mixes the one-hot labels with the uniform distribution: y * (1 - s) + s / classes. */
  labelSmoothing?: number;
}

/** The number of classes (last dim of `labels`) as `like`'s dtype: a number when known. */
function numClasses(labels: Tensor, like: Tensor): TensorLike {
  const rank = labels.shape.rank;
  const last = rank === null ? null : labels.shape.dim(rank - 1);
  if (last !== null) return last;
  // TF1: shape(labels)[-1] is a StridedSlice; a Slice + Reshape gives the same scalar.
  const n = reshape(slice(shape(labels), rank === null ? [0] : [rank - 1], [1]), new Int32Array(0));
  return cast(n, like.dtype);
}

/**
 * TF1's tf.losses.softmax_cross_entropy: softmax_cross_entropy_with_logits_v2 ('xentropy') of
 * the (optionally smoothed, gradient-stopped) one-hot labels, weighted and reduced.
 * @example const loss = tf.losses.softmaxCrossEntropy(onehot, logits, {labelSmoothing: 0.1})
 */
export function softmaxCrossEntropy(
  onehotLabels: TensorLike,
  logits: TensorLike,
  options: SoftmaxCrossEntropyLossOptions = {},
): Tensor {
  required(onehotLabels, 'onehot_labels');
  required(logits, 'logits');
  return inScope(
    [logits, onehotLabels, options.weights ?? 1],
    options.scope ?? 'softmax_cross_entropy_loss',
    (scope) => {
      const x = asTensor(logits, 'float32', 'logits');
      let y = cast(onehotLabels, x.dtype);
      assertCompatible(x, y);
      const s = options.labelSmoothing ?? 0;
      if (s > 0) {
        const classes = numClasses(y, x);
        const negatives = typeof classes === 'number' ? s / classes : divide(s, classes, 'truediv');
        y = add(multiply(y, 1 - s, 'mul'), negatives, 'add');
      }
      const labels = stopGradient(y, 'labels_stop_gradient');
      const losses = softmaxCrossEntropyWithLogitsV2({ labels, logits: x, name: 'xentropy' });
      const { labelSmoothing: _ls, ...rest } = options;
      return computeWeightedLoss(losses, { ...rest, scope });
    },
  );
}
