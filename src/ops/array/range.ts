import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, TypeError, ValueError } from '../../errors.js';
import { isInteger, type DType } from '../../graph/dtype.js';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { cast } from '../math/cast.js';
import { toTensor, withGraphOf } from './static.js';

/** Build-time values only for short ranges (index helpers, not data). */
const MAX_CONST_RANGE = 10000;

/** The length of a range, with TF's errors (`fail` picks the error class). */
function rangeSize(
  start: number,
  limit: number,
  delta: number,
  integral: boolean,
  fail: (m: string) => Error,
  kernel: boolean,
): number {
  if (start > limit && delta > 0)
    throw fail(`Requires start <= limit when delta > 0: ${start}/${limit}`);
  if (start < limit && delta < 0)
    throw fail(`Requires start >= limit when delta < 0: ${start}/${limit}`);
  if (delta === 0) throw fail(kernel ? `Requires delta != 0: ${delta}` : 'Requires delta != 0');
  return integral
    ? Math.floor((Math.abs(limit - start) + Math.abs(delta) - 1) / Math.abs(delta))
    : Math.ceil(Math.abs((limit - start) / delta));
}

const scalarOf = (t: tfc.Tensor): number => t.dataSync()[0] as number;

export const Range = defineOp({
  type: 'Range',
  inputs: ['start:Tidx', 'limit:Tidx', 'delta:Tidx'],
  attrs: { Tidx: attr.type('int32') },
  infer: ([start, limit, delta], a) => {
    start!.shape.withRankOrThrow(0, 'start');
    limit!.shape.withRankOrThrow(0, 'limit');
    delta!.shape.withRankOrThrow(0, 'delta');
    const v = [start, limit, delta].map((x) => (x!.value ? (x!.value.data[0] as number) : null));
    if (v.some((x) => x === null)) return [{ dtype: a.Tidx, shape: new TensorShape([null]) }];
    const n = rangeSize(v[0]!, v[1]!, v[2]!, isInteger(a.Tidx), (m) => new ValueError(m), false);
    return [{ dtype: a.Tidx, shape: new TensorShape([n]) }];
  },
  kernel: ([start, limit, delta], a) => {
    const [s, l, d] = [scalarOf(start!), scalarOf(limit!), scalarOf(delta!)];
    const n = rangeSize(s, l, d, isInteger(a.Tidx), (m) => new InvalidArgumentError(m), true);
    const dtype = isInteger(a.Tidx) ? 'int32' : 'float32';
    // tfjs computes the length the same way; build from the count so both always agree.
    return [
      tfc.add(tfc.mul(tfc.range(0, n, 1, dtype), tfc.scalar(d, dtype)), tfc.scalar(s, dtype)),
    ];
  },
  grad: 'none',
  constValue: ([start, limit, delta], a) => {
    const v = [start, limit, delta].map((x) => (x!.value ? (x!.value.data[0] as number) : null));
    if (v.some((x) => x === null)) return null;
    const [s, l, d] = v as [number, number, number];
    let n: number;
    try {
      n = rangeSize(s, l, d, isInteger(a.Tidx), (m) => new ValueError(m), false);
    } catch {
      return null;
    }
    if (n > MAX_CONST_RANGE) return null;
    const data = isInteger(a.Tidx) ? new Int32Array(n) : new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = s + i * d;
    return new NDArray(a.Tidx, [n], data);
  },
});

const HIERARCHY: readonly DType[] = ['int32', 'int64', 'float32', 'float64'];

export interface RangeOptions {
  dtype?: DType;
  name?: string;
}

/**
 * TF1's tf.range(start, limit, delta): with one argument it is the limit (start 0). Integral JS
 * numbers are int32 and others float32, as Python ints and floats are (// TF1: unlike other
 * literals, whose dtype defaults to float32); mixed dtypes are cast to the widest.
 * @example tf.range(5) // [0, 1, 2, 3, 4]
 */
export function range(
  start: TensorLike,
  limit?: TensorLike | null,
  delta: TensorLike = 1,
  options: RangeOptions = {},
): Tensor {
  let args: TensorLike[] = [start, limit ?? 0, delta];
  if (limit === undefined || limit === null) args = [0, start, delta];
  return withGraphOf(args, (g) =>
    g.nameScope(options.name ?? 'range', (scope) => {
      const names = ['start', 'limit', 'delta'];
      const tensors = args.map((x, i) => {
        const t = symbolicOf(x);
        if (t && options.dtype !== undefined && t.dtype !== options.dtype) {
          throw new TypeError(
            `Tensor conversion requested dtype ${options.dtype} for Tensor with dtype ${t.dtype}: ${t.toString()}`,
          );
        }
        if (t || options.dtype !== undefined) return toTensor(x, options.dtype, names[i]!);
        const hostType =
          typeof x === 'number' ? (Number.isInteger(x) ? 'int32' : 'float32') : undefined;
        return toTensor(x, hostType, names[i]!);
      });
      const inferred = tensors
        .map((t) => t.dtype)
        .reduce((w, d) => (HIERARCHY.indexOf(d) > HIERARCHY.indexOf(w) ? d : w));
      const same = tensors.map((t) => (t.dtype === inferred ? t : cast(t, inferred)));
      return applyOp(Range, same, { Tidx: inferred }, { name: scope })[0]!;
    }),
  );
}
