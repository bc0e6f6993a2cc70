import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { bracket, hostInts, knownInts } from './util.js';

/** The inverse of a permutation, with TF's kernel errors. */
export function invertPerm(perm: readonly number[], fail: (m: string) => Error): number[] {
  const n = perm.length;
  const inv = new Array<number>(n).fill(-1);
  perm.forEach((d, i) => {
    if (d < 0 || d >= n) throw fail(`${d} is not between 0 and ${n}`);
    if (inv[d] !== -1) throw fail(`${d} is duplicated in the input.`);
    inv[d] = i;
  });
  return inv;
}

export const InvertPermutation = defineOp({
  type: 'InvertPermutation',
  inputs: ['x'],
  attrs: { T: attr.type('int32') },
  infer: ([x], a) => [{ dtype: a.T, shape: new TensorShape(x!.shape.withRankOrThrow(1, 'x')) }],
  kernel: ([x]) => {
    if (x!.rank !== 1)
      throw new InvalidArgumentError(
        `invert_permutation expects a 1D vector. Got shape ${bracket(x!.shape)}`,
      );
    return [
      tfc.tensor1d(
        invertPerm(hostInts(x!), (m) => new InvalidArgumentError(m)),
        'int32',
      ),
    ];
  },
  grad: 'none',
  constValue: ([x], a) => {
    const p = knownInts(x!);
    if (!p) return null;
    try {
      return new NDArray(
        a.T,
        [p.length],
        Int32Array.from(invertPerm(p, (m) => new InvalidArgumentError(m))),
      );
    } catch {
      return null;
    }
  },
});

/** The inverse permutation of `x` (y[x[i]] = i). @example tf.invertPermutation([2, 0, 1]) // [1, 2, 0] */
export function invertPermutation(x: TensorLike, name?: string): Tensor {
  return applyOp(InvertPermutation, [x], {}, { name: name ?? 'InvertPermutation' })[0]!;
}
