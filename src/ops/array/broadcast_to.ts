import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { bracket, hostInts, shapeFromTensor } from './util.js';

export const BroadcastTo = defineOp({
  type: 'BroadcastTo',
  inputs: ['input', 'shape:Tidx'],
  attrs: { T: attr.type(), Tidx: attr.type('int32') },
  // TF's BroadcastTo shape function: the target shape, refined by the input's known dims.
  infer: ([x, shape], a) => {
    const out = shapeFromTensor(shape!, 'shape');
    const xs = x!.shape.dims;
    if (out.dims === null || xs === null) return [{ dtype: a.T, shape: out }];
    const n = out.dims.length;
    if (xs.length > n)
      throw new ValueError(`Shape must be at most rank ${n} but is rank ${xs.length}`);
    const lead = n - xs.length;
    const dims = out.dims.map((o, i): Dim => {
      if (i < lead) return o;
      const d = xs[i - lead] ?? null;
      if (d === 1) return o;
      if (o === null) return d;
      if (d !== null && d !== o)
        throw new ValueError(`Dimensions must be equal, but are ${d} and ${o}`);
      return o;
    });
    return [{ dtype: a.T, shape: new TensorShape(dims) }];
  },
  kernel: ([x, shape]) => {
    const target = hostInts(shape!);
    const lead = target.length - x!.rank;
    const ok = lead >= 0 && x!.shape.every((d, i) => d === 1 || d === target[lead + i]);
    if (!ok)
      throw new InvalidArgumentError(
        `Incompatible shapes: ${bracket(x!.shape)} vs. ${bracket(target)}`,
      );
    // tfjs' broadcastTo gives a non-empty result for zero-sized targets.
    if (target.includes(0))
      return [x!.dtype === 'string' ? tfc.fill(target, '', 'string') : tfc.zeros(target, x!.dtype)];
    return [tfc.broadcastTo(x!, target)];
  },
  // The driver sums the output-shaped gradient back to the input's shape.
  broadcasts: true,
  grad: (_ctx, [dy]) => ({ input: dy!, shape: null }),
});

/** Broadcasts `input` to `shape` (numpy rules). @example tf.broadcastTo(b, [4, 3]) */
export function broadcastTo(input: TensorLike, shape: TensorLike, name?: string): Tensor {
  return applyOp(BroadcastTo, [input, shape], {}, { name })[0]!;
}
