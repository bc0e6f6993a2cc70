import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { maxPool3dGrad } from './max_pool_3d_grad.js';
import { maxPool3dGradGradKernel } from './pool3d_kernels.js';
import type { PoolAttrs } from './pool_kernels.js';
import { checkFloat, pool3dAttrs, pooledShape } from './pool_shape.js';

/** TF's MaxPool3DGradGrad: `grad` (input-shaped) read at each 3-D window's first maximum. */
export const MaxPool3DGradGrad = defineOp({
  type: 'MaxPool3DGradGrad',
  inputs: ['orig_input', 'orig_output', 'grad'],
  attrs: { ...pool3dAttrs(), T: attr.type() },
  infer: ([x, y], a) => {
    checkFloat('orig_input', a.T);
    return [
      {
        dtype: a.T,
        shape: pooledShape(x!.shape, a, 'MaxPool3DGradGrad').mergeWith(y!.shape.withRank(5)),
      },
    ];
  },
  kernel: ([x, , g], a, ctx) => [maxPool3dGradGradKernel(x!, g!, a, ctx.backendName)],
  // TF's _MaxPool3DGradGradGrad.
  grad: ({ inputs: [x, y], attrs }, [dy]) => ({
    orig_input: zerosLike(x!),
    orig_output: zerosLike(y!),
    grad: maxPool3dGrad(x!, y!, dy!, attrs),
  }),
});

/** @example maxPool3dGradGrad(x, y, g, attrs) */
export function maxPool3dGradGrad(
  origInput: TensorLike,
  origOutput: TensorLike,
  grad: TensorLike,
  attrs: PoolAttrs,
  name?: string,
): Tensor {
  const { ksize, strides, padding, data_format } = attrs;
  return applyOp(
    MaxPool3DGradGrad,
    [origInput, origOutput, grad],
    { ksize, strides, padding, data_format },
    { name: name ?? 'MaxPool3DGradGrad' },
  )[0]!;
}
