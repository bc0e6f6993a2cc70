import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { reshape } from './reshape.js';
import { shapeOrConst } from './shape.js';
import { hostInts, knownInts, partialInts } from './util.js';

export const ExpandDims = defineOp({
  type: 'ExpandDims',
  inputs: ['input', 'dim:Tdim'],
  attrs: { T: attr.type(), Tdim: attr.type('int32') },
  infer: ([x, dimIn], a) => {
    const v = knownInts(dimIn!);
    if (v !== null && v.length !== 1)
      throw new ValueError("'dim' input must be a tensor with a single value");
    if (v === null || x!.shape.dims === null) return [{ dtype: a.T, shape: TensorShape.unknown() }];
    const rank = x!.shape.dims.length;
    let dim = v[0]!;
    if (dim < -rank - 1 || dim > rank)
      throw new ValueError(`dim ${dim} not in the interval [${-rank - 1}, ${rank}].`);
    if (dim < 0) dim += rank + 1;
    const dims = [...x!.shape.dims];
    dims.splice(dim, 0, 1);
    return [{ dtype: a.T, shape: new TensorShape(dims) }];
  },
  kernel: ([x, dimT]) => {
    const v = hostInts(dimT!);
    if (v.length !== 1)
      throw new InvalidArgumentError(`'dim' must be a tensor with a single value`);
    let dim = v[0]!;
    if (dim < -1 - x!.rank || dim > x!.rank)
      throw new InvalidArgumentError(
        `Tried to expand dim index ${dim} for tensor with ${x!.rank} dimensions.`,
      );
    if (dim < 0) dim += x!.rank + 1;
    return [tfc.expandDims(x!, dim)];
  },
  // TF's _ExpandDimsGrad: reshape back to the input's shape.
  grad: ({ inputs: [x] }, [dy]) => ({ input: reshape(dy!, shapeOrConst(x!)), dim: null }),
  constValue: ([x], a) => {
    const v = x!.value;
    return v && v.shape.length === 0 ? new NDArray(a.T, [1], v.data) : null;
  },
  // A scalar made a vector of one (expand_dims(shape(x)[0], 0)) keeps what is known of it.
  partialValue: ([x]) => (x!.shape.rank === 0 ? partialInts(x!) : null),
});

/**
 * TF1's tf.expand_dims: inserts a dimension of size 1 at `axis` (negative counts from the end).
 * @example tf.expandDims(x, -1)
 */
export function expandDims(input: TensorLike, axis: TensorLike, name?: string): Tensor {
  return applyOp(ExpandDims, [input, axis], {}, { name: name ?? 'ExpandDims' })[0]!;
}
