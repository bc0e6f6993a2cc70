import { ValueError } from '../../errors.js';
import type { NDArray } from '../../graph/ndarray.js';
import { TensorShape, type Dim } from '../../graph/shape.js';

/** Normalises reduction axes against a rank (negative axes count from the end). */
export function normalizeAxes(axes: readonly number[], rank: number): number[] {
  const out: number[] = [];
  for (const a of axes) {
    if (a < -rank || a >= Math.max(rank, 1)) {
      throw new ValueError(`Invalid reduction dimension ${a} for input with ${rank} dimensions.`);
    }
    const n = a < 0 ? a + rank : a;
    if (!out.includes(n)) out.push(n);
  }
  return out.sort((x, y) => x - y);
}

/** Static shape of a reduction; `axes` null when the axes are not known while building. */
export function reducedShape(input: TensorShape, axes: NDArray | null, keepDims: boolean): TensorShape {
  if (input.dims === null) return TensorShape.unknown();
  const rank = input.dims.length;
  if (axes === null) return keepDims ? TensorShape.unknownOfRank(rank) : TensorShape.unknown();
  const ax = normalizeAxes(Array.from(axes.data as ArrayLike<number>), rank);
  const out: Dim[] = [];
  input.dims.forEach((d, i) => {
    if (ax.includes(i)) {
      if (keepDims) out.push(1);
    } else out.push(d);
  });
  return new TensorShape(out);
}
