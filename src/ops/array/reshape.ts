import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp, type InferInput } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { shape as shapeOp } from './shape.js';

/** A static shape when fully known (a Const), else the dynamic Shape op. */
function shapeOfInput(x: Tensor): TensorLike {
  return x.shape.isFullyDefined() ? Int32Array.from(x.shape.dims as number[]) : shapeOp(x);
}

/** Static output shape of a reshape (resolving one -1), or TF's error when sizes differ. */
export function reshapeShape(x: InferInput, shape: InferInput): TensorShape {
  if (shape.value === null) {
    const n = shape.shape.dims?.[0];
    return n === undefined || n === null ? TensorShape.unknown() : TensorShape.unknownOfRank(n);
  }
  const target = Array.from(shape.value.data as ArrayLike<number>);
  const minusOnes = target.filter((d) => d === -1).length;
  if (minusOnes > 1) throw new ValueError(`only one input size may be -1, not both ${target.indexOf(-1)} and ${target.lastIndexOf(-1)}`);
  const bad = target.find((d) => d < -1);
  if (bad !== undefined) throw new ValueError(`Size ${target.indexOf(bad)} must be non-negative, not ${bad}`);
  const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const inSize = x.shape.size;
  if (minusOnes === 0) {
    if (inSize !== null && inSize !== known) {
      throw new ValueError(`Cannot reshape a tensor with ${inSize} elements to shape ${new TensorShape(target).toBracketString()} (${known} elements)`);
    }
    return new TensorShape(target);
  }
  let inferred: Dim = null;
  if (inSize !== null) {
    if (known === 0 || inSize % known !== 0) {
      throw new ValueError(`Cannot reshape a tensor with ${inSize} elements to shape ${new TensorShape(target.map((d) => (d === -1 ? null : d))).toBracketString()}`);
    }
    inferred = inSize / known;
  }
  return new TensorShape(target.map((d) => (d === -1 ? inferred : d)));
}

export const Reshape = defineOp({
  type: 'Reshape',
  inputs: ['tensor', 'shape:Tshape'],
  attrs: { T: attr.type(), Tshape: attr.type('int32') },
  infer: ([x, shape], a) => [{ dtype: a.T, shape: reshapeShape(x!, shape!) }],
  kernel: ([x, shape]) => [tfc.reshape(x!, Array.from(shape!.dataSync()))],
  grad: ({ inputs: [x] }, [dy]) => ({ tensor: reshape(dy!, shapeOfInput(x!)), shape: null }),
  constValue: ([x, shape]) => (x!.value && shape!.value ? x!.value : null),
});

/** Reshapes `tensor`; one entry of `shape` may be -1. @example tf.reshape(x, [-1, 784]) */
export function reshape(tensor: TensorLike, shape: TensorLike, name?: string): Tensor {
  return applyOp(Reshape, [tensor, shape], {}, { name })[0]!;
}
