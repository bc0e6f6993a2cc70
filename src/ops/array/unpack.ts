import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { packAxis, stack } from './pack.js';
import { staticShapeOf } from './static.js';
import { bracket, withValue } from './util.js';

export const Unpack = defineOp({
  type: 'Unpack',
  inputs: ['value'],
  attrs: { T: attr.type(), num: attr.int(), axis: attr.int(0) },
  infer: ([x], a) => {
    let out = TensorShape.unknown();
    if (x!.shape.dims !== null) {
      const dims = [...x!.shape.dims];
      const axis = packAxis(a.axis, dims.length);
      withValue(dims[axis] ?? null, a.num);
      dims.splice(axis, 1);
      out = new TensorShape(dims);
    }
    return new Array(a.num).fill(null).map(() => ({ dtype: a.T, shape: out }));
  },
  kernel: ([x], a) => {
    const axis = a.axis < 0 ? a.axis + x!.rank : a.axis;
    if (axis < 0 || axis >= x!.rank)
      throw new InvalidArgumentError(`axis = ${a.axis} not in [${-x!.rank}, ${x!.rank})`);
    if (x!.shape[axis] !== a.num)
      throw new InvalidArgumentError(
        `Input shape axis ${axis} must equal ${a.num}, got shape ${bracket(x!.shape)}`,
      );
    return tfc.unstack(x!, axis);
  },
  // TF's _UnpackGrad: stack the parts' gradients back.
  grad: ({ attrs }, dys) => ({ value: stack(dys as Tensor[], attrs.axis) }),
});

export interface UnstackOptions {
  num?: number | null;
  axis?: number;
  name?: string;
}

/**
 * TF1's tf.unstack: the slices of `value` along `axis`; `num` is inferred from the static shape.
 * @example const [a, b, c] = tf.unstack(x, {axis: 1})
 */
export function unstack(value: TensorLike, options: UnstackOptions = {}): Tensor[] {
  const axis = options.axis ?? 0;
  let num = options.num ?? null;
  if (num === null) {
    const s = staticShapeOf(value);
    if (s.rank !== null && (axis < -s.rank || axis >= s.rank))
      throw new ValueError(`Argument \`axis\` = ${axis} not in range [${-s.rank}, ${s.rank})`);
    num = s.dim(axis);
    if (num === null)
      throw new ValueError(`Cannot infer argument \`num\` from shape ${s.toString()}`);
  }
  return applyOp(Unpack, [value], { num, axis }, { name: options.name ?? 'unstack' });
}
