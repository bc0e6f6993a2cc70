import type { Graph } from '../../graph/graph.js';
import type { Operation } from '../../graph/operation.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import type { GraphFunction } from './graph_function.js';
import { createListOp } from './func_op.js';
import { If } from './if.js';

/**
 * TF's most_specific_compatible_shape: dims both branches agree on, unknown where they differ
 * (an unknown rank where the ranks differ).
 */
export function mostSpecificCompatibleShape(a: TensorShape, b: TensorShape): TensorShape {
  if (a.dims === null || b.dims === null || a.dims.length !== b.dims.length)
    return TensorShape.unknown();
  return new TensorShape(a.dims.map((d, i) => (d !== null && d === b.dims![i] ? d : null)));
}

/**
 * Adds an If running `thenFn` or `elseFn` on `inputs` (both take the same inputs and return
 * the same dtypes); `shapes` are the static shapes of the real outputs. The branches'
 * intermediates become further outputs (see If).
 */
export function addIf(
  graph: Graph,
  pred: Tensor,
  inputs: readonly Tensor[],
  thenFn: GraphFunction,
  elseFn: GraphFunction,
  shapes: readonly TensorShape[],
  name: string,
  controlInputs: readonly Operation[] = [],
): Operation {
  const extra = [...thenFn.intermediates, ...elseFn.intermediates];
  return createListOp(
    If,
    graph,
    [pred, ...inputs],
    {
      Tin: inputs.map((t) => t.dtype),
      Tout: [...thenFn.outputs.map((t) => t.dtype), ...extra.map((t) => t.dtype)],
      then_branch: thenFn,
      else_branch: elseFn,
      output_shapes: [...shapes, ...extra.map((t) => t.shape)],
    },
    name,
    controlInputs,
  );
}
