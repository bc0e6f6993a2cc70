import type { Tensor } from '../../graph/tensor.js';
import { squeeze } from '../array/squeeze.js';
import type { TensorLike } from '../core/tensor_like.js';
import { asTensor, inScope } from '../math/scope.js';
import { sparseSoftmaxCrossEntropyWithLogits } from '../nn/sparse_softmax_cross_entropy.js';
import { required } from './checks.js';
import { computeWeightedLoss, type LossOptions } from './compute_weighted_loss.js';

/**
 * TF1's _remove_squeezable_dimensions with expected_rank_diff 1: a trailing size-1 dim of the
 * labels (or of logits two ranks above them) is squeezed, and weights one rank above the
 * labels lose their last dim. Static ranks only. // TF1: unknown ranks take a tf.cond path.
 */
function removeSqueezable(
  labels: Tensor,
  logits: Tensor,
  weights: TensorLike,
): [Tensor, Tensor, TensorLike] {
  let l = labels;
  let g = logits;
  const lr = l.shape.rank;
  const gr = g.shape.rank;
  if (lr !== null && gr !== null) {
    inScope([l, g], 'remove_squeezable_dimensions', () => {
      const diff = gr - lr;
      const compatible1 = (t: Tensor): boolean => [null, 1].includes(t.shape.dim(-1));
      if (diff === 2 && compatible1(g)) g = squeeze(g, [-1]);
      else if (diff === 0 && compatible1(l)) l = squeeze(l, [-1]);
    });
  }
  let w = weights;
  const wt = asTensor(weights, 'float32', 'Const');
  const wr = wt.shape.rank;
  const nr = l.shape.rank;
  if (wr !== null && nr !== null && wr - nr === 1) w = squeeze(wt, [-1]);
  else w = wt;
  return [l, g, w];
}

/**
 * TF1's tf.losses.sparse_softmax_cross_entropy: sparse_softmax_cross_entropy_with_logits
 * ('xentropy') of integer labels, weighted and reduced.
 * @example const loss = tf.losses.sparseSoftmaxCrossEntropy(classIds, logits)
 */
export function sparseSoftmaxCrossEntropy(
  labels: TensorLike,
  logits: TensorLike,
  options: LossOptions = {},
): Tensor {
  required(labels, 'labels');
  required(logits, 'logits');
  return inScope(
    [logits, labels, options.weights ?? 1],
    options.scope ?? 'sparse_softmax_cross_entropy_loss',
    (scope) => {
      const [l, g, w] = removeSqueezable(
        asTensor(labels, 'int32', 'labels'),
        asTensor(logits, 'float32', 'logits'),
        options.weights ?? 1,
      );
      const losses = sparseSoftmaxCrossEntropyWithLogits({
        labels: l,
        logits: g,
        name: 'xentropy',
      });
      return computeWeightedLoss(losses, { ...options, weights: w, scope });
    },
  );
}
