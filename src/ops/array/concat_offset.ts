import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { bracket, hostInts, knownInt, knownInts } from './util.js';

/** Where each of several concatenated shapes starts along `axis`, with TF's kernel errors. */
function offsets(
  axis: number,
  shapes: readonly (readonly number[])[],
  fail: (m: string) => Error,
): number[][] {
  const first = shapes[0]!;
  const rank = first.length;
  if (axis < -rank || axis >= rank) throw fail(`Concat dim is out of range: ${axis} vs. ${rank}`);
  const ax = axis < 0 ? axis + rank : axis;
  let at = 0;
  return shapes.map((s, i) => {
    if (s.length !== rank)
      throw fail(`input ${i} should contain ${rank} elements, but got ${s.length}`);
    s.forEach((d, j) => {
      if (j !== ax && d !== first[j])
        throw fail(
          `All dimensions except ${ax} must match. Input ${i} has shape ${bracket(s)} and doesn't match input 0 with shape ${bracket(first)}.`,
        );
    });
    const off = s.map((_, j) => (j === ax ? at : 0));
    at += s[ax]!;
    return off;
  });
}

export const ConcatOffset = defineOp({
  type: 'ConcatOffset',
  inputs: ['concat_dim:int32', 'shape*:shape_type'],
  attrs: { N: attr.int(), shape_type: attr.type('int32') },
  infer: (ins, a) =>
    ins.slice(1).map((s) => ({
      dtype: a.shape_type,
      shape: new TensorShape(s.shape.withRankOrThrow(1, 'shape')),
    })),
  kernel: (ins) => {
    const axis = hostInts(ins[0]!)[0]!;
    return offsets(axis, ins.slice(1).map(hostInts), (m) => new InvalidArgumentError(m)).map((o) =>
      tfc.tensor1d(o, 'int32'),
    );
  },
  grad: 'none',
  constValue: (ins, a) => {
    const axis = knownInt(ins[0]!);
    const shapes = ins.slice(1).map(knownInts);
    if (axis === null || shapes.some((s) => s === null)) return null;
    try {
      const first = offsets(axis, shapes as number[][], (m) => new InvalidArgumentError(m))[0]!;
      return new NDArray(a.shape_type, [first.length], Int32Array.from(first));
    } catch {
      return null;
    }
  },
});

/**
 * TF's concat_offset: the offset of each input of a concat along `axis` (for gradients).
 * @example const [o0, o1] = concatOffset(1, [tf.shape(a), tf.shape(b)])
 */
export function concatOffset(
  axis: TensorLike,
  shapes: readonly TensorLike[],
  name?: string,
): Tensor[] {
  return applyOp(ConcatOffset, [axis, shapes], {}, { name: name ?? 'ConcatOffset' });
}
