import { ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { reshape } from '../array/reshape.js';
import { shape } from '../array/shape.js';
import type { TensorLike } from '../core/tensor_like.js';
import { asTensor, inScope } from '../math/scope.js';
import { sparseSoftmaxCrossEntropyWithLogitsOp } from './sparse_softmax_cross_entropy_op.js';
import { flattenOuterDims } from './xent_shapes.js';

export interface SparseSoftmaxCrossEntropyOptions {
  /** Class indices (int32 or int64), shape = logits' shape without its last dim. */
  labels: TensorLike;
  /** Unscaled log probabilities [d0, ..., dn-1, classes]. */
  logits: TensorLike;
  name?: string;
}

function labelsShapeMatch(labels: Tensor, logits: Tensor): boolean {
  const a = labels.shape.dims!;
  const b = logits.shape.dims!.slice(0, -1);
  return a.every((d, i) => d === b[i]);
}

/**
 * TF1's tf.nn.sparse_softmax_cross_entropy_with_logits: -log(softmax(logits)[label]) per
 * example; logits of rank > 2 are flattened to 2-D around the op and the loss reshaped back.
 * @example tf.nn.sparseSoftmaxCrossEntropyWithLogits({labels: classIds, logits})
 */
export function sparseSoftmaxCrossEntropyWithLogits(
  options: SparseSoftmaxCrossEntropyOptions,
): Tensor {
  const o = options;
  if (o.labels === undefined || o.labels === null || o.logits === undefined || o.logits === null) {
    throw new ValueError(
      `Both \`labels\` and \`logits\` must be provided for sparse_softmax_cross_entropy_with_logitsReceived: labels=${o.labels == null ? 'None' : 'a tensor'} and logits=${o.logits == null ? 'None' : 'a tensor'}`,
    );
  }
  return inScope([o.labels, o.logits], o.name ?? 'SparseSoftmaxCrossEntropyWithLogits', () => {
    const labels = asTensor(o.labels, 'int32', 'labels');
    const logits = asTensor(o.logits, 'float32', 'logits');
    const lr = labels.shape.rank;
    const gr = logits.shape.rank;
    const staticDefined =
      labels.shape.isFullyDefined() &&
      logits.shape.dims !== null &&
      logits.shape.dims.slice(0, -1).every((d) => d !== null);
    if (gr === 0)
      throw new ValueError(`\`logits\` cannot be a scalar. Received logits=${logits.toString()}\``);
    if (gr !== null && lr !== null && lr !== gr - 1) {
      throw new ValueError(
        `\`labels.shape.rank\` must equal \`logits.shape.rank - 1\`. Received: labels.shape=${labels.shape.toString()} of rank ${lr} and logits.shape=${logits.shape.toString()} of rank ${gr}`,
      );
    }
    if (staticDefined && !labelsShapeMatch(labels, logits)) {
      throw new ValueError(
        `\`labels.shape\` must equal \`logits.shape\` except for the last dimension. Received: labels.shape=${labels.shape.toString()} and logits.shape=${logits.shape.toString()}`,
      );
    }
    // TF's shape checks: static ones above; the run-time Assert for unknown dims is left to the
    // op's own batch check.
    const labelsShape = labels.shape.isFullyDefined()
      ? Int32Array.from(labels.shape.dims as number[])
      : shape(labels);
    if (gr === 2) return sparseSoftmaxCrossEntropyWithLogitsOp(logits, labels, o.name)[0];
    if (gr === null)
      throw new ValueError(
        `logits must have a known rank, got ${logits.name} with shape <unknown>`,
      );
    const flatLogits = flattenOuterDims(logits, gr);
    const flatLabels = reshape(labels, Int32Array.of(-1));
    const cost = reshape(
      sparseSoftmaxCrossEntropyWithLogitsOp(flatLogits, flatLabels, o.name)[0],
      labelsShape,
    );
    cost.setShape(labels.shape);
    return cost;
  });
}
