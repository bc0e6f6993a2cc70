import { InvalidArgumentError } from '../../errors.js';
import { tfDTypeName, type DType } from '../../graph/dtype.js';
import { TensorShape, type ShapeLike } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { getDefaultGraph } from '../../graph/default.js';

/** TF's message for a placeholder a run needs but was not fed. */
export function unfedPlaceholderMessage(name: string, dtype: DType, shape: TensorShape): string {
  const shapePart = shape.dims === null ? '' : ` and shape ${shape.toBracketString()}`;
  return `You must feed a value for placeholder tensor '${name}' with dtype ${tfDTypeName(dtype)}${shapePart}`;
}

export const Placeholder = defineOp({
  type: 'Placeholder',
  inputs: [],
  attrs: { dtype: attr.type(), shape: attr.shape(TensorShape.unknown()) },
  infer: (_ins, a) => [{ dtype: a.dtype, shape: a.shape }],
  kernel: (_ins, a, ctx) => {
    throw new InvalidArgumentError(unfedPlaceholderMessage(ctx.op.name, a.dtype, a.shape), ctx.op.name);
  },
  grad: 'none',
  stateful: true,
});

/** A value to be fed at run time; `null` dims are unknown. @example tf.placeholder('float32', [null, 784], 'x') */
export function placeholder(dtype: DType, shape?: ShapeLike, name?: string): Tensor {
  return applyOp(Placeholder, [], { dtype, shape: TensorShape.from(shape) }, { name: name ?? 'Placeholder', graph: getDefaultGraph() })[0]!;
}
