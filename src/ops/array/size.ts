import * as tfc from '@tensorflow/tfjs-core';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import type { ShapeOptions } from './shape.js';
import { constOf, staticShapeOf, withGraphOf } from './static.js';

export const Size = defineOp({
  type: 'Size',
  inputs: ['input'],
  attrs: { T: attr.type(), out_type: attr.type('int32') },
  infer: (_ins, a) => [{ dtype: a.out_type, shape: TensorShape.scalar() }],
  kernel: ([x]) => [tfc.scalar(x!.size, 'int32')],
  grad: 'none',
  constValue: ([x], a) => {
    const n = x!.shape.size;
    return n === null ? null : new NDArray(a.out_type, [], Int32Array.of(n));
  },
});

/**
 * TF1's tf.size: the number of elements of `input` as a scalar; a Const when the static shape
 * is fully known, else the Size op.
 * @example tf.size(x)
 */
export function size(input: TensorLike, options: ShapeOptions | string = {}): Tensor {
  const o = typeof options === 'string' ? { name: options } : options;
  const outType = o.outType ?? 'int32';
  const n = staticShapeOf(input).size;
  if (n !== null)
    return withGraphOf([input], (g) =>
      g.nameScope(o.name ?? 'Size', (scope) => constOf(n, outType, scope)),
    );
  return applyOp(Size, [input], { out_type: outType }, { name: o.name ?? 'Size' })[0]!;
}
