import { ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import type { InferInput } from '../core/define.js';
import { checkDType } from '../math/elementwise.js';
import type { Padding } from '../util/conv.js';
import { checkWindowAttr, windowedShape } from '../util/pool.js';

/** Attribute specs and shape functions shared by the pooling op records. */

export const POOL2D_FORMATS = ['NHWC', 'NCHW'] as const;
export const POOL3D_FORMATS = ['NDHWC', 'NCDHW'] as const;
export const PADDINGS = ['SAME', 'VALID'] as const;

export const pool2dAttrs = () => ({
  ksize: attr.ints(),
  strides: attr.ints(),
  padding: attr.oneOf(PADDINGS),
  data_format: attr.oneOf(POOL2D_FORMATS, 'NHWC'),
});

export const pool3dAttrs = () => ({
  ksize: attr.ints(),
  strides: attr.ints(),
  padding: attr.oneOf(PADDINGS),
  data_format: attr.oneOf(POOL3D_FORMATS, 'NDHWC'),
});

interface WindowAttrs {
  readonly ksize: readonly number[];
  readonly strides: readonly number[];
  readonly padding: Padding;
  readonly data_format: string;
}

/** The pooled shape of `input` (TF's pooling shape function, with its build-time errors). */
export function pooledShape(input: TensorShape, a: WindowAttrs, opType: string): TensorShape {
  checkWindowAttr(a.ksize, a.data_format, 'ksize', opType);
  checkWindowAttr(a.strides, a.data_format, 'strides', opType);
  const ones = a.ksize.map(() => 1);
  return windowedShape(input, a.data_format, a.ksize, a.strides, ones, a.padding);
}

/** Shape of a gradient op's output given as a shape tensor (AvgPoolGrad's orig_input_shape). */
export function shapeFromInput(sizes: InferInput, rank: number, what: string): TensorShape {
  sizes.shape.withRankOrThrow(1, what);
  const n = sizes.shape.dim(0);
  if (n !== null && n !== rank)
    throw new ValueError(`Shape must be rank ${rank} but is rank ${n} for input '${what}'`);
  if (sizes.value === null) return TensorShape.unknownOfRank(rank);
  return new TensorShape(Array.from(sizes.value.data as ArrayLike<number>));
}

/** AvgPool's type constraint: floating types only (MaxPool also takes integers). */
export function checkFloat(param: string, dtype: InferInput['dtype']): void {
  checkDType(param, dtype, 'float');
}

export interface PoolOptions {
  /** 'NHWC' (default) or 'NCHW'; 'NDHWC' (default) or 'NCDHW' for 3-D pooling. */
  dataFormat?: string;
  name?: string;
}
