import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import { computeDType } from '../../graph/dtype.js';
import type { Tensor } from '../../graph/tensor.js';

/** The value of a scalar predicate (TF's If / While: a scalar, read on the host). */
export function scalarTruth(t: tfc.Tensor, what: string): boolean {
  if (t.rank !== 0)
    throw new InvalidArgumentError(
      `${what} must be a scalar, but it has shape [${t.shape.join(',')}]`,
    );
  return t.dataSync()[0] !== 0;
}

/** The static shape of `t` with unknown dims as 0 (a scalar for an unknown rank): an empty stack's rows. */
function placeholderShape(t: Tensor): number[] {
  return t.shape.dims === null ? [] : t.shape.dims.map((d) => d ?? 0);
}

/**
 * A stand-in for an output nothing will read: an intermediate no plan step wants, or one of
 * the untaken branch (its gradient function ignores it). A scalar, so it costs nothing however
 * large the real value would be.
 */
export function dummyFor(t: Tensor): tfc.Tensor {
  const dtype = computeDType(t.dtype);
  return dtype === 'string' ? tfc.scalar('', 'string') : tfc.scalar(0, dtype);
}

/**
 * Stacks a loop's per-iteration values of `t` along a new axis 0. Rows of different shapes (an
 * inner loop's accumulator with another trip count) are padded with zeros at the end of each
 * axis; rows of a lower rank than the largest (an untaken branch's scalar stand-in) become
 * zeros. A loop that ran no iteration gives a [0, ...] tensor.
 */
export function stackRows(rows: readonly tfc.Tensor[], t: Tensor): tfc.Tensor {
  const dtype = computeDType(t.dtype);
  if (rows.length === 0)
    return dtype === 'string'
      ? tfc.fill([0, ...placeholderShape(t)], '', 'string')
      : tfc.zeros([0, ...placeholderShape(t)], dtype);
  const first = rows[0]!;
  if (
    rows.every(
      (r) => r.shape.length === first.shape.length && r.shape.every((d, i) => d === first.shape[i]),
    )
  )
    return tfc.stack([...rows]);
  const rank = Math.max(...rows.map((r) => r.rank));
  const dims = Array.from({ length: rank }, (_, i) =>
    Math.max(...rows.filter((r) => r.rank === rank).map((r) => r.shape[i]!)),
  );
  return tfc.tidy(() =>
    tfc.stack(
      rows.map((r) => {
        if (r.rank !== rank) return tfc.zeros(dims, dtype);
        const pads = r.shape.map((d, i) => [0, dims[i]! - d] as [number, number]);
        return pads.some(([, after]) => after > 0) ? tfc.pad(r, pads) : r;
      }),
    ),
  );
}

/** Row `i` of a stacked tensor (axis 0 removed). */
export function sliceRow(stacked: tfc.Tensor, i: number): tfc.Tensor {
  return tfc.tidy(() => {
    const begin = stacked.shape.map((_, k) => (k === 0 ? i : 0));
    const size = stacked.shape.map((d, k) => (k === 0 ? 1 : d));
    return tfc.reshape(tfc.slice(stacked, begin, size), stacked.shape.slice(1));
  });
}
