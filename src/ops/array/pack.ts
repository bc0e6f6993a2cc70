import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import type { DType } from '../../graph/dtype.js';
import type { HostValue } from '../../graph/host_value.js';
import { TensorShape, mergeShapes, type Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { constant } from './const.js';
import { staticShapeOf, toTensor, withGraphOf } from './static.js';
import { unstack } from './unpack.js';
import { bracket } from './util.js';

/** TF's GetAxisForPackAndUnpack. */
export function packAxis(axis: number, rankAfter: number): number {
  if (axis < -rankAfter || axis >= rankAfter)
    throw new ValueError(`Invalid axis: ${axis}; must be in [${-rankAfter},${rankAfter})`);
  return axis < 0 ? axis + rankAfter : axis;
}

export const Pack = defineOp({
  type: 'Pack',
  inputs: ['values*'],
  attrs: { T: attr.type(), N: attr.int(), axis: attr.int(0) },
  infer: (values, a) => {
    let cur = values[values.length - 1]!.shape;
    for (let i = values.length - 2; i >= 0; i--) {
      try {
        cur = mergeShapes(values[i]!.shape, cur);
      } catch (e) {
        if (e instanceof ValueError)
          throw new ValueError(`${e.message}\n\tFrom merging shape ${i} with other shapes.`);
        throw e;
      }
    }
    if (cur.dims === null) return [{ dtype: a.T, shape: TensorShape.unknown() }];
    const axis = packAxis(a.axis, cur.dims.length + 1);
    const dims: Dim[] = [...cur.dims];
    dims.splice(axis, 0, values.length);
    return [{ dtype: a.T, shape: new TensorShape(dims) }];
  },
  kernel: (values, a) => {
    const first = values[0]!;
    values.forEach((v, i) => {
      if (v.rank !== first.rank || v.shape.some((d, j) => d !== first.shape[j])) {
        throw new InvalidArgumentError(
          `Shapes of all inputs must match: values[0].shape = ${bracket(first.shape)} != values[${i}].shape = ${bracket(v.shape)}`,
        );
      }
    });
    const axis = a.axis < 0 ? a.axis + first.rank + 1 : a.axis;
    return [tfc.stack(values, axis)];
  },
  // TF's _PackGrad: unstack the gradient along the same axis.
  grad: ({ attrs }, [dy]) => ({ values: unstack(dy!, { num: attrs.N, axis: attrs.axis }) }),
  // Packed scalars (stack([shape(x)[0], -1])) keep what is known of each.
  partialValue: (values, a) => {
    if (a.axis !== 0 && a.axis !== -1) return null;
    if (values.some((v) => v.shape.rank !== 0)) return null;
    return values.map((v) => (v.partial && v.partial.length === 1 ? v.partial[0]! : null));
  },
});

/** Whether a (nested) host list holds a symbolic tensor somewhere. */
export function holdsTensor(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  return value.some((v) => symbolicOf(v) !== null || holdsTensor(v));
}

function firstTensorDType(value: readonly unknown[]): DType | undefined {
  for (const v of value) {
    const t = symbolicOf(v);
    if (t) return t.dtype;
    if (Array.isArray(v)) {
      const d = firstTensorDType(v);
      if (d) return d;
    }
  }
  return undefined;
}

/**
 * TF's autopacking (convert_to_tensor of a list holding tensors): a Pack named `name` in the
 * current scope, host entries Consts named by their index ('Reshape/shape/1'), nested lists
 * packed likewise; null when the list holds no tensor.
 * @example autopack([tf.shape(x)[0], -1], 'shape')
 */
export function autopack(value: unknown, name: string, dtype?: DType): Tensor | null {
  if (!Array.isArray(value) || !holdsTensor(value)) return null;
  const list: readonly unknown[] = value;
  const d = dtype ?? firstTensorDType(list);
  return withGraphOf([list], (g) =>
    g.nameScope(name, (scope) => {
      const elems = list.map(
        (v, i) =>
          symbolicOf(v) ?? autopack(v, String(i), d) ?? toTensor(v as TensorLike, d, String(i)),
      );
      return applyOp(Pack, [elems], { axis: 0 }, { name: scope })[0]!;
    }),
  );
}

/**
 * TF1's tf.stack: packs tensors of one shape along a new `axis`. Along axis 0 a list of host
 * values is one Const and a mixed list is autopacked, as TF1's stack converts it first.
 * @example tf.stack([a, b], 1)
 */
export function stack(values: readonly TensorLike[], axis = 0, name?: string): Tensor {
  if (values.length > 0) {
    const rank = staticShapeOf(values[0]!).rank;
    if (rank !== null) {
      const n = rank + 1;
      if (axis < -n || axis >= n)
        throw new ValueError(`Argument \`axis\` = ${axis} not in range [${-n}, ${n})`);
    }
  }
  if (axis === 0 && values.length > 0) {
    const packed = autopack(values, name ?? 'stack');
    if (packed) return packed;
    if (values.every((v) => symbolicOf(v) === null)) {
      return withGraphOf([], () => constant(values as HostValue, { name: name ?? 'stack' }));
    }
  }
  return applyOp(Pack, [values], { axis }, { name: name ?? 'stack' })[0]!;
}
