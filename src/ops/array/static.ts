import type { DType } from '../../graph/dtype.js';
import type { Graph } from '../../graph/graph.js';
import { toNDArray, type HostValue } from '../../graph/host_value.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { graphOf, symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { constant } from './const.js';

/** The static shape of a tensor or host value (a host value's is fully known). */
export function staticShapeOf(x: TensorLike): TensorShape {
  const t = symbolicOf(x);
  if (t) return t.shape;
  return new TensorShape(toNDArray(x).shape);
}

/**
 * Runs a composite builder in the graph its inputs live in (made the default, so constants
 * land there too), as TF's name_scope(name, default, values) does.
 */
export function withGraphOf<T>(inputs: readonly unknown[], fn: (g: Graph) => T): T {
  const g = graphOf(inputs);
  return g.asDefault(() => fn(g));
}

/** A Const of `value` as `dtype` named `name` (a scope 'zeros/' names it exactly 'zeros'). */
export function constOf(value: HostValue, dtype: DType, name: string): Tensor {
  return constant(value, { dtype, name });
}

/**
 * A TensorLike as a symbolic tensor: itself, or a Const named `name` in the current scope (TF's
 * convert_to_tensor(x, dtype, name) inside a composite).
 */
export function toTensor(x: TensorLike, dtype: DType | undefined, name: string): Tensor {
  const t = symbolicOf(x);
  if (t) return t;
  return constant(x as HostValue, dtype === undefined ? { name } : { dtype, name });
}
