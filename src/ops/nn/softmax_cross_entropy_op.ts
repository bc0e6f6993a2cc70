import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { expandDims } from '../array/expand_dims.js';
import { applyOp, constantValue } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { multiply } from '../math/mul.js';
import { negative } from '../math/neg.js';
import { subtract } from '../math/sub.js';
import { reduceSum } from '../math/sum.js';
import { broadcastConcrete, broadcastShapes } from '../util/broadcast.js';
import { checkDType } from './activation_op.js';
import { logSoftmax } from './log_softmax.js';
import { softmax } from './softmax.js';

/**
 * Loss and backprop of softmax cross entropy over the last axis of [batch, classes] logits,
 * computed from logits - max(logits) so that huge logits give finite values (TF's kernel).
 */
export function xentKernel(logits: tfc.Tensor, labels: tfc.Tensor): [tfc.Tensor, tfc.Tensor] {
  const shifted = tfc.sub(logits, tfc.max(logits, -1, true));
  const logSumExp = tfc.log(tfc.sum(tfc.exp(shifted), -1, true));
  const logProbs = tfc.sub(shifted, logSumExp);
  const loss = tfc.neg(tfc.sum(tfc.mul(labels, logProbs), -1));
  return [loss, tfc.sub(tfc.exp(logProbs), labels)];
}

/**
 * True for a gradient the driver filled in for an unused output (TF's _is_zeros_tensor): a
 * ZerosLike, or a constant known to be all zeros.
 */
export function isZerosTensor(t: Tensor | null | undefined): boolean {
  if (!t) return true;
  if (t.op.type === 'ZerosLike') return true;
  const v = constantValue(t);
  return v !== null && Array.from(v.data as ArrayLike<number>).every((e) => e === 0);
}

/**
 * TF's second-order term shared by both cross entropies: the softmax's Jacobian applied to
 * the gradient of the backprop output, (gg - sum(gg * softmax, -1)) * softmax. (TF writes the
 * sum as a batched MatMul of expanded dims; the values are the same.)
 */
export function xentSecondOrder(
  grad: Tensor,
  gradGrad: Tensor | null | undefined,
  logits: Tensor,
): Tensor {
  if (isZerosTensor(gradGrad)) return grad;
  const sm = softmax(logits);
  return add(
    grad,
    multiply(
      subtract(gradGrad!, reduceSum(multiply(gradGrad!, sm, 'mul'), -1, { keepdims: true }), 'sub'),
      sm,
      'mul',
    ),
    'add',
  );
}

/** TF's SoftmaxCrossEntropyWithLogits: outputs [loss (batch,), backprop (batch, classes)]. */
export const SoftmaxCrossEntropyWithLogits = defineOp({
  type: 'SoftmaxCrossEntropyWithLogits',
  inputs: ['features', 'labels'],
  attrs: { T: attr.type() },
  infer: ([f, l], a) => {
    checkDType('features', a.T, 'float');
    const both = broadcastShapes(f!.shape, l!.shape);
    if (both.dims !== null && both.dims.length !== 2) {
      throw new ValueError(
        `Shape must be broadcasted with rank 2, but is rank ${both.dims.length}`,
      );
    }
    const dims = both.dims ?? [null, null];
    return [
      { dtype: a.T, shape: new TensorShape([dims[0] ?? null]) },
      { dtype: a.T, shape: new TensorShape(dims) },
    ];
  },
  kernel: ([f, l]) => {
    const shape = broadcastConcrete(f!.shape, l!.shape);
    return xentKernel(tfc.broadcastTo(f!, shape), tfc.broadcastTo(l!, shape));
  },
  // Features and labels may broadcast against each other; the driver sums gradients back.
  broadcasts: true,
  // TF's _SoftmaxCrossEntropyWithLogitsGrad.
  grad: ({ inputs: [logits], outputs: [, backprop] }, [gradLoss, gradGrad]) => {
    const features = xentSecondOrder(
      multiply(expandDims(gradLoss!, -1), backprop!, 'mul'),
      gradGrad,
      logits!,
    );
    const negLogProbs = negative(logSoftmax(logits!));
    const labels = multiply(expandDims(gradLoss!, -1), negLogProbs, 'mul');
    return { features, labels };
  },
});

/** The raw op: [loss, backprop] for rank-2 features and labels. @example softmaxCrossEntropyWithLogitsOp(logits, labels) */
export function softmaxCrossEntropyWithLogitsOp(
  features: TensorLike,
  labels: TensorLike,
  name?: string,
): [Tensor, Tensor] {
  const [loss, backprop] = applyOp(SoftmaxCrossEntropyWithLogits, [features, labels], {}, { name });
  return [loss!, backprop!];
}
