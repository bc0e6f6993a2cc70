import type * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import type { InferInput } from '../core/define.js';

/** What is known of an integer scalar or vector input, entry by entry (null: unknown). */
export function partialInts(x: InferInput): readonly Dim[] | null {
  if (x.partial) return x.partial;
  if (x.value && x.value.dtype !== 'string' && x.value.shape.length <= 1)
    return Array.from(x.value.data as ArrayLike<number>);
  return null;
}

/** Every entry of an integer input when all are known while building, else null. */
export function knownInts(x: InferInput): number[] | null {
  if (x.value && x.value.dtype !== 'string') return Array.from(x.value.data as ArrayLike<number>);
  const p = partialInts(x);
  return p && p.every((d) => d !== null) ? (p as number[]) : null;
}

/** A known integer scalar (or single-element) input, else null. */
export function knownInt(x: InferInput): number | null {
  const v = knownInts(x);
  return v && v.length === 1 ? v[0]! : null;
}

/**
 * TF's InferenceContext::MakeShapeFromShapeTensor: the static shape a 1-D integer "shape"
 * input describes. Unknown entries and -1 are unknown dims; with no value, a vector of known
 * length gives that rank.
 */
export function shapeFromTensor(s: InferInput, what?: string): TensorShape {
  s.shape.withRankOrThrow(1, what);
  const p = partialInts(s);
  if (p) {
    return new TensorShape(
      p.map((d) => {
        if (d === null || d === -1) return null;
        if (d < -1) throw new ValueError(`Invalid value in tensor used for shape: ${d}`);
        return d;
      }),
    );
  }
  const n = s.shape.dim(0);
  return n === null ? TensorShape.unknown() : TensorShape.unknownOfRank(n);
}

/** A kernel's small integer input read back to the host (axes, perms, shapes, paddings). */
export function hostInts(t: tfc.Tensor): number[] {
  return Array.from(t.dataSync() as ArrayLike<number>);
}

/** TF's runtime shape form `[2,3]`. */
export function bracket(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

/** TF's dimension Add/Multiply on possibly unknown dims. */
export function addDims(a: Dim, b: Dim): Dim {
  return a === null || b === null ? null : a + b;
}

export function mulDims(a: Dim, b: Dim): Dim {
  if (a === 0 || b === 0) return 0;
  if (a === 1) return b;
  if (b === 1) return a;
  return a === null || b === null ? null : a * b;
}

/** TF's InferenceContext::WithValue: a dim that must equal `value`. */
export function withValue(d: Dim, value: number): number {
  if (d !== null && d !== value) throw new ValueError(`Dimension must be ${value} but is ${d}`);
  return value;
}
