import { getDefaultGraph } from '../../graph/default.js';
import { GraphKeys } from '../../graph/collections.js';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { identity } from '../array/identity.js';
import { ValueError } from '../../errors.js';
import { addN } from '../math/add_n.js';

/** TF's math_ops.add_n: one input becomes an Identity named `name`; none is a ValueError. */
function sumLosses(losses: readonly Tensor[], name: string): Tensor {
  if (losses.length === 0)
    throw new ValueError(
      'Inputs must be an iterable of at least one Tensor/IndexedSlices with the same dtype and shape.',
    );
  if (losses.length === 1) return identity(losses[0]!, name);
  return addN(losses, name);
}

/** TF1's tf.losses.add_loss: appends `loss` to a collection (none when the key is empty). @example tf.losses.addLoss(myLoss) */
export function addLoss(loss: Tensor, lossCollection: string | null = GraphKeys.LOSSES): void {
  if (lossCollection) loss.graph.addToCollection(lossCollection, loss);
}

/** The losses in `lossCollection`, filtered by scope. @example tf.losses.getLosses() */
export function getLosses(
  scope?: string | null,
  lossCollection: string = GraphKeys.LOSSES,
): Tensor[] {
  return getDefaultGraph().getCollection<Tensor>(lossCollection, scope ?? null);
}

/** The REGULARIZATION_LOSSES collection, filtered by scope. @example tf.losses.getRegularizationLosses() */
export function getRegularizationLosses(scope?: string | null): Tensor[] {
  return getDefaultGraph().getCollection<Tensor>(GraphKeys.REGULARIZATION_LOSSES, scope ?? null);
}

/**
 * TF1's get_regularization_loss: AddN of the regularization losses named 'total_regularization_loss',
 * or the constant 0 when there are none.
 * @example const reg = tf.losses.getRegularizationLoss()
 */
export function getRegularizationLoss(
  scope?: string | null,
  name = 'total_regularization_loss',
): Tensor {
  const losses = getRegularizationLosses(scope);
  if (losses.length > 0) return sumLosses(losses, name);
  return constant(0, { dtype: 'float32' });
}

export interface TotalLossOptions {
  /** Also add REGULARIZATION_LOSSES (TF1's default true). */
  addRegularizationLosses?: boolean;
  name?: string;
  scope?: string | null;
}

/**
 * TF1's get_total_loss(add_regularization_losses=True, name='total_loss', scope=None): AddN of
 * the LOSSES (and, by default, the regularization losses); positional or an options object.
 * @example const total = tf.losses.getTotalLoss()
 */
export function getTotalLoss(
  addRegularizationLosses: boolean | TotalLossOptions = {},
  name?: string,
  scope?: string | null,
): Tensor {
  const options: TotalLossOptions =
    typeof addRegularizationLosses === 'boolean'
      ? { addRegularizationLosses, name, scope }
      : addRegularizationLosses;
  const losses = getLosses(options.scope);
  if (options.addRegularizationLosses ?? true)
    losses.push(...getRegularizationLosses(options.scope));
  return sumLosses(losses, options.name ?? 'total_loss');
}
