import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { avgPool } from './avg_pool.js';
import { avgPoolGradKernel, type PoolAttrs } from './pool_kernels.js';
import { checkFloat, pool2dAttrs, pooledShape, shapeFromInput } from './pool_shape.js';

/** TF's AvgPoolGrad: each output's gradient spread evenly over its window's in-bounds cells. */
export const AvgPoolGrad = defineOp({
  type: 'AvgPoolGrad',
  inputs: ['orig_input_shape:int32', 'grad'],
  attrs: { ...pool2dAttrs(), T: attr.type() },
  infer: ([sizes, g], a) => {
    checkFloat('grad', a.T);
    const out = shapeFromInput(sizes!, 4, 'orig_input_shape');
    pooledShape(out, a, 'AvgPoolGrad');
    g!.shape.withRank(4);
    return [{ dtype: a.T, shape: out }];
  },
  kernel: ([sizes, g], a) => [avgPoolGradKernel(Array.from(sizes!.dataSync()), g!, a)],
  // TF's _AvgPoolGradGrad: the op is linear in `grad` and its adjoint is AvgPool.
  grad: ({ attrs }, [dy]) => ({
    orig_input_shape: null,
    grad: avgPool(dy!, attrs.ksize, attrs.strides, attrs.padding, {
      dataFormat: attrs.data_format,
    }),
  }),
});

/** @example avgPoolGrad(tf.shape(x), dy, attrs) */
export function avgPoolGrad(
  origInputShape: TensorLike,
  grad: TensorLike,
  attrs: PoolAttrs,
  name?: string,
): Tensor {
  const { ksize, strides, padding, data_format } = attrs;
  return applyOp(
    AvgPoolGrad,
    [origInputShape, grad],
    { ksize, strides, padding, data_format },
    { name: name ?? 'AvgPoolGrad' },
  )[0]!;
}
