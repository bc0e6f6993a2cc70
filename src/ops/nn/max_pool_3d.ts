import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { poolAttrs } from '../util/pool.js';
import { maxPool3dGrad } from './max_pool_3d_grad.js';
import { maxPool3dKernel } from './pool3d_kernels.js';
import { checkDataFormat } from './conv_builder.js';
import { checkFloat, pool3dAttrs, pooledShape, type PoolOptions } from './pool_shape.js';

/** TF's MaxPool3D: the maximum of each 3-D window. */
export const MaxPool3D = defineOp({
  type: 'MaxPool3D',
  inputs: ['input'],
  attrs: { ...pool3dAttrs(), T: attr.type() },
  infer: ([x], a) => {
    checkFloat('input', a.T);
    return [{ dtype: a.T, shape: pooledShape(x!.shape, a, 'MaxPool3D') }];
  },
  kernel: ([x], a, ctx) => [maxPool3dKernel(x!, a, ctx.backendName)],
  // TF's _MaxPool3DGrad.
  grad: ({ inputs: [x], outputs: [y], attrs }, [dy]) => ({
    input: maxPool3dGrad(x!, y!, dy!, attrs),
  }),
});

/**
 * 3-D max pooling over (depth, height, width).
 * @example tf.nn.maxPool3d(x, 2, 2, 'VALID')  // [?, 8, 16, 16, 4] -> [?, 4, 8, 8, 4]
 */
export function maxPool3d(
  input: TensorLike,
  ksize: number | readonly number[],
  strides: number | readonly number[],
  padding: string,
  options: PoolOptions = {},
): Tensor {
  const df = checkDataFormat('MaxPool3D', options.dataFormat ?? 'NDHWC', 3);
  return applyOp(MaxPool3D, [input], poolAttrs('MaxPool3D', ksize, strides, padding, df), {
    name: options.name ?? 'MaxPool3D',
  })[0]!;
}
