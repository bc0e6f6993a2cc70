import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { avgPool3d } from './avg_pool_3d.js';
import { avgPool3dGradKernel } from './pool3d_kernels.js';
import type { PoolAttrs } from './pool_kernels.js';
import { checkFloat, pool3dAttrs, pooledShape, shapeFromInput } from './pool_shape.js';

/** TF's AvgPool3DGrad: each output's gradient spread evenly over its window's in-bounds cells. */
export const AvgPool3DGrad = defineOp({
  type: 'AvgPool3DGrad',
  inputs: ['orig_input_shape:int32', 'grad'],
  attrs: { ...pool3dAttrs(), T: attr.type() },
  infer: ([sizes, g], a) => {
    checkFloat('grad', a.T);
    const out = shapeFromInput(sizes!, 5, 'orig_input_shape');
    pooledShape(out, a, 'AvgPool3DGrad');
    g!.shape.withRank(5);
    return [{ dtype: a.T, shape: out }];
  },
  kernel: ([sizes, g], a, ctx) => [
    avgPool3dGradKernel(Array.from(sizes!.dataSync()), g!, a, ctx.backendName),
  ],
  // TF's _AvgPool3DGradGrad: the adjoint of this linear op is AvgPool3D.
  grad: ({ attrs }, [dy]) => ({
    orig_input_shape: null,
    grad: avgPool3d(dy!, attrs.ksize, attrs.strides, attrs.padding, {
      dataFormat: attrs.data_format,
    }),
  }),
});

/** @example avgPool3dGrad(tf.shape(x), dy, attrs) */
export function avgPool3dGrad(
  origInputShape: TensorLike,
  grad: TensorLike,
  attrs: PoolAttrs,
  name?: string,
): Tensor {
  const { ksize, strides, padding, data_format } = attrs;
  return applyOp(
    AvgPool3DGrad,
    [origInputShape, grad],
    { ksize, strides, padding, data_format },
    { name: name ?? 'AvgPool3DGrad' },
  )[0]!;
}
