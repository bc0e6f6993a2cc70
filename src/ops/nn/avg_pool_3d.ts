import type { Tensor } from '../../graph/tensor.js';
import { shape } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { poolAttrs } from '../util/pool.js';
import { avgPool3dGrad } from './avg_pool_3d_grad.js';
import { avgPool3dKernel } from './pool3d_kernels.js';
import { checkDataFormat } from './conv_builder.js';
import { checkFloat, pool3dAttrs, pooledShape, type PoolOptions } from './pool_shape.js';

/** TF's AvgPool3D: the mean of each 3-D window over its in-bounds cells. */
export const AvgPool3D = defineOp({
  type: 'AvgPool3D',
  inputs: ['input'],
  attrs: { ...pool3dAttrs(), T: attr.type() },
  infer: ([x], a) => {
    checkFloat('input', a.T);
    return [{ dtype: a.T, shape: pooledShape(x!.shape, a, 'AvgPool3D') }];
  },
  kernel: ([x], a, ctx) => [avgPool3dKernel(x!, a, ctx.backendName)],
  // TF's _AvgPool3DGrad.
  grad: ({ inputs: [x], attrs }, [dy]) => ({ input: avgPool3dGrad(shape(x!), dy!, attrs) }),
});

/**
 * 3-D average pooling over (depth, height, width); SAME borders average in-bounds cells only.
 * @example tf.nn.avgPool3d(x, [2, 2, 2], 2, 'SAME', {dataFormat: 'NCDHW'})
 */
export function avgPool3d(
  input: TensorLike,
  ksize: number | readonly number[],
  strides: number | readonly number[],
  padding: string,
  options: PoolOptions = {},
): Tensor {
  const df = checkDataFormat('AvgPool3D', options.dataFormat ?? 'NDHWC', 3);
  return applyOp(AvgPool3D, [input], poolAttrs('AvgPool3D', ksize, strides, padding, df), {
    name: options.name ?? 'AvgPool3D',
  })[0]!;
}
