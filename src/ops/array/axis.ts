import { ValueError } from '../../errors.js';
import type { Dim } from '../../graph/shape.js';
import type { InferInput } from '../core/define.js';
import { knownInt } from './util.js';

/**
 * TF's MakeDimForScalarInputWithNegativeIndexing: an axis given as a scalar input, made
 * non-negative against `rank`; null when not known while building (or negative with the rank
 * unknown).
 */
export function scalarAxis(axis: InferInput, rank: number | null): Dim {
  const v = knownInt(axis);
  if (v === null) return null;
  if (v < 0) {
    if (rank === null) return null;
    if (v + rank < 0)
      throw new ValueError(
        `Dimension size, given by scalar input ${v} must be in range [-${rank}, ${rank})`,
      );
    return v + rank;
  }
  if (rank !== null && v >= rank)
    throw new ValueError(
      `Dimension size, given by scalar input ${v} must be in range [-${rank}, ${rank})`,
    );
  return v;
}
