import type { Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { concat } from '../../ops/array/concat_v2.js';
import { constant } from '../../ops/array/const.js';
import { gather } from '../../ops/array/gather_v2.js';
import { stack } from '../../ops/array/pack.js';
import { reshape } from '../../ops/array/reshape.js';
import { shape } from '../../ops/array/shape.js';
import { transpose } from '../../ops/array/transpose.js';
import { matmul } from '../../ops/math/mat_mul.js';
import { reduceProd } from '../../ops/math/prod.js';
import { inScope } from '../../ops/math/scope.js';
import type { Variable } from '../../variables/variable.js';

/**
 * TF's tensordot(a, kernel, [[rank - 1], [0]]) as Dense builds it for inputs of rank > 2,
 * with TF's op names under 'Tensordot/'. A fully known input shape folds to constants
 * (Reshape, MatMul, Reshape); otherwise the shape is computed in the graph.
 */
export function tensordotLastAxis(a: Tensor, kernel: Variable): Tensor {
  const k = kernel.value();
  return inScope([a, k], 'Tensordot', (scope) => {
    const dims = a.shape.asList();
    const units = k.shape.dim(1)!;
    const last = dims[dims.length - 1]!;
    const free = dims.slice(0, -1);
    if (a.shape.isFullyDefined()) {
      const freeDims = free as number[];
      const prodFree = freeDims.reduce((p, d) => p * d, 1);
      const flat = reshape(a, Int32Array.from([prodFree, last]));
      return reshape(matmul(flat, k), Int32Array.from([...freeDims, units]), scope);
    }
    return dynamicTensordot(a, k, free, units, scope);
  });
}

/** TF's _tensordot_reshape for a partly unknown shape: free and contracted sizes gathered from Shape. */
function dynamicTensordot(
  a: Tensor,
  k: Tensor,
  free: readonly Dim[],
  units: number,
  scope: string,
): Tensor {
  const rank = free.length + 1;
  const axes = constant(Int32Array.from([rank - 1]), { name: 'axes' });
  const freeAxes = constant(Int32Array.from(free.map((_, i) => i)), { name: 'free' });
  const shapeA = shape(a);
  const freeDims = gather(shapeA, freeAxes, { axis: 0 });
  const axesDims = gather(shapeA, axes, { axis: 0 });
  const newShape = stack([reduceProd(freeDims), reduceProd(axesDims)]);
  const perm = concat([freeAxes, axes], 0);
  const flat = reshape(transpose(a, perm), newShape);
  const product = matmul(flat, k);
  const out = reshape(product, concat([freeDims, constant(Int32Array.from([units]))], 0), scope);
  out.setShape([...free, units]);
  return out;
}
