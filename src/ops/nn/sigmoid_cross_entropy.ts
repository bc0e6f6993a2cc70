import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { exp } from '../math/exp.js';
import { greaterEqual } from '../math/greater_equal.js';
import { log1p } from '../math/log1p.js';
import { multiply } from '../math/mul.js';
import { negative } from '../math/neg.js';
import { asTensor, inScope } from '../math/scope.js';
import { where } from '../math/select.js';
import { subtract } from '../math/sub.js';

export interface SigmoidCrossEntropyOptions {
  /** Targets in [0, 1], the shape of `logits`. */
  labels: TensorLike;
  logits: TensorLike;
  name?: string;
}

/**
 * TF1's tf.nn.sigmoid_cross_entropy_with_logits, built as TF1 builds it for stability:
 * max(x, 0) - x * z + log(1 + exp(-|x|)), with the max and -|x| as Selects on x >= 0.
 * @example tf.nn.sigmoidCrossEntropyWithLogits({labels, logits})
 */
export function sigmoidCrossEntropyWithLogits(options: SigmoidCrossEntropyOptions): Tensor {
  const o = options;
  if (o.labels === undefined || o.labels === null || o.logits === undefined || o.logits === null) {
    throw new ValueError(
      `Both \`labels\` and \`logits\` must be provided for sigmoid_cross_entropy_with_logitsReceived: labels=${o.labels == null ? 'None' : 'a tensor'} and logits=${o.logits == null ? 'None' : 'a tensor'}`,
    );
  }
  return inScope([o.logits, o.labels], o.name ?? 'logistic_loss', (scope) => {
    const logits = asTensor(o.logits, 'float32', 'logits');
    const labels = asTensor(o.labels, logits.dtype, 'labels');
    if (!labels.shape.isCompatibleWith(logits.shape)) {
      throw new ValueError(
        `\`logits\` and \`labels\` must have the same shape, received (${logits.shape.toString()} vs ${labels.shape.toString()}).`,
      );
    }
    const zeros = zerosLike(logits, 'zeros_like');
    const cond = greaterEqual(logits, zeros);
    const reluLogits = where(cond, logits, zeros);
    const negAbsLogits = where(cond, negative(logits), logits);
    return add(
      subtract(reluLogits, multiply(logits, labels, 'mul'), 'sub'),
      log1p(exp(negAbsLogits)),
      scope,
    );
  });
}
