import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';
import { applyOp } from '../core/apply.js';
import { Maximum } from './maximum.js';
import { minimum } from './minimum.js';
import { asTensor, inScope } from './scope.js';

/**
 * TF1's tf.clip_by_value: Minimum(t, max) as 'clip_by_value/Minimum', then Maximum with min
 * named by the scope itself ('clip_by_value'). Clip values may broadcast into t but must not
 * make the result larger than t (TF's merge_with check, ValueError otherwise).
 * @example tf.clipByValue(x, 0, 6)
 */
export function clipByValue(
  t: TensorLike,
  clipValueMin: TensorLike,
  clipValueMax: TensorLike,
  name?: string,
): Tensor {
  return inScope([t, clipValueMin, clipValueMax], name ?? 'clip_by_value', (scope) => {
    const values = asTensor(t, undefined, 't');
    const tMin = minimum(values, clipValueMax);
    values.shape.mergeWith(tMin.shape);
    const tMax = applyOp(Maximum, [tMin, clipValueMin], {}, { name: scope })[0]!;
    values.shape.mergeWith(tMax.shape);
    return tMax;
  });
}
