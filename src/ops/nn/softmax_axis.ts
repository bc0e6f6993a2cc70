import { InvalidArgumentError, ValueError } from '../../errors.js';
import type { Tensor } from '../../graph/tensor.js';
import { transpose } from '../array/transpose.js';

/**
 * TF1's _wrap_2d_function: applies a last-axis op (Softmax, LogSoftmax) along `axis` by
 * swapping that axis with the last one before and after. The permutation is a constant here
 * (TF builds it with Range/ConcatV2 ops; the values are the same).
 */
export function alongAxis(
  x: Tensor,
  axis: number,
  compute: (t: Tensor, name?: string) => Tensor,
  name?: string,
): Tensor {
  const rank = x.shape.rank;
  if (axis === -1 || (rank !== null && axis === rank - 1)) return compute(x, name);
  if (rank === null) {
    throw new ValueError(
      `Cannot apply softmax along axis ${axis} of a tensor of unknown rank; give the input a known rank`,
    );
  }
  if (axis < -rank || axis >= rank) {
    throw new InvalidArgumentError(
      `\`dim\` must be in the range [${-rank}, ${rank}) where ${rank} is the number of dimensions in the input. Received: dim=${axis}`,
    );
  }
  const dim = (axis + rank) % rank;
  const perm = Int32Array.from({ length: rank }, (_, i) =>
    i === dim ? rank - 1 : i === rank - 1 ? dim : i,
  );
  const out = transpose(compute(transpose(x, perm)), perm, name);
  out.setShape(x.shape);
  return out;
}
