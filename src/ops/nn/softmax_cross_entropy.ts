import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { reshape } from '../array/reshape.js';
import { stopGradient } from '../array/stop_gradient.js';
import { transpose } from '../array/transpose.js';
import type { TensorLike } from '../core/tensor_like.js';
import { cast } from '../math/cast.js';
import { asTensor, inScope } from '../math/scope.js';
import { softmaxCrossEntropyWithLogitsOp } from './softmax_cross_entropy_op.js';
import { flattenOuterDims, knownRank, outerShape } from './xent_shapes.js';

export interface SoftmaxCrossEntropyOptions {
  /** A probability distribution along `axis` for each example. */
  labels: TensorLike;
  /** Unscaled log probabilities. */
  logits: TensorLike;
  /** The class axis (default -1); TF1's deprecated `dim` is accepted too. */
  axis?: number;
  dim?: number;
  name?: string;
}

function describe(x: TensorLike | undefined): string {
  return x === undefined || x === null ? 'None' : 'a tensor';
}

function checkArgs(
  fn: string,
  o: Partial<SoftmaxCrossEntropyOptions>,
): asserts o is SoftmaxCrossEntropyOptions {
  if (o.labels === undefined || o.labels === null || o.logits === undefined || o.logits === null) {
    throw new ValueError(
      `Both \`labels\` and \`logits\` must be provided for ${fn}Received: labels=${describe(o.labels)} and logits=${describe(o.logits)}`,
    );
  }
}

/**
 * TF1's softmax_cross_entropy_with_logits_v2 body, inside scope `scope` (the op itself is
 * named after the scope): the class axis moved last, outer dims flattened, one
 * SoftmaxCrossEntropyWithLogits op, the loss reshaped back.
 */
function xentBody(scope: string, labelsIn: TensorLike, logitsIn: TensorLike, axis: number): Tensor {
  let logits = asTensor(logitsIn, undefined, 'logits');
  let labels = cast(asTensor(labelsIn, logits.dtype, 'labels'), logits.dtype);
  const rank = knownRank(logits, 'logits');
  const staticShape = logits.shape;
  if (axis !== -1) {
    if (axis < -rank || axis >= rank)
      throw new ValueError(`axis ${axis} is out of bounds for logits of rank ${rank}`);
    const dim = (axis + rank) % rank;
    const perm = Int32Array.from([
      ...Array.from({ length: rank }, (_, i) => i).filter((i) => i !== dim),
      dim,
    ]);
    logits = transpose(logits, perm);
    labels = transpose(labels, perm);
  }
  const outShape = outerShape(logits, rank);
  const cost = softmaxCrossEntropyWithLogitsOp(
    flattenOuterDims(logits, rank),
    flattenOuterDims(labels, rank),
    scope,
  )[0];
  const out = reshape(cost, outShape);
  if (staticShape.dims !== null) {
    const dims = [...staticShape.dims];
    dims.splice(axis < 0 ? axis + rank : axis, 1);
    out.setShape(dims);
  }
  return out;
}

/**
 * TF1's tf.nn.softmax_cross_entropy_with_logits: -sum(labels * log_softmax(logits), axis) per
 * example; no gradient flows into the labels (TF1's labels_stop_gradient).
 * @example tf.nn.softmaxCrossEntropyWithLogits({labels: onehot, logits})
 */
export function softmaxCrossEntropyWithLogits(options: SoftmaxCrossEntropyOptions): Tensor {
  checkArgs('softmax_cross_entropy_with_logits', options);
  const axis = options.axis ?? options.dim ?? -1;
  return inScope(
    [options.logits, options.labels],
    options.name ?? 'softmax_cross_entropy_with_logits_sg',
    (scope) => {
      const labels = stopGradient(options.labels, 'labels_stop_gradient');
      return xentBody(scope, labels, options.logits, axis);
    },
  );
}

/**
 * TF1's tf.nn.softmax_cross_entropy_with_logits_v2: as softmaxCrossEntropyWithLogits, with
 * gradients into the labels too.
 * @example tf.nn.softmaxCrossEntropyWithLogitsV2({labels: soft, logits})
 */
export function softmaxCrossEntropyWithLogitsV2(options: SoftmaxCrossEntropyOptions): Tensor {
  checkArgs('softmax_cross_entropy_with_logits', options);
  const axis = options.axis ?? options.dim ?? -1;
  return inScope(
    [options.logits, options.labels],
    options.name ?? 'softmax_cross_entropy_with_logits',
    (scope) => xentBody(scope, options.labels, options.logits, axis),
  );
}
