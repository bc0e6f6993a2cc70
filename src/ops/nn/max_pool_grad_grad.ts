import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { checkDType } from '../math/elementwise.js';
import { maxPoolGrad } from './max_pool_grad.js';
import { maxPoolGradGradKernel, type PoolAttrs } from './pool_kernels.js';
import { pool2dAttrs, pooledShape } from './pool_shape.js';

/** TF's MaxPoolGradGrad: `grad` (input-shaped) read at each window's first maximum. */
export const MaxPoolGradGrad = defineOp({
  type: 'MaxPoolGradGrad',
  inputs: ['orig_input', 'orig_output', 'grad'],
  attrs: { ...pool2dAttrs(), T: attr.type() },
  infer: ([x, y], a) => {
    checkDType('orig_input', a.T, 'number');
    return [
      {
        dtype: a.T,
        shape: pooledShape(x!.shape, a, 'MaxPoolGradGrad').mergeWith(y!.shape.withRank(4)),
      },
    ];
  },
  kernel: ([x, , g], a, ctx) => [maxPoolGradGradKernel(x!, g!, a, ctx.backendName)],
  // TF's _MaxPoolGradGradGrad: the adjoint is MaxPoolGrad again.
  grad: ({ inputs: [x, y], attrs }, [dy]) => ({
    orig_input: zerosLike(x!),
    orig_output: zerosLike(y!),
    grad: maxPoolGrad(x!, y!, dy!, attrs),
  }),
});

/** @example maxPoolGradGrad(x, y, g, attrs) */
export function maxPoolGradGrad(
  origInput: TensorLike,
  origOutput: TensorLike,
  grad: TensorLike,
  attrs: PoolAttrs,
  name?: string,
): Tensor {
  const { ksize, strides, padding, data_format } = attrs;
  return applyOp(
    MaxPoolGradGrad,
    [origInput, origOutput, grad],
    { ksize, strides, padding, data_format },
    { name: name ?? 'MaxPoolGradGrad' },
  )[0]!;
}
