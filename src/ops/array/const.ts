import * as tfc from '@tensorflow/tfjs-core';
import { TypeError } from '../../errors.js';
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
 * A constant tensor from a host value. With `shape`, a scalar (or single value) fills it and
 * a value of the same size is reshaped, as TF1's tf.constant does.
 * @example tf.constant([[1, 2], [3, 4]], {dtype: 'int32', name: 'c'})
 */
export function constant(value: HostValue, options: ConstantOptions = {}): Tensor {
  let v = toNDArray(value, options.dtype, options.name ?? 'Const');
  if (options.shape) {
    const shape = [...options.shape];
    const size = shape.reduce((a, b) => a * b, 1);
    if (v.size === 1 && size !== 1) {
      const fill = v.data[0]!;
      const data = Array.isArray(v.data) ? new Array<string>(size).fill(fill as string) : new (v.data.constructor as new (n: number) => Float32Array)(size).fill(fill as number);
      v = new NDArray(v.dtype, shape, data);
    } else if (v.size === size) {
      v = new NDArray(v.dtype, shape, v.data);
    } else {
      throw new TypeError(`Eager execution of tf.constant with unsupported shape. Tensor ${JSON.stringify(value)} (converted from ${JSON.stringify(value)}) has ${v.size} elements, but got \`shape\` ${JSON.stringify(shape)} with ${size} elements).`);
    }
  }
  return applyOp(Const, [], { value: v, dtype: v.dtype }, { name: options.name ?? 'Const', graph: getDefaultGraph() })[0]!;
}
