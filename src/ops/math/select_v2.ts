import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { broadcastShapes } from '../util/broadcast.js';

/** TF's SelectV2 (tf.where_v2): condition, t and e broadcast against each other (numpy rules). */
export const SelectV2 = defineOp({
  type: 'SelectV2',
  inputs: ['condition:bool', 't', 'e'],
  attrs: { T: attr.type() },
  infer: ([c, t, e], a) => [
    { dtype: a.T, shape: broadcastShapes(c!.shape, broadcastShapes(t!.shape, e!.shape)) },
  ],
  kernel: ([c, t, e]) => [tfc.where(c!, t!, e!)],
  broadcasts: true,
  // TF's _SelectGradV2: output-shaped where_v2(c, dy, 0) and where_v2(c, 0, dy); the driver
  // sums each back to its input's shape.
  grad: ({ inputs: [c] }, [dy]) => {
    const zero = constant(0, { dtype: dy!.dtype });
    return { condition: null, t: selectV2(c!, dy!, zero), e: selectV2(c!, zero, dy!) };
  },
});

/**
 * TF's tf.where_v2 with x and y: elements of x where condition holds, else of y, all three
 * broadcast.
 * @example tf.whereV2(tf.greater(x, 0), x, 0)
 */
export function selectV2(
  condition: TensorLike,
  t: TensorLike,
  e: TensorLike,
  name?: string,
): Tensor {
  return applyOp(SelectV2, [condition, t, e], {}, { name })[0]!;
}
