import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, TypeError, ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { expandDims } from '../array/expand_dims.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { multiply } from '../math/mul.js';
import { checkDType } from './activation_op.js';
import { xentKernel, xentSecondOrder } from './softmax_cross_entropy_op.js';

/**
 * TF's SparseSoftmaxCrossEntropyWithLogits: features [batch, classes], int labels [batch];
 * outputs [loss (batch,), backprop (batch, classes)].
 */
export const SparseSoftmaxCrossEntropyWithLogits = defineOp({
  type: 'SparseSoftmaxCrossEntropyWithLogits',
  inputs: ['features', 'labels:Tlabels'],
  attrs: { T: attr.type(), Tlabels: attr.type('int64') },
  infer: ([f, l], a) => {
    checkDType('features', a.T, 'float');
    if (a.Tlabels !== 'int32' && a.Tlabels !== 'int64') {
      throw new TypeError(
        `Value passed to parameter 'labels' has DataType ${a.Tlabels} not in list of allowed values: int32, int64`,
      );
    }
    const [batch, classes] = f!.shape.withRankOrThrow(2);
    const [lbatch] = l!.shape.withRankOrThrow(1);
    if (batch != null && lbatch != null && batch !== lbatch) {
      throw new ValueError(`Dimensions must be equal, but are ${batch} and ${lbatch}`);
    }
    const b = batch ?? lbatch ?? null;
    return [
      { dtype: a.T, shape: new TensorShape([b]) },
      { dtype: a.T, shape: new TensorShape([b, classes ?? null]) },
    ];
  },
  kernel: ([f, l]) => {
    const classes = f!.shape[1]!;
    const labels = l!.dataSync();
    const bad = Array.from(labels).find((v) => v < 0 || v >= classes);
    if (bad !== undefined) {
      throw new InvalidArgumentError(
        `Received a label value of ${bad} which is outside the valid range of [0, ${classes}).  Label values: ${Array.from(labels).join(' ')}`,
      );
    }
    // tfjs 4.22's wasm OneHot writes int32 whatever dtype it is given: make int32, then cast.
    return xentKernel(f!, tfc.cast(tfc.oneHot(tfc.cast(l!, 'int32'), classes), f!.dtype));
  },
  // TF's _SparseSoftmaxCrossEntropyWithLogitsGrad: no gradient for the integer labels.
  grad: ({ inputs: [logits], outputs: [, backprop] }, [gradLoss, gradGrad]) => ({
    features: xentSecondOrder(
      multiply(expandDims(gradLoss!, -1), backprop!, 'mul'),
      gradGrad,
      logits!,
    ),
    labels: null,
  }),
});

/** The raw op: [loss, backprop] for rank-2 features and rank-1 labels. @example sparseSoftmaxCrossEntropyWithLogitsOp(logits, labels) */
export function sparseSoftmaxCrossEntropyWithLogitsOp(
  features: TensorLike,
  labels: TensorLike,
  name?: string,
): [Tensor, Tensor] {
  const [loss, backprop] = applyOp(
    SparseSoftmaxCrossEntropyWithLogits,
    [features, labels],
    {},
    { name },
  );
  return [loss!, backprop!];
}
