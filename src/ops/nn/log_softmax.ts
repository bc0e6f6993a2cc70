import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { exp } from '../math/exp.js';
import { multiply } from '../math/mul.js';
import { subtract } from '../math/sub.js';
import { reduceSum } from '../math/sum.js';
import { defineActivation } from './activation_op.js';
import { softmaxArgs, toTensor, type SoftmaxOptions } from './softmax.js';
import { alongAxis } from './softmax_axis.js';

/** TF's LogSoftmax over the last axis: logits - logsumexp(logits), stable for large logits. */
export const LogSoftmax = defineActivation({
  type: 'LogSoftmax',
  input: 'logits',
  allowed: 'float',
  minRank: 1,
  kernel: (x) => tfc.logSoftmax(x, -1),
  // TF's _LogSoftmaxGrad: dy - sum(dy, -1, keepdims) * exp(y).
  grad: ({ outputs: [y] }, [dy]) => ({
    logits: subtract(dy!, multiply(reduceSum(dy!, -1, { keepdims: true }), exp(y!), 'mul'), 'sub'),
  }),
});

/** logits - log(sum(exp(logits), axis)). @example tf.nn.logSoftmax(logits) */
export function logSoftmax(
  logits: TensorLike,
  axis?: number | null | SoftmaxOptions,
  name?: string,
): Tensor {
  const a = softmaxArgs(axis, name);
  const x = toTensor(logits, 'float32');
  return alongAxis(
    x,
    a.axis,
    (t, n) => applyOp(LogSoftmax, [t], {}, { name: n ?? 'LogSoftmax' })[0]!,
    a.name,
  );
}
