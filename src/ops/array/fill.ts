import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import { computeDType } from '../../graph/dtype.js';
import { NDArray, type HostData } from '../../graph/ndarray.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { reduceSum } from '../math/sum.js';
import { range } from './range.js';
import { rank } from './rank.js';
import { bracket, hostInts, knownInts, shapeFromTensor } from './util.js';

/** Build-time values are worked out only for small fills (they are shape helpers, not data). */
const MAX_CONST_FILL = 1000;

export const Fill = defineOp({
  type: 'Fill',
  inputs: ['dims:index_type', 'value'],
  attrs: { T: attr.type(), index_type: attr.type('int32') },
  infer: ([dims, value], a) => {
    value!.shape.withRankOrThrow(0, 'value');
    return [{ dtype: a.T, shape: shapeFromTensor(dims!, 'dims') }];
  },
  kernel: ([dims, value], a) => {
    if (value!.rank !== 0)
      throw new InvalidArgumentError(
        `value must represent a scalar, got shape ${bracket(value!.shape)}`,
      );
    if (dims!.rank !== 1)
      throw new InvalidArgumentError(
        `dims must represent a vector, got shape ${bracket(dims!.shape)}`,
      );
    const shape = hostInts(dims!);
    const bad = shape.find((d) => d < 0);
    if (bad !== undefined) throw new InvalidArgumentError(`Dimension ${bad} must be >= 0`);
    if (a.T === 'string') return [tfc.fill(shape, String(value!.bufferSync().get()), 'string')];
    return [tfc.fill(shape, value!.dataSync()[0]!, computeDType(a.T))];
  },
  // TF's _FillGrad: no gradient for the dims; the value gets the sum of the output's gradient.
  grad: (_ctx, [dy]) => ({
    dims: null,
    value: dy!.shape.rank !== null ? reduceSum(dy!) : reduceSum(dy!, range(0, rank(dy!))),
  }),
  constValue: ([dims, value], a) => {
    const shape = knownInts(dims!);
    const v = value!.value;
    if (!shape || !v || v.size !== 1 || shape.some((d) => d < 0)) return null;
    const n = shape.reduce((p, d) => p * d, 1);
    if (n > MAX_CONST_FILL) return null;
    const x = v.data[0]!;
    const data: HostData =
      typeof x === 'string'
        ? new Array<string>(n).fill(x)
        : new (v.data.constructor as new (k: number) => Float32Array)(n).fill(x);
    return new NDArray(a.T, shape, data);
  },
  partialValue: ([dims, value]) => {
    const shape = knownInts(dims!);
    if (!shape || shape.length > 1 || (shape[0] ?? 1) > MAX_CONST_FILL) return null;
    const p = value!.partial;
    return p && p.length === 1 ? new Array<number | null>(shape[0] ?? 1).fill(p[0]!) : null;
  },
});

/** A tensor of shape `dims` filled with the scalar `value`. @example tf.fill([2, 3], 9) */
export function fill(dims: TensorLike, value: TensorLike, name?: string): Tensor {
  return applyOp(Fill, [dims, value], {}, { name })[0]!;
}
