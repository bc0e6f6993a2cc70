import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp, type InferInput } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { shapeOrConst } from './shape.js';
import { bracket, hostInts, partialInts, shapeFromTensor } from './util.js';

/**
 * TF's SetOutputShapeForReshape: the shape tensor's (partly) known value, with one unknown
 * output dim inferred from the input's element count, or matched to the input's one unknown
 * dim when the known parts have equal sizes.
 */
export function reshapeShape(x: InferInput, shape: InferInput): TensorShape {
  const out = shapeFromTensor(shape, 'shape');
  if (out.dims === null || x.shape.dims === null) return out;
  const dims = [...out.dims];
  const unknownIn = x.shape.dims.flatMap((d, i) => (d === null ? [i] : []));
  const unknownOut = dims.flatMap((d, i) => (d === null ? [i] : []));
  if (unknownIn.length > 1 || unknownOut.length > 1) return out;
  const knownIn = x.shape.dims.reduce<number>((a, d) => a * (d ?? 1), 1);
  const knownOut = dims.reduce<number>((a, d) => a * (d ?? 1), 1);
  const divide = (num: number, den: number): number => {
    if (num % den !== 0)
      throw new ValueError(`Dimension size must be evenly divisible by ${den} but is ${num}`);
    return num / den;
  };
  if (unknownIn.length === 0 && unknownOut.length === 0) {
    if (knownIn !== knownOut)
      throw new ValueError(
        `Cannot reshape a tensor with ${knownIn} elements to shape ${out.toBracketString()} (${knownOut} elements)`,
      );
  } else if (unknownIn.length === 0 && knownOut > 0) {
    dims[unknownOut[0]!] = divide(knownIn, knownOut);
  } else if (unknownOut.length === 0 && knownIn !== 0) {
    divide(knownOut, knownIn);
  } else if (unknownIn.length === 1 && unknownOut.length === 1 && knownIn === knownOut) {
    dims[unknownOut[0]!] = x.shape.dims[unknownIn[0]!] ?? null;
  }
  return new TensorShape(dims);
}

/** The concrete target shape of a reshape at run time, with TF's kernel errors. */
function runtimeShape(inSize: number, target: number[]): number[] {
  let unknown = -1;
  let product = 1;
  target.forEach((d, i) => {
    if (d === -1) {
      if (unknown >= 0)
        throw new InvalidArgumentError(
          `Only one input size may be -1, not both ${unknown} and ${i}`,
        );
      unknown = i;
    } else if (d < 0) {
      throw new InvalidArgumentError(`Size ${i} must be non-negative, not ${d}`);
    } else product *= d;
  });
  if (unknown >= 0) {
    if (product === 0 || inSize % product !== 0) {
      throw new InvalidArgumentError(
        `Input to reshape is a tensor with ${inSize} values, but the requested shape requires a multiple of ${product}`,
      );
    }
    const out = [...target];
    out[unknown] = inSize / product;
    return out;
  }
  if (product !== inSize)
    throw new InvalidArgumentError(
      `Input to reshape is a tensor with ${inSize} values, but the requested shape has ${product}`,
    );
  return target;
}

export const Reshape = defineOp({
  type: 'Reshape',
  inputs: ['tensor', 'shape:Tshape'],
  attrs: { T: attr.type(), Tshape: attr.type('int32') },
  infer: ([x, shape], a) => [{ dtype: a.T, shape: reshapeShape(x!, shape!) }],
  kernel: ([x, shape]) => {
    if (shape!.rank !== 1)
      throw new InvalidArgumentError(`shape must be a vector. Got shape ${bracket(shape!.shape)}`);
    return [tfc.reshape(x!, runtimeShape(x!.size, hostInts(shape!)))];
  },
  grad: ({ inputs: [x] }, [dy]) => ({ tensor: reshape(dy!, shapeOrConst(x!)), shape: null }),
  constValue: ([x, shape]) => {
    const out = x!.value ? reshapeShape(x!, shape!) : null;
    return out && out.isFullyDefined()
      ? new NDArray(x!.value!.dtype, out.dims as number[], x!.value!.data)
      : null;
  },
  // Reshaping a scalar to a vector of one (or back) keeps what is known of the entries.
  partialValue: ([x]) => partialInts(x!),
});

/** Reshapes `tensor`; one entry of `shape` may be -1. @example tf.reshape(x, [-1, 784]) */
export function reshape(tensor: TensorLike, shape: TensorLike, name?: string): Tensor {
  return applyOp(Reshape, [tensor, shape], {}, { name })[0]!;
}
