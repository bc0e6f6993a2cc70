import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import type { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { checkDType } from './elementwise.js';
import { mergeShapes } from './shapes.js';

export const AddN = defineOp({
  type: 'AddN',
  inputs: ['inputs*'],
  attrs: { N: attr.int(), T: attr.type() },
  infer: (ins, a) => {
    if (ins.length === 0)
      throw new ValueError(
        'inputs must be a list of at least one Tensor with the same dtype and shape',
      );
    checkDType('inputs', a.T, 'number');
    // TF's shape function merges from the last input down, naming the input that failed.
    let shape: TensorShape = ins[ins.length - 1]!.shape;
    for (let i = ins.length - 2; i >= 0; i--) {
      try {
        shape = mergeShapes(ins[i]!.shape, shape);
      } catch (e) {
        if (e instanceof ValueError)
          throw new ValueError(`${e.message}\n\tFrom merging shape ${i} with other shapes.`);
        throw e;
      }
    }
    return [{ dtype: a.T, shape }];
  },
  kernel: (ins) => [ins.length === 1 ? tfc.clone(ins[0]!) : tfc.addN(ins)],
  // TF's _AddNGrad: the same gradient to every input (no broadcasting in AddN).
  grad: (ctx, [dy]) => ({ inputs: ctx.inputs.map(() => dy ?? null) }),
});

/** Elementwise sum of same-shaped tensors. @example tf.addN([a, b, c]) */
export function addN(inputs: readonly TensorLike[], name?: string): Tensor {
  return applyOp(AddN, [inputs], {}, { name })[0]!;
}
