import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { checkDType } from '../math/elementwise.js';
import { poolAttrs } from '../util/pool.js';
import { maxPoolGrad } from './max_pool_grad.js';
import { maxPoolKernel } from './pool_kernels.js';
import { checkDataFormat } from './conv_builder.js';
import { pool2dAttrs, pooledShape, type PoolOptions } from './pool_shape.js';

/** TF's MaxPool: the maximum of each window (SAME windows ignore the padding). */
export const MaxPool = defineOp({
  type: 'MaxPool',
  inputs: ['input'],
  attrs: { T: attr.type('float32'), ...pool2dAttrs(), explicit_paddings: attr.ints([]) },
  infer: ([x], a) => {
    checkDType('input', a.T, 'number');
    return [{ dtype: a.T, shape: pooledShape(x!.shape, a, 'MaxPool') }];
  },
  kernel: ([x], a) => [maxPoolKernel(x!, a)],
  // TF's _MaxPoolGrad: routes each output's gradient to its window's maximum.
  grad: ({ inputs: [x], outputs: [y], attrs }, [dy]) => ({
    input: maxPoolGrad(x!, y!, dy!, attrs),
  }),
});

/**
 * Max pooling over the spatial axes. `ksize` and `strides`: a number, one per spatial axis, or
 * TF's 4-element form.
 * @example tf.nn.maxPool(x, 2, 2, 'SAME')  // [?, 28, 28, 8] -> [?, 14, 14, 8]
 */
export function maxPool(
  value: TensorLike,
  ksize: number | readonly number[],
  strides: number | readonly number[],
  padding: string,
  options: PoolOptions = {},
): Tensor {
  const df = checkDataFormat('MaxPool', options.dataFormat ?? 'NHWC', 2);
  return applyOp(MaxPool, [value], poolAttrs('MaxPool', ksize, strides, padding, df), {
    name: options.name ?? 'MaxPool',
  })[0]!;
}
