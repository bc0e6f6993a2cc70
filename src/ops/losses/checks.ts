import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import type { TensorLike } from '../core/tensor_like.js';

/** TF1's "Argument `labels` must not be None." */
export function required(value: TensorLike | null | undefined, what: string): void {
  if (value === undefined || value === null)
    throw new ValueError(`Argument \`${what}\` must not be None.`);
}

/** TF's TensorShape.assert_is_compatible_with wording. */
export function assertCompatible(a: Tensor, b: Tensor): void {
  if (!a.shape.isCompatibleWith(b.shape))
    throw new ValueError(`Shapes ${a.shape.toString()} and ${b.shape.toString()} are incompatible`);
}
