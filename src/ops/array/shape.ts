import * as tfc from '@tensorflow/tfjs-core';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';

export const Shape = defineOp({
  type: 'Shape',
  inputs: ['input'],
  attrs: { T: attr.type(), out_type: attr.type('int32') },
  infer: ([x], a) => [{ dtype: a.out_type, shape: new TensorShape([x!.shape.rank]) }],
  kernel: ([x]) => [tfc.tensor1d(x!.shape, 'int32')],
  grad: 'none',
  constValue: ([x], a) => (x!.shape.isFullyDefined() ? new NDArray(a.out_type, [x!.shape.rank!], Int32Array.from(x!.shape.dims as number[])) : null),
});

/** The dynamic shape of `input` as a 1-D int32 tensor. @example tf.shape(x) */
export function shape(input: TensorLike, options: { outType?: 'int32' | 'int64'; name?: string } | string = {}): Tensor {
  const o = typeof options === 'string' ? { name: options } : options;
  return applyOp(Shape, [input], { out_type: o.outType ?? 'int32' }, { name: o.name })[0]!;
}
