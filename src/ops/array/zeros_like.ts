import * as tfc from '@tensorflow/tfjs-core';
import type { DType } from '../../graph/dtype.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { inferHostDType } from '../../graph/host_value.js';
import { shape as shapeOf } from './shape.js';
import { staticShapeOf, toTensor, withGraphOf } from './static.js';
import { zeros } from './zeros.js';

export const ZerosLike = defineOp({
  type: 'ZerosLike',
  inputs: ['x'],
  attrs: { T: attr.type() },
  infer: ([x], a) => [{ dtype: a.T, shape: x!.shape }],
  kernel: ([x]) => [tfc.zerosLike(x!)],
  grad: 'none',
});

export interface LikeOptions {
  dtype?: DType;
  name?: string;
  /** TF1's optimize: a statically known shape gives constants instead of reading the input. */
  optimize?: boolean;
}

/**
 * TF1's tf.zeros_like: with a fully known static shape, the zeros constant (no dependence on
 * `tensor`); otherwise the ZerosLike op (or zeros of Shape(tensor) for another dtype).
 * @example tf.zerosLike(x)
 */
export function zerosLike(tensor: TensorLike, options: LikeOptions | string = {}): Tensor {
  const o = typeof options === 'string' ? { name: options } : options;
  return withGraphOf([tensor], (g) =>
    g.nameScope(o.name ?? 'zeros_like', (scope) => {
      const known = staticShapeOf(tensor);
      const t =
        (o.optimize ?? true) && known.isFullyDefined()
          ? null
          : toTensor(tensor, undefined, 'tensor');
      if (!t)
        return zeros(known, o.dtype ?? symbolicOf(tensor)?.dtype ?? inferHostDType(tensor), scope);
      if (o.dtype !== undefined && o.dtype !== t.dtype)
        return zeros(shapeOf(t, { name: 'Shape' }), o.dtype, scope);
      return applyOp(ZerosLike, [t], {}, { name: scope })[0]!;
    }),
  );
}
