import { GraphKeys } from '../../graph/collections.js';
import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { cast } from '../math/cast.js';
import { multiply } from '../math/mul.js';
import { asTensor, inScope } from '../math/scope.js';
import { Reduction, type ReductionKey } from './reduction.js';
import { addLoss } from './util.js';
import { onesLike } from '../array/ones_like.js';
import {
  after,
  assertBroadcastable,
  numElements,
  numPresent,
  safeMean,
  sumAll,
} from './weights.js';

/** Options every tf.losses function takes after its positional tensors. */
export interface LossOptions {
  /** A scalar or a tensor broadcastable to the losses (TF1's default 1.0). */
  weights?: TensorLike;
  /** Name scope of the loss ops (default: the loss function's name). */
  scope?: string;
  /** The collection the loss is added to (default LOSSES; null or '' adds it nowhere). */
  lossCollection?: string | null;
  /** One of tf.losses.Reduction (default SUM_BY_NONZERO_WEIGHTS). */
  reduction?: ReductionKey | string;
}

/**
 * TF1's tf.losses.compute_weighted_loss: losses * weights, reduced as `reduction` says, cast
 * back to the losses' dtype and added to `lossCollection`.
 * @example tf.losses.computeWeightedLoss(perExample, {weights: mask, reduction: tf.losses.Reduction.MEAN})
 */
export function computeWeightedLoss(losses: TensorLike, options: LossOptions = {}): Tensor {
  const reduction = options.reduction ?? Reduction.SUM_BY_NONZERO_WEIGHTS;
  Reduction.validate(reduction);
  const weightsIn = options.weights ?? 1.0;
  const collection =
    options.lossCollection === undefined ? GraphKeys.LOSSES : options.lossCollection;
  return inScope([losses, weightsIn], options.scope ?? 'weighted_loss', () => {
    const values = asTensor(losses, undefined, 'losses');
    const dep = assertBroadcastable(weightsIn, values);
    return after(dep, values, () => {
      const inputDType = values.dtype;
      const l = cast(values, 'float32');
      const w = cast(weightsIn, 'float32');
      const weighted = multiply(l, w);
      let loss: Tensor;
      if (reduction === Reduction.NONE) {
        loss = weighted;
      } else {
        loss = sumAll(weighted);
        if (reduction === Reduction.MEAN) {
          loss = safeMean(loss, sumAll(multiply(onesLike(l), w, 'mul')));
        } else if (reduction === Reduction.SUM_BY_NONZERO_WEIGHTS) {
          loss = safeMean(loss, numPresent(l, w));
        } else if (reduction === Reduction.SUM_OVER_BATCH_SIZE) {
          loss = safeMean(loss, numElements(l));
        }
      }
      loss = cast(loss, inputDType);
      addLoss(loss, collection);
      return loss;
    });
  });
}
