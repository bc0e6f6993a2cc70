import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import type { HostValue } from '../../graph/host_value.js';

/** TF's shape_tensor: a host shape becomes an int32 Const named 'shape'. */
export function shapeTensor(shape: TensorLike): Tensor {
  const t = symbolicOf(shape);
  if (t) return t;
  const list = Array.isArray(shape) ? shape : Array.from(shape as ArrayLike<number>);
  return constant(list.length === 0 ? new Int32Array(0) : (list as HostValue), { dtype: 'int32', name: 'shape' });
}
