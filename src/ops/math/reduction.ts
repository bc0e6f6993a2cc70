import type * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { attr } from '../core/attr.js';
import { defineOp, type GradFn, type OpRecord } from '../core/define.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { normalizeAxes, reducedShape } from '../util/reduce.js';
import { applyOp, constantValue } from '../core/apply.js';
import { reshape } from '../array/reshape.js';
import { shape } from '../array/shape.js';
import { add } from './add.js';
import { multiply } from './mul.js';

const reductionAttrs = { keep_dims: attr.bool(false), T: attr.type(), Tidx: attr.type('int32') };
type ReductionAttrs = typeof reductionAttrs;

/** A reduction op (Sum, Mean, Max, ...) over `reduction_indices`. */
export function defineReduction(
  type: string,
  kernel: (x: tfc.Tensor, axes: number[], keepDims: boolean) => tfc.Tensor,
  grad?: GradFn<ReductionAttrs> | 'none',
): OpRecord<ReductionAttrs> {
  return defineOp({
    type,
    inputs: ['input', 'reduction_indices:Tidx'],
    attrs: reductionAttrs,
    infer: ([x, axes], a) => [{ dtype: a.T, shape: reducedShape(x!.shape, axes!.value, a.keep_dims) }],
    kernel: ([x, axes], a) => [kernel(x!, normalizeAxes(Array.from(axes!.dataSync()), x!.rank), a.keep_dims)],
    ...(grad === undefined ? {} : { grad }),
  });
}

/** `x`'s shape: a constant when fully known, else the Shape op. */
export function shapeOrConst(x: Tensor): TensorLike {
  return x.shape.isFullyDefined() ? Int32Array.from(x.shape.dims as number[]) : shape(x);
}

/**
 * Reshapes a reduction's output gradient to the input's rank with size-1 reduced axes (TF's
 * output_shape_kept_dims). Unknown dims come from Shape(x) through an int mask:
 * kept = Shape(x) * keepMask + reducedMask.
 */
export function keptDims(dy: Tensor, x: Tensor, axes: Tensor, keepDims: boolean): Tensor {
  if (keepDims) return dy;
  const axesValue = constantValue(axes);
  const rank = x.shape.rank;
  if (!axesValue || rank === null) {
    throw new ValueError(`The gradient of a reduction needs its axes and the input's rank while building; '${axes.name}' is not a constant or '${x.name}' has unknown rank`);
  }
  const reduced = normalizeAxes(Array.from(axesValue.data as ArrayLike<number>), rank);
  if (x.shape.isFullyDefined()) {
    return reshape(dy, Int32Array.from((x.shape.dims as number[]).map((d, i) => (reduced.includes(i) ? 1 : d))));
  }
  const keep = Int32Array.from({ length: rank }, (_, i) => (reduced.includes(i) ? 0 : 1));
  const ones = Int32Array.from({ length: rank }, (_, i) => (reduced.includes(i) ? 1 : 0));
  return reshape(dy, add(multiply(shape(x), keep), ones));
}

export interface ReduceOptions {
  keepdims?: boolean;
  name?: string;
}

/**
 * Builds a reduction the way TF1's reduce_* do: `axis` omitted reduces every axis (a constant
 * list when the rank is known).
 */
export function reduce(record: OpRecord<ReductionAttrs>, x: TensorLike, axis: TensorLike | null | undefined, options: ReduceOptions, defaultName: string): Tensor {
  let axes = axis;
  if (axes === undefined || axes === null) {
    const t = symbolicOf(x);
    const rank = t ? t.shape.rank : rankOfHost(x);
    if (rank === null) {
      throw new ValueError(`${defaultName}: reducing over all axes of a tensor of unknown rank needs an explicit axis list`);
    }
    axes = Array.from({ length: rank }, (_, i) => i);
    if (rank === 0) axes = new Int32Array(0);
  }
  return applyOp(record, [x, axes], { keep_dims: options.keepdims ?? false }, { name: options.name ?? defaultName })[0]!;
}

function rankOfHost(x: unknown): number {
  let r = 0;
  let v = x;
  while (Array.isArray(v)) {
    r += 1;
    v = v[0];
  }
  return r;
}
