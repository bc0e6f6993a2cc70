import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { broadcastShapes } from '../util/broadcast.js';

export const BroadcastTo = defineOp({
  type: 'BroadcastTo',
  inputs: ['input', 'shape:Tidx'],
  attrs: { T: attr.type(), Tidx: attr.type('int32') },
  infer: ([x, shape], a) => {
    let target: TensorShape;
    if (shape!.value) target = new TensorShape(Array.from(shape!.value.data as ArrayLike<number>));
    else {
      const n = shape!.shape.dim(0);
      target = n === null ? TensorShape.unknown() : TensorShape.unknownOfRank(n);
    }
    if (x!.shape.rank !== null && target.rank !== null && x!.shape.rank > target.rank) {
      throw new ValueError(`Rank of input (${x!.shape.rank}) must be no greater than rank of output shape (${target.rank}).`);
    }
    return [{ dtype: a.T, shape: target.dims === null ? target : target.mergeWith(broadcastShapes(x!.shape, target)) }];
  },
  kernel: ([x, shape]) => [tfc.broadcastTo(x!, Array.from(shape!.dataSync()))],
  // The driver sums the output-shaped gradient back to the input's shape.
  broadcasts: true,
  grad: (_ctx, [dy]) => ({ input: dy!, shape: null }),
});

/** Broadcasts `input` to `shape` (numpy rules). @example tf.broadcastTo(b, [4, 3]) */
export function broadcastTo(input: TensorLike, shape: TensorLike, name?: string): Tensor {
  return applyOp(BroadcastTo, [input, shape], {}, { name })[0]!;
}
