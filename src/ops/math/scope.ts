import type { DType } from '../../graph/dtype.js';
import type { HostValue } from '../../graph/host_value.js';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { graphOf, symbolicOf, type TensorLike } from '../core/tensor_like.js';

/**
 * Runs a composite builder the way TF1's `with ops.name_scope(name, default, values)` does:
 * in the inputs' graph (made the default, so constants land there) under a unique scope.
 * `fn` receives the scope with its trailing '/', which names an op exactly as the scope.
 */
export function inScope<T = Tensor>(
  inputs: readonly unknown[],
  name: string,
  fn: (scope: string) => T,
): T {
  const g = graphOf(inputs);
  return g.asDefault(() => g.nameScope(name, fn));
}

/**
 * A TensorLike as a symbolic tensor: itself (or a Variable's value), or a Const named `name`
 * in the current scope, as TF's convert_to_tensor(x, dtype, name) does in composites.
 */
export function asTensor(x: TensorLike, dtype: DType | undefined, name: string): Tensor {
  const t = symbolicOf(x);
  if (t) return t;
  return constant(x as HostValue, dtype === undefined ? { name } : { dtype, name });
}
