import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { reshape } from './reshape.js';
import { shapeOrConst } from './shape.js';
import { partialInts } from './util.js';

export const Squeeze = defineOp({
  type: 'Squeeze',
  inputs: ['input'],
  attrs: { T: attr.type(), squeeze_dims: attr.ints([]) },
  // TF's Squeeze shape function: unknown dims named in squeeze_dims are assumed 1; squeezing
  // every 1 with an unknown dim gives an unknown shape.
  infer: ([x], a) => {
    const dims = x!.shape.dims;
    if (dims === null) return [{ dtype: a.T, shape: TensorShape.unknown() }];
    const rank = dims.length;
    const wrapped = a.squeeze_dims.map((d, i) => {
      if (d < -rank || d >= rank)
        throw new ValueError(`squeeze_dims[${i}] not in [${-rank},${rank}).`);
      return d < 0 ? d + rank : d;
    });
    const out: Dim[] = [];
    for (let i = 0; i < rank; i++) {
      const explicit = wrapped.includes(i);
      const d = dims[i] ?? null;
      if (d === null) {
        if (explicit) continue;
        if (wrapped.length === 0) return [{ dtype: a.T, shape: TensorShape.unknown() }];
      } else if (d === 1) {
        if (explicit || wrapped.length === 0) continue;
      } else if (explicit) {
        throw new ValueError(`Can not squeeze dim[${i}], expected a dimension of 1, got ${d}`);
      }
      out.push(d);
    }
    return [{ dtype: a.T, shape: new TensorShape(out) }];
  },
  kernel: ([x], a) => {
    const rank = x!.rank;
    const wrapped = a.squeeze_dims.map((d) => {
      if (d < -rank || d >= rank)
        throw new InvalidArgumentError(
          `Tried to squeeze dim index ${d} for tensor with ${rank} dimensions.`,
        );
      return d < 0 ? d + rank : d;
    });
    const out = x!.shape.filter((d, i) => {
      if (wrapped.includes(i)) {
        if (d !== 1)
          throw new InvalidArgumentError(
            `Can not squeeze dim[${i}], expected a dimension of 1, got ${d}`,
          );
        return false;
      }
      return wrapped.length > 0 || d !== 1;
    });
    return [tfc.reshape(x!, out)];
  },
  // TF's _SqueezeGrad: reshape back to the input's shape.
  grad: ({ inputs: [x] }, [dy]) => ({ input: reshape(dy!, shapeOrConst(x!)) }),
  // A vector of one squeezed to a scalar keeps what is known of its entry.
  partialValue: ([x]) => (x!.shape.rank === 1 && x!.shape.dim(0) === 1 ? partialInts(x!) : null),
});

/**
 * TF1's tf.squeeze: removes size-1 dims (only those in `axis` when given).
 * @example tf.squeeze(x, [0])
 */
export function squeeze(
  input: TensorLike,
  axis?: number | readonly number[] | null,
  name?: string,
): Tensor {
  const dims =
    axis === undefined || axis === null ? [] : typeof axis === 'number' ? [axis] : [...axis];
  return applyOp(Squeeze, [input], { squeeze_dims: dims }, { name: name ?? 'Squeeze' })[0]!;
}
