import { ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';

/**
 * TF's InferenceContext::Merge with its wording: equal ranks, and every pair of known dims
 * equal; the result takes the known dim of either side.
 */
export function mergeShapes(a: TensorShape, b: TensorShape): TensorShape {
  if (a.dims === null) return b;
  if (b.dims === null) return a;
  if (a.dims.length !== b.dims.length) {
    throw new ValueError(
      `Shapes must be equal rank, but are ${a.dims.length} and ${b.dims.length}`,
    );
  }
  a.dims.forEach((d, i) => {
    const e = b.dims![i] ?? null;
    if (d !== null && e !== null && d !== e) {
      throw new ValueError(
        `Dimension ${i} in both shapes must be equal, but are ${d} and ${e}. Shapes are ${a.toBracketString()} and ${b.toBracketString()}.`,
      );
    }
  });
  return new TensorShape(a.dims.map((d, i) => d ?? b.dims![i] ?? null));
}

/** The rank-0 or rank-1 check TF applies to axis inputs ('Shape must be at most rank 1 ...'). */
export function checkRankAtMost(s: TensorShape, rank: number): void {
  if (s.rank !== null && s.rank > rank) {
    throw new ValueError(`Shape must be at most rank ${rank} but is rank ${s.rank}`);
  }
}

/** TF's WithRank for an input that must have exactly `rank` dims. */
export function checkRank(s: TensorShape, rank: number): void {
  if (s.rank !== null && s.rank !== rank) {
    throw new ValueError(`Shape must be rank ${rank} but is rank ${s.rank}`);
  }
}
