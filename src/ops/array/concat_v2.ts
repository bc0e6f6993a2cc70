import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape, mergeShapes, type Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp, constantValue } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { concatOffset } from './concat_offset.js';
import { identity } from './identity.js';
import { toTensor, withGraphOf } from './static.js';
import { gather } from './gather_v2.js';
import { stack } from './pack.js';
import { shapeOrConst } from './shape.js';
import { slice } from './slice.js';
import { splitV } from './split_v.js';
import { addDims, bracket, hostInts, knownInt, partialInts } from './util.js';

export const ConcatV2 = defineOp({
  type: 'ConcatV2',
  inputs: ['values*', 'axis:Tidx'],
  attrs: { T: attr.type(), N: attr.int(), Tidx: attr.type('int32') },
  // TF's ConcatShapeHelper: equal ranks first, then (with a known axis) merge the other dims
  // and add up the concatenated one.
  infer: (ins, a) => {
    const values = ins.slice(0, -1);
    const axis = knownInt(ins[ins.length - 1]!);
    let rank: number | null = null;
    for (const v of values) {
      if (rank === null) rank = v.shape.rank;
      else v.shape.withRankOrThrow(rank);
    }
    if (rank === 0) throw new ValueError("Can't concatenate scalars (use tf.stack instead)");
    if (axis === null || rank === null)
      return [
        {
          dtype: a.T,
          shape: rank === null ? TensorShape.unknown() : TensorShape.unknownOfRank(rank),
        },
      ];
    const minRank = axis < 0 ? -axis : axis + 1;
    if (rank < minRank)
      throw new ValueError(`Shape must be at least rank ${minRank} but is rank ${rank}`);
    const ax = axis < 0 ? axis + rank : axis;
    let before: TensorShape | null = null;
    let after: TensorShape | null = null;
    let middle: Dim = 0;
    for (let i = values.length - 1; i >= 0; i--) {
      const dims = values[i]!.shape.dims;
      if (dims === null) {
        middle = null;
        continue;
      }
      const b = new TensorShape(dims.slice(0, ax));
      const f = new TensorShape(dims.slice(ax + 1));
      before = before ? mergeShapes(b, before) : b;
      after = after ? mergeShapes(f, after) : f;
      middle = addDims(middle, dims[ax] ?? null);
    }
    return [{ dtype: a.T, shape: new TensorShape([...before!.dims!, middle, ...after!.dims!]) }];
  },
  kernel: (ins) => {
    const values = ins.slice(0, -1);
    const first = values[0]!;
    const rank = first.rank;
    let axis = hostInts(ins[ins.length - 1]!)[0]!;
    if (axis < -rank || axis >= rank) {
      throw new InvalidArgumentError(
        `ConcatOp : Expected concatenating dimensions in the range [${-rank}, ${rank}), but got ${axis}`,
      );
    }
    if (axis < 0) axis += rank;
    values.forEach((v, i) => {
      if (v.rank !== rank)
        throw new InvalidArgumentError(
          `ConcatOp : Ranks of all input tensors should match: shape[0] = ${bracket(first.shape)} vs. shape[${i}] = ${bracket(v.shape)}`,
        );
      v.shape.forEach((d, j) => {
        if (j !== axis && d !== first.shape[j]) {
          throw new InvalidArgumentError(
            `ConcatOp : Dimension ${j} in both shapes must be equal: shape[0] = ${bracket(first.shape)} vs. shape[${i}] = ${bracket(v.shape)}`,
          );
        }
      });
    });
    return [values.length === 1 ? tfc.clone(first) : tfc.concat(values, axis)];
  },
  // TF's _ConcatGradHelper: each input gets its part of the gradient; SplitV when the axis is
  // known while building, else Slice at ConcatOffset's offsets.
  grad: ({ inputs }, [dy]) => {
    const values = inputs.slice(0, -1);
    const axisT = inputs[inputs.length - 1]!;
    if (values.length === 1) return { values: [dy!], axis: null };
    const axisV = constantValue(axisT);
    const rank = values.find((v) => v.shape.rank !== null)?.shape.rank ?? dy!.shape.rank;
    if (axisV && rank !== null) {
      const raw = axisV.data[0] as number;
      const ax = raw < 0 ? raw + rank : raw;
      const known = values.map((v) => v.shape.dim(ax));
      const sizes = known.every((d) => d !== null)
        ? Int32Array.from(known as number[])
        : stack(values.map((v, i) => known[i] ?? gather(shapeOrConst(v), ax, { axis: 0 })));
      return { values: splitV(dy!, sizes, ax, values.length), axis: null };
    }
    const shapes = values.map((v) => shapeOrConst(v));
    const offsets = concatOffset(axisT, shapes);
    return { values: values.map((_, i) => slice(dy!, offsets[i]!, shapes[i]!)), axis: null };
  },
  // Concatenated shape pieces (concat([shape(x)[:1], [6]], 0)) keep what is known of each.
  partialValue: (ins) => {
    const parts = ins
      .slice(0, -1)
      .map((v) =>
        v.shape.rank === 1
          ? (partialInts(v) ??
            (v.shape.dim(0) === null ? null : new Array<Dim>(v.shape.dim(0)!).fill(null)))
          : null,
      );
    if (parts.some((p) => p === null)) return null;
    return parts.flatMap((p) => p!);
  },
});

/**
 * TF1's tf.concat along `axis` (ConcatV2; a single value becomes an Identity, as in TF1).
 * @example tf.concat([a, b], 1)
 */
export function concat(values: readonly TensorLike[], axis: TensorLike, name?: string): Tensor {
  if (values.length === 0) throw new ValueError('concat: values must hold at least one tensor');
  if (values.length === 1) {
    return withGraphOf([...values, axis], (g) =>
      g.nameScope(name ?? 'concat', () => {
        const ax = toTensor(axis, 'int32', 'concat_dim');
        if (ax.shape.rank !== null && ax.shape.rank !== 0)
          throw new ValueError(`Shape ${ax.shape.toString()} must have rank 0`);
        return identity(values[0]!, name ?? 'concat');
      }),
    );
  }
  return applyOp(ConcatV2, [values, axis], {}, { name: name ?? 'concat' })[0]!;
}
