import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape, mergeShapes, type Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { staticShapeOf } from './static.js';
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

/**
 * TF1's tf.stack: packs tensors of one shape along a new `axis`.
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
  return applyOp(Pack, [values], { axis }, { name: name ?? 'stack' })[0]!;
}
