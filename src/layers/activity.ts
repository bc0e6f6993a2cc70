import type { Tensor } from '../graph/tensor.js';
import { shape } from '../ops/array/shape.js';
import { cast } from '../ops/math/cast.js';
import { divide } from '../ops/math/real_div.js';
import type { Regularizer } from '../variables/variable_scope.js';
import { shapeEntry } from './shape_entry.js';

/**
 * TF1.15's activity regularization: the regularizer's loss of the output divided by the batch
 * size, so its strength does not depend on it (`loss / cast(shape(output)[0])`, the division
 * named 'truediv' as Python's `/` names it). Built in the caller's 'ActivityRegularizer' scope.
 */
export function activityRegularizationLoss(reg: Regularizer, output: Tensor): Tensor | null {
  const loss = reg(output);
  if (loss === null) return null;
  const batch = cast(shapeEntry(shape(output), 0), loss.dtype);
  return divide(loss, batch, 'truediv');
}
