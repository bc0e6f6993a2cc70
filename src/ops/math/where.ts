import * as tfc from '@tensorflow/tfjs-core';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { checkDType } from './elementwise.js';

/**
 * TF's Where: the coordinates (int64, one row per true or non-zero element, in row-major
 * order) of `input`. Its output size depends on the data, so the kernel reads the input.
 */
export const Where = defineOp({
  type: 'Where',
  inputs: ['input'],
  attrs: { T: attr.type('bool') },
  infer: ([x], a) => {
    checkDType('input', a.T, 'comparable');
    return [{ dtype: 'int64', shape: new TensorShape([null, x!.shape.rank]) }];
  },
  kernel: ([x]) => {
    const data = x!.dataSync();
    const shape = x!.shape;
    const strides = shape.map((_, i) => shape.slice(i + 1).reduce((p, d) => p * d, 1));
    const coords: number[] = [];
    let n = 0;
    for (let k = 0; k < data.length; k++) {
      if (!data[k]) continue;
      n += 1;
      shape.forEach((d, i) => coords.push(Math.floor(k / strides[i]!) % d));
    }
    return [tfc.tensor2d(coords, [n, shape.length], 'int32')];
  },
  grad: 'none',
});

/** The coordinates of the true elements of `condition` (TF's Where). @example tf.where(mask) */
export function whereIndices(condition: TensorLike, name?: string): Tensor {
  return applyOp(Where, [condition], {}, { name })[0]!;
}
