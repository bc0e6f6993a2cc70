import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { constant } from '../array/const.js';
import { multiply } from '../math/mul.js';
import { subtract } from '../math/sub.js';
import { reduceSum } from '../math/sum.js';
import { defineActivation } from './activation_op.js';
import { alongAxis } from './softmax_axis.js';
import type { HostValue } from '../../graph/host_value.js';

/** TF's Softmax over the last axis (tfjs subtracts the row max first, so large logits are safe). */
export const Softmax = defineActivation({
  type: 'Softmax',
  input: 'logits',
  allowed: 'float',
  minRank: 1,
  kernel: (x) => tfc.softmax(x, -1),
  // TF's _SoftmaxGrad: (dy - sum(dy * y, -1, keepdims)) * y, with Python's operator names.
  grad: ({ outputs: [y] }, [dy]) => ({
    logits: multiply(
      subtract(dy!, reduceSum(multiply(dy!, y!, 'mul'), -1, { keepdims: true }), 'sub'),
      y!,
      'mul',
    ),
  }),
});

export interface SoftmaxOptions {
  /** The class axis (default -1, the last). */
  axis?: number | null;
  name?: string;
}

/** TF1's (logits, axis=None, name=None): the axis positionally or in an options object. */
export function softmaxArgs(
  axisOrOptions: number | null | SoftmaxOptions | undefined,
  name: string | undefined,
): { axis: number; name: string | undefined } {
  if (typeof axisOrOptions === 'object' && axisOrOptions !== null)
    return { axis: axisOrOptions.axis ?? -1, name: axisOrOptions.name ?? name };
  return { axis: axisOrOptions ?? -1, name };
}

/** A tensor for `x`: itself when symbolic, else a Const. */
export function toTensor(x: TensorLike, dtype?: 'float32'): Tensor {
  return symbolicOf(x) ?? constant(x as HostValue, dtype ? { dtype } : {});
}

/**
 * exp(logits) / sum(exp(logits), axis). A non-last axis is transposed to the end and back,
 * as TF1 does.
 * @example tf.nn.softmax(logits, 1)
 */
export function softmax(
  logits: TensorLike,
  axis?: number | null | SoftmaxOptions,
  name?: string,
): Tensor {
  const a = softmaxArgs(axis, name);
  const x = toTensor(logits, 'float32');
  return alongAxis(
    x,
    a.axis,
    (t, n) => applyOp(Softmax, [t], {}, { name: n ?? 'Softmax' })[0]!,
    a.name,
  );
}
