import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, TypeError, ValueError } from '../../errors.js';
import { computeDType, type DType } from '../../graph/dtype.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { toTensor, withGraphOf } from './static.js';
import { bracket, hostInts, knownInt } from './util.js';

export const OneHot = defineOp({
  type: 'OneHot',
  inputs: ['indices:TI', 'depth:int32', 'on_value', 'off_value'],
  attrs: { axis: attr.int(-1), T: attr.type(), TI: attr.type('int32') },
  infer: ([indices, depth, on, off], a) => {
    if (a.axis < -1) throw new ValueError('axis must be >= -1');
    depth!.shape.withRankOrThrow(0, 'depth');
    on!.shape.withRankOrThrow(0, 'on_value');
    off!.shape.withRankOrThrow(0, 'off_value');
    const d = knownInt(depth!);
    if (d !== null && d < 0)
      throw new ValueError(
        `Dimension size, given by scalar input 1, must be non-negative but is ${d}`,
      );
    const dims = indices!.shape.dims;
    if (dims === null) return [{ dtype: a.T, shape: TensorShape.unknown() }];
    const newRank = dims.length + 1;
    // TF's (axis + new_rank) % new_rank, quirks included.
    const at = (a.axis + newRank) % newRank;
    return [{ dtype: a.T, shape: new TensorShape([...dims.slice(0, at), d, ...dims.slice(at)]) }];
  },
  kernel: ([indices, depth, on, off], a) => {
    const d = hostInts(depth!)[0]!;
    const rank = indices!.rank;
    if (a.axis !== -1 && (a.axis < 0 || a.axis > rank))
      throw new InvalidArgumentError(
        `Expected axis to be -1 or between [0, ${rank + 1}).  But received: ${a.axis}`,
      );
    if (d < 0) throw new InvalidArgumentError(`depth must be non-negative, got: ${d}`);
    if (on!.rank !== 0)
      throw new InvalidArgumentError(`on_value must be a scalar, but got: ${bracket(on!.shape)}`);
    if (off!.rank !== 0)
      throw new InvalidArgumentError(`off_value must be a scalar, but got: ${bracket(off!.shape)}`);
    const out = computeDType(a.T);
    const dtype = out === 'float32' ? 'float32' : 'int32';
    // tfjs' oneHot is exact in int32 on every backend (wasm ignores other dtypes); on and off
    // values are then placed by arithmetic exact for 0/1 masks.
    const hot = tfc.cast(tfc.oneHot(tfc.cast(indices!, 'int32'), d, 1, 0, 'int32'), dtype);
    const cold = tfc.sub(tfc.scalar(1, dtype), hot);
    const mixed = tfc.add(tfc.mul(hot, tfc.cast(on!, dtype)), tfc.mul(cold, tfc.cast(off!, dtype)));
    const y = out === 'bool' ? tfc.cast(mixed, 'bool') : mixed;
    if (a.axis === -1 || a.axis === rank) return [y];
    const perm = Array.from({ length: rank }, (_, i) => i);
    perm.splice(a.axis, 0, rank);
    return [tfc.transpose(y, perm)];
  },
  // TF's _OneHotGrad returns no gradients (indices are integers; on/off values get none).
  grad: 'none',
});

export interface OneHotOptions {
  onValue?: TensorLike;
  offValue?: TensorLike;
  axis?: number;
  dtype?: DType;
  name?: string;
}

/**
 * TF1's tf.one_hot: `depth`-long one-hot vectors at `axis` (default last); the dtype comes from
 * on/off values when given, else `dtype`, else float32.
 * @example tf.oneHot(labels, 10)
 */
export function oneHot(
  indices: TensorLike,
  depth: TensorLike,
  options: OneHotOptions = {},
): Tensor {
  return withGraphOf([indices, depth, options.onValue, options.offValue], (g) =>
    g.nameScope(options.name ?? 'one_hot', (scope) => {
      let dtype = options.dtype;
      const on =
        options.onValue === undefined
          ? null
          : toTensor(options.onValue, symbolicOf(options.onValue) ? undefined : dtype, 'Const');
      const off =
        options.offValue === undefined
          ? null
          : toTensor(options.offValue, symbolicOf(options.offValue) ? undefined : dtype, 'Const');
      if (on || off) {
        if (dtype !== undefined) {
          if (on && on.dtype !== dtype)
            throw new TypeError(
              `dtype ${on.dtype} of on_value does not match dtype parameter ${dtype}`,
            );
          if (off && off.dtype !== dtype)
            throw new TypeError(
              `dtype ${off.dtype} of off_value does not match dtype parameter ${dtype}`,
            );
        } else dtype = (on ?? off)!.dtype;
      }
      const d = dtype ?? 'float32';
      const onT = on ?? toTensor(1, d, 'on_value');
      const offT = off ?? toTensor(0, d, 'off_value');
      if (onT.dtype !== offT.dtype)
        throw new TypeError(
          `dtype ${onT.dtype} of on_value does not match dtype ${offT.dtype} of off_value`,
        );
      return applyOp(
        OneHot,
        [indices, depth, onT, offT],
        { axis: options.axis ?? -1 },
        { name: scope },
      )[0]!;
    }),
  );
}
