import * as tfc from '@tensorflow/tfjs-core';
import { TypeError, ValueError } from '../../errors.js';
import { isInteger } from '../../graph/dtype.js';
import { NDArray } from '../../graph/ndarray.js';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { applyOp, constantValue } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp, type GradFn, type OpRecord } from '../core/define.js';
import { graphOf, symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { normalizeAxes, reducedShape } from '../util/reduce.js';
import { checkDType, type Allowed } from './elementwise.js';
import { rangeOfRank } from './shape_util.js';
import { checkRankAtMost } from './shapes.js';

export { shapeOrConst } from './shape_util.js';

const reductionAttrs = { keep_dims: attr.bool(false), T: attr.type(), Tidx: attr.type('int32') };
export type ReductionAttrs = typeof reductionAttrs;

/** What reducing nothing gives, as TF defines it (its identity; Max/Min: the dtype's extremes). */
const EMPTY_REDUCTION: Readonly<Record<string, (dtype: string) => number | undefined>> = {
  Sum: () => 0,
  Prod: () => 1,
  Max: (d) => (d === 'int32' ? -2147483648 : -Infinity),
  Min: (d) => (d === 'int32' ? 2147483647 : Infinity),
  Mean: (d) => (d === 'int32' ? undefined : NaN),
};

/** A reduction op (Sum, Mean, Max, ...) of `input` over `reduction_indices` (a scalar or vector). */
export function defineReduction(
  type: string,
  kernel: (x: tfc.Tensor, axes: number[], keepDims: boolean) => tfc.Tensor,
  grad: GradFn<ReductionAttrs> | 'none',
  allowed: Allowed = 'number',
): OpRecord<ReductionAttrs> {
  return defineOp({
    type,
    inputs: ['input', 'reduction_indices:Tidx'],
    attrs: reductionAttrs,
    infer: ([x, axes], a) => {
      checkDType('input', a.T, allowed);
      if (!isInteger(a.Tidx))
        throw new TypeError(
          `Value passed to parameter 'reduction_indices' has DataType ${a.Tidx} not in list of allowed values: int32, int64`,
        );
      checkRankAtMost(axes!.shape, 1);
      return [{ dtype: a.T, shape: reducedShape(x!.shape, axes!.value, a.keep_dims) }];
    },
    kernel: ([x, axes], a) => {
      const ax = normalizeAxes(Array.from(axes!.dataSync()), x!.rank);
      // Reducing over no axes is the identity (keep_dims changes nothing either).
      if (ax.length === 0) return [tfc.clone(x!)];
      const empty = x!.size === 0 ? EMPTY_REDUCTION[type]?.(x!.dtype) : undefined;
      if (empty !== undefined) {
        // tfjs 4.22's wasm Sum (and others) leave an empty reduction's result uninitialised.
        const shape = x!.shape.flatMap((d, i) => (!ax.includes(i) ? [d] : a.keep_dims ? [1] : []));
        return [tfc.fill(shape, empty, x!.dtype)];
      }
      return [kernel(x!, ax, a.keep_dims)];
    },
    grad,
  });
}

export interface ReduceOptions {
  keepdims?: boolean;
  name?: string;
}

/**
 * Builds a reduction the way TF1's reduce_* do. `axis` omitted reduces every axis: the Const
 * 'Const' (0..rank-1, made before the op, in the caller's scope) when the rank is known, else a
 * range computed from the rank at run time.
 */
export function reduce(
  record: OpRecord,
  x: TensorLike,
  axis: TensorLike | null | undefined,
  options: ReduceOptions,
  defaultName: string,
): Tensor {
  let axes = axis;
  if (axes === undefined || axes === null) {
    const t = symbolicOf(x);
    const rank = t ? t.shape.rank : rankOfHost(x);
    const g = graphOf([x]);
    axes = g.asDefault(() =>
      rank === null
        ? rangeOfRank(t!)
        : constant(
            Int32Array.from({ length: rank }, (_, i) => i),
            { name: 'Const' },
          ),
    );
  }
  return applyOp(
    record,
    [x, axes],
    { keep_dims: options.keepdims ?? false },
    { name: options.name ?? defaultName },
  )[0]!;
}

function rankOfHost(x: unknown): number {
  if (x instanceof NDArray) return x.rank;
  if (ArrayBuffer.isView(x)) return 1;
  let r = 0;
  let v = x;
  while (Array.isArray(v)) {
    r += 1;
    v = v[0];
  }
  if (ArrayBuffer.isView(v)) r += 1;
  return r;
}

/** The reduced axes of a gradient rule, which needs them (and the rank) while building. */
export function staticAxes(x: Tensor, axes: Tensor, what: string): number[] {
  const v = constantValue(axes);
  const rank = x.shape.rank;
  if (!v || rank === null) {
    throw new ValueError(
      `The gradient of ${what} needs constant reduction axes and an input of known rank; '${axes.name}' is not a constant or '${x.name}' has unknown rank`,
    );
  }
  return normalizeAxes(Array.from(v.data as ArrayLike<number>), rank);
}
