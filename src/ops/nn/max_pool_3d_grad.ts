import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { maxPool3dGradGrad } from './max_pool_3d_grad_grad.js';
import { maxPool3dGradKernel } from './pool3d_kernels.js';
import type { PoolAttrs } from './pool_kernels.js';
import { checkFloat, pool3dAttrs, pooledShape } from './pool_shape.js';

/** TF's MaxPool3DGrad: `grad` routed to the first maximum of each 3-D window. */
export const MaxPool3DGrad = defineOp({
  type: 'MaxPool3DGrad',
  inputs: ['orig_input:TInput', 'orig_output:TInput', 'grad'],
  attrs: { ...pool3dAttrs(), T: attr.type('float32'), TInput: attr.type('float32') },
  infer: ([x], a) => {
    checkFloat('grad', a.T);
    pooledShape(x!.shape, a, 'MaxPool3DGrad');
    return [{ dtype: a.T, shape: x!.shape.withRank(5) }];
  },
  kernel: ([x, , dy], a, ctx) => [maxPool3dGradKernel(x!, dy!, a, ctx.backendName)],
  // TF's _MaxPool3DGradGrad.
  grad: ({ inputs: [x, y], attrs }, [dy]) => ({
    orig_input: zerosLike(x!),
    orig_output: zerosLike(y!),
    grad: maxPool3dGradGrad(x!, y!, dy!, attrs),
  }),
});

/** @example maxPool3dGrad(x, tf.nn.maxPool3d(x, 2, 2, 'SAME'), dy, attrs) */
export function maxPool3dGrad(
  origInput: TensorLike,
  origOutput: TensorLike,
  grad: TensorLike,
  attrs: PoolAttrs,
  name?: string,
): Tensor {
  const { ksize, strides, padding, data_format } = attrs;
  return applyOp(
    MaxPool3DGrad,
    [origInput, origOutput, grad],
    { ksize, strides, padding, data_format },
    { name: name ?? 'MaxPool3DGrad' },
  )[0]!;
}
