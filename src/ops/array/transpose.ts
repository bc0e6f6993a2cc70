import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp, constantValue } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { subtract } from '../math/sub.js';
import { invertPerm, invertPermutation } from './invert_permutation.js';
import { range } from './range.js';
import { rank as rankOf } from './rank.js';
import { toTensor, withGraphOf } from './static.js';
import { hostInts, knownInts, withValue } from './util.js';

export const Transpose = defineOp({
  type: 'Transpose',
  inputs: ['x', 'perm:Tperm'],
  attrs: { T: attr.type(), Tperm: attr.type('int32') },
  // TF's TransposeShapeFn: the rank from the input, or else from perm's length.
  infer: ([x, perm], a) => {
    const perms = knownInts(perm!);
    const n = perm!.shape.rank === 1 ? perm!.shape.dim(0) : null;
    if (x!.shape.rank === null && n === null && perms === null)
      return [{ dtype: a.T, shape: TensorShape.unknown() }];
    const rank = x!.shape.rank ?? n ?? perms!.length;
    if (x!.shape.rank === null && rank < 2) return [{ dtype: a.T, shape: x!.shape }];
    const dims = x!.shape.withRankOrThrow(rank, 'x');
    perm!.shape.withRankOrThrow(1, 'perm');
    withValue(n, rank);
    if (!perms) return [{ dtype: a.T, shape: TensorShape.unknownOfRank(rank) }];
    const out: Dim[] = perms.map((p) => {
      if (p >= rank || p < -rank)
        throw new ValueError(`perm dim ${p} is out of range of input rank ${rank}`);
      return dims[p < 0 ? p + rank : p] ?? null;
    });
    return [{ dtype: a.T, shape: new TensorShape(out) }];
  },
  kernel: ([x, perm]) => {
    const p = hostInts(perm!);
    if (p.length !== x!.rank) {
      throw new InvalidArgumentError(
        `transpose expects a vector of size ${x!.rank}. But input(1) is a vector of size ${p.length}`,
      );
    }
    const seen = new Array<boolean>(p.length).fill(false);
    for (const d of p) {
      if (d < 0 || d >= p.length)
        throw new InvalidArgumentError(`${d} is out of range [0 .. ${p.length})`);
      seen[d] = true;
    }
    const missing = seen.indexOf(false);
    if (missing >= 0)
      throw new InvalidArgumentError(`${missing} is missing from {${p.join(',')}}.`);
    return [tfc.transpose(x!, p)];
  },
  // TF's _TransposeGrad: transpose back by the inverse permutation.
  grad: ({ inputs: [, perm] }, [dy]) => {
    const p = constantValue(perm!);
    const inverse = p
      ? Int32Array.from(
          invertPerm(Array.from(p.data as ArrayLike<number>), (m) => new ValueError(m)),
        )
      : invertPermutation(perm!);
    return { x: transpose(dy!, inverse), perm: null };
  },
});

/**
 * TF1's tf.transpose: `perm` defaults to reversing the axes (a constant when the rank is known,
 * else Range(Rank(a) - 1, -1, -1) as TF builds it).
 * @example tf.transpose(x, [0, 2, 1])
 */
export function transpose(a: TensorLike, perm?: TensorLike | null, name?: string): Tensor {
  return withGraphOf([a, perm], (g) =>
    g.nameScope(name ?? 'transpose', (scope) => {
      const x = toTensor(a, undefined, 'a');
      let p: TensorLike | null | undefined = perm;
      if (p === undefined || p === null) {
        const r = x.shape.rank;
        if (r !== null) p = Int32Array.from({ length: r }, (_, i) => r - 1 - i);
        else p = range(subtract(rankOf(x), 1, 'sub'), -1, -1, { name: 'Range' });
      }
      return applyOp(Transpose, [x, p], {}, { name: scope })[0]!;
    }),
  );
}
