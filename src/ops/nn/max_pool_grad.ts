import type { Tensor } from '../../graph/tensor.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { checkDType } from '../math/elementwise.js';
import { maxPoolGradGrad } from './max_pool_grad_grad.js';
import { maxPoolGradKernel, type PoolAttrs } from './pool_kernels.js';
import { pool2dAttrs, pooledShape } from './pool_shape.js';

/** TF's MaxPoolGrad: `grad` routed to the first maximum of each window of `orig_input`. */
export const MaxPoolGrad = defineOp({
  type: 'MaxPoolGrad',
  inputs: ['orig_input', 'orig_output', 'grad'],
  attrs: { ...pool2dAttrs(), explicit_paddings: attr.ints([]), T: attr.type('float32') },
  infer: ([x], a) => {
    checkDType('orig_input', a.T, 'number');
    pooledShape(x!.shape, a, 'MaxPoolGrad');
    return [{ dtype: a.T, shape: x!.shape.withRank(4) }];
  },
  kernel: ([x, y, dy], a, ctx) => [maxPoolGradKernel(x!, y!, dy!, a, ctx.backendName)],
  // TF's _MaxPoolGradGrad: linear in `grad`; the routing itself has no gradient.
  grad: ({ inputs: [x, y], attrs }, [dy]) => ({
    orig_input: zerosLike(x!),
    orig_output: zerosLike(y!),
    grad: maxPoolGradGrad(x!, y!, dy!, attrs),
  }),
});

/** @example maxPoolGrad(x, tf.nn.maxPool(x, 2, 2, 'SAME'), dy, attrs) */
export function maxPoolGrad(
  origInput: TensorLike,
  origOutput: TensorLike,
  grad: TensorLike,
  attrs: PoolAttrs,
  name?: string,
): Tensor {
  const { ksize, strides, padding, data_format } = attrs;
  return applyOp(
    MaxPoolGrad,
    [origInput, origOutput, grad],
    { ksize, strides, padding, data_format },
    { name: name ?? 'MaxPoolGrad' },
  )[0]!;
}
