import type * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import { kernelPaddings } from './pad_shape.js';

export const MIRROR_MODES = ['REFLECT', 'SYMMETRIC'] as const;

/**
 * The input index each position of a mirror-padded axis reads: REFLECT leaves out the edge
 * (offset 1), SYMMETRIC repeats it (offset 0).
 */
export function mirrorIndices(
  n: number,
  before: number,
  after: number,
  mode: (typeof MIRROR_MODES)[number],
): number[] {
  const offset = mode === 'REFLECT' ? 1 : 0;
  return Array.from({ length: before + n + after }, (_, j) => {
    if (j < before) return before - j - 1 + offset;
    if (j < before + n) return j - before;
    return n - 1 - (j - before - n) - offset;
  });
}

/** Mirror paddings read by a kernel, with TF's limits on their size. */
export function kernelMirrorPaddings(
  x: tfc.Tensor,
  paddings: tfc.Tensor,
  mode: (typeof MIRROR_MODES)[number],
  dims: readonly number[],
): [number, number][] {
  const pairs = kernelPaddings(x, paddings);
  const offset = mode === 'REFLECT' ? 1 : 0;
  pairs.forEach(([a, b], i) => {
    const d = dims[i]!;
    if (a > d - offset || b > d - offset) {
      throw new InvalidArgumentError(
        offset === 1
          ? `paddings must be less than the dimension size: ${a}, ${b} not less than ${d}`
          : `paddings must be no greater than the dimension size: ${a}, ${b} greater than ${d}`,
      );
    }
  });
  return pairs;
}
