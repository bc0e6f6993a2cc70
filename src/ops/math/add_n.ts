import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import type { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';

export const AddN = defineOp({
  type: 'AddN',
  inputs: ['inputs*'],
  attrs: { N: attr.int(), T: attr.type() },
  infer: (ins, a) => {
    if (ins.length === 0) throw new ValueError('inputs must be a list of at least one Tensor with the same dtype and shape');
    let shape: TensorShape = ins[0]!.shape;
    for (const i of ins) {
      if (!shape.isCompatibleWith(i.shape)) throw new ValueError(`Shapes must be equal: ${shape.toBracketString()} vs ${i.shape.toBracketString()}`);
      shape = shape.mergeWith(i.shape);
    }
    return [{ dtype: a.T, shape }];
  },
  kernel: (ins) => [ins.length === 1 ? tfc.clone(ins[0]!) : tfc.addN(ins)],
  grad: (ctx, [dy]) => ({ inputs: ctx.inputs.map(() => dy ?? null) }),
});

/** Elementwise sum of same-shaped tensors. @example tf.addN([a, b, c]) */
export function addN(inputs: readonly TensorLike[], name?: string): Tensor {
  return applyOp(AddN, [inputs], {}, { name })[0]!;
}
