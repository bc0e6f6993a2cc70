import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { computeDType } from '../../graph/dtype.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { reduceSum } from '../math/sum.js';

export const Fill = defineOp({
  type: 'Fill',
  inputs: ['dims:index_type', 'value'],
  attrs: { T: attr.type(), index_type: attr.type('int32') },
  infer: ([dims, value], a) => {
    if (value!.shape.rank !== null && value!.shape.rank !== 0) {
      throw new ValueError(`value must be a scalar, got shape ${value!.shape.toBracketString()}`);
    }
    if (dims!.value) return [{ dtype: a.T, shape: new TensorShape(Array.from(dims!.value.data as ArrayLike<number>)) }];
    const n = dims!.shape.dim(0);
    return [{ dtype: a.T, shape: n === null ? TensorShape.unknown() : TensorShape.unknownOfRank(n) }];
  },
  kernel: ([dims, value], a) => {
    const v = value!.dataSync()[0] as number | string;
    return [tfc.fill(Array.from(dims!.dataSync()), v, computeDType(a.T))];
  },
  // As TF's _FillGrad: every output element came from the one value.
  grad: (_ctx, [dy]) => ({ dims: null, value: reduceSum(dy!) }),
});

/** A tensor of shape `dims` filled with the scalar `value`. @example tf.fill([2, 3], 9) */
export function fill(dims: TensorLike, value: TensorLike, name?: string): Tensor {
  return applyOp(Fill, [dims, value], {}, { name })[0]!;
}
