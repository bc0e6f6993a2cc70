import * as tfc from '@tensorflow/tfjs-core';
import type { DType } from '../../graph/dtype.js';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { constOf, staticShapeOf, withGraphOf } from './static.js';

export const Shape = defineOp({
  type: 'Shape',
  inputs: ['input'],
  attrs: { T: attr.type(), out_type: attr.type('int32') },
  infer: ([x], a) => [{ dtype: a.out_type, shape: new TensorShape([x!.shape.rank]) }],
  kernel: ([x]) => [tfc.tensor1d(x!.shape, 'int32')],
  grad: 'none',
  constValue: ([x], a) =>
    x!.shape.isFullyDefined()
      ? new NDArray(a.out_type, [x!.shape.rank!], Int32Array.from(x!.shape.dims as number[]))
      : null,
  // A partly known shape is partly known: reshape(x, shape(y)) keeps y's known dims.
  partialValue: ([x]) => x!.shape.dims,
});

export interface ShapeOptions {
  outType?: 'int32' | 'int64';
  name?: string;
}

/**
 * TF1's tf.shape: the shape of `input` as a 1-D int tensor; a Const when the static shape is
 * fully known (TF1's optimize=True), else the Shape op.
 * @example tf.shape(x)
 */
export function shape(input: TensorLike, options: ShapeOptions | string = {}): Tensor {
  const o = typeof options === 'string' ? { name: options } : options;
  const outType = o.outType ?? 'int32';
  const known = staticShapeOf(input);
  if (known && known.isFullyDefined()) {
    return withGraphOf([input], (g) =>
      g.nameScope(o.name ?? 'Shape', (scope) =>
        constOf(Int32Array.from(known.dims as number[]), outType, scope),
      ),
    );
  }
  return applyOp(Shape, [input], { out_type: outType }, { name: o.name ?? 'Shape' })[0]!;
}

/** `x`'s shape for gradient builders: a host constant when fully known, else the Shape op. */
export function shapeOrConst(x: Tensor, outType: DType = 'int32'): TensorLike {
  if (x.shape.isFullyDefined()) return Int32Array.from(x.shape.dims as number[]);
  return applyOp(
    Shape,
    [x],
    { out_type: outType === 'int64' ? 'int64' : 'int32' },
    { name: 'Shape' },
  )[0]!;
}
