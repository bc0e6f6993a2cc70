import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { getDefaultGraph } from '../../graph/default.js';
import { computeDType, type DType } from '../../graph/dtype.js';
import { toNDArray, type HostValue } from '../../graph/host_value.js';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';

/** A constant; its value lives in the `value` attr, as in a GraphDef. */
export const Const = defineOp({
  type: 'Const',
  inputs: [],
  attrs: { value: attr.tensor(), dtype: attr.type() },
  infer: (_ins, a) => [{ dtype: a.dtype, shape: new TensorShape(a.value.shape) }],
  kernel: (_ins, a) => [tfc.tensor(a.value.data, [...a.value.shape], computeDType(a.dtype))],
  grad: 'none',
  constValue: (_ins, a) => a.value,
});

export interface ConstantOptions {
  dtype?: DType;
  shape?: readonly number[];
  name?: string;
}

/**
 * A constant tensor from a host value. With `shape`, as TF1's tf.constant: a value of the same
 * size is reshaped; fewer values fill the rest with the last one (a scalar fills it all); more
 * values are a ValueError.
 * @example tf.constant([[1, 2], [3, 4]], {dtype: 'int32', name: 'c'})
 */
export function constant(value: HostValue, options: ConstantOptions = {}): Tensor {
  let v = toNDArray(value, options.dtype, options.name ?? 'Const');
  if (options.shape) {
    const shape = [...options.shape];
    const size = shape.reduce((a, b) => a * b, 1);
    // TF makes an empty array for a zero-sized shape whatever the value.
    if (size === 0) v = new NDArray(v.dtype, shape, Array.isArray(v.data) ? [] : new (v.data.constructor as new (n: number) => Float32Array)(0));
    else if (v.size > size) throw new ValueError(`Too many elements provided. Takes at most ${size}, but got ${v.size}.`);
    else if (v.size === size) {
      v = new NDArray(v.dtype, shape, v.data);
    } else {
      // TF's TensorProto repeats the last value given (zeros when none is).
      const src = v.data;
      const data = Array.isArray(src) ? new Array<string>(size).fill(src[src.length - 1] ?? '') : new (src.constructor as new (n: number) => Float32Array)(size).fill(src[src.length - 1] ?? 0);
      for (let i = 0; i < src.length; i++) data[i] = src[i]!;
      v = new NDArray(v.dtype, shape, data);
    }
  }
  return applyOp(Const, [], { value: v, dtype: v.dtype }, { name: options.name ?? 'Const', graph: getDefaultGraph() })[0]!;
}
