import type { Tensor } from '../../graph/tensor.js';
import { shape } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { poolAttrs } from '../util/pool.js';
import { avgPoolGrad } from './avg_pool_grad.js';
import { avgPoolKernel } from './pool_kernels.js';
import { checkDataFormat } from './conv_builder.js';
import { checkFloat, pool2dAttrs, pooledShape, type PoolOptions } from './pool_shape.js';

/** TF's AvgPool: the mean of each window over its in-bounds cells (SAME padding does not count). */
export const AvgPool = defineOp({
  type: 'AvgPool',
  inputs: ['value'],
  attrs: { ...pool2dAttrs(), T: attr.type() },
  infer: ([x], a) => {
    checkFloat('value', a.T);
    return [{ dtype: a.T, shape: pooledShape(x!.shape, a, 'AvgPool') }];
  },
  kernel: ([x], a) => [avgPoolKernel(x!, a)],
  // TF's _AvgPoolGrad.
  grad: ({ inputs: [x], attrs }, [dy]) => ({ value: avgPoolGrad(shape(x!), dy!, attrs) }),
});

/**
 * Average pooling over the spatial axes; windows at a SAME border average only their
 * in-bounds cells, as TF does.
 * @example tf.nn.avgPool(x, [3, 3], [2, 2], 'SAME', {dataFormat: 'NCHW'})
 */
export function avgPool(
  value: TensorLike,
  ksize: number | readonly number[],
  strides: number | readonly number[],
  padding: string,
  options: PoolOptions = {},
): Tensor {
  const df = checkDataFormat('AvgPool', options.dataFormat ?? 'NHWC', 2);
  return applyOp(AvgPool, [value], poolAttrs('AvgPool', ksize, strides, padding, df), {
    name: options.name ?? 'AvgPool',
  })[0]!;
}
