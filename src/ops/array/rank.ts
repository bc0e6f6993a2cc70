import * as tfc from '@tensorflow/tfjs-core';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { constOf, staticShapeOf, withGraphOf } from './static.js';

export const Rank = defineOp({
  type: 'Rank',
  inputs: ['input'],
  attrs: { T: attr.type() },
  infer: () => [{ dtype: 'int32', shape: TensorShape.scalar() }],
  kernel: ([x]) => [tfc.scalar(x!.rank, 'int32')],
  grad: 'none',
  constValue: ([x]) =>
    x!.shape.rank === null ? null : new NDArray('int32', [], Int32Array.of(x!.shape.rank)),
});

/**
 * TF1's tf.rank: the number of dimensions of `input` as an int32 scalar; a Const when the rank
 * is known while building, else the Rank op.
 * @example tf.rank(x)
 */
export function rank(input: TensorLike, name?: string): Tensor {
  const r = staticShapeOf(input).rank;
  if (r !== null)
    return withGraphOf([input], (g) =>
      g.nameScope(name ?? 'Rank', (scope) => constOf(r, 'int32', scope)),
    );
  return applyOp(Rank, [input], {}, { name: name ?? 'Rank' })[0]!;
}
