import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { constant } from './const.js';
import { shape as shapeOf } from './shape.js';
import { toTensor, withGraphOf } from './static.js';
import { ones } from './zeros.js';
import type { LikeOptions } from './zeros_like.js';

/** TF's OnesLike op (TF1's tf.ones_like builds Fill instead; the record serves imported graphs). */
export const OnesLike = defineOp({
  type: 'OnesLike',
  inputs: ['x'],
  attrs: { T: attr.type() },
  infer: ([x], a) => [{ dtype: a.T, shape: x!.shape }],
  kernel: ([x]) => [tfc.onesLike(x!)],
  grad: 'none',
});

/**
 * TF1's tf.ones_like: Fill(shape, 1) under 'ones_like', the shape a Const when statically known
 * (TF1's optimize=True), else Shape(tensor); the result keeps the tensor's static shape.
 * @example tf.onesLike(x)
 */
export function onesLike(tensor: TensorLike, options: LikeOptions | string = {}): Tensor {
  const o = typeof options === 'string' ? { name: options } : options;
  return withGraphOf([tensor], (g) =>
    g.nameScope(o.name ?? 'ones_like', (scope) => {
      const t = toTensor(tensor, undefined, 'tensor');
      const s =
        (o.optimize ?? true) && t.shape.isFullyDefined()
          ? g.nameScope('Shape', () =>
              constant(Int32Array.from(t.shape.dims as number[]), {
                dtype: 'int32',
                name: 'shape_as_tensor',
              }),
            )
          : shapeOf(t, { name: 'Shape' });
      const ret = ones(s, o.dtype ?? t.dtype, scope);
      ret.setShape(t.shape);
      return ret;
    }),
  );
}
