import { TypeError, ValueError } from '../errors.js';

export type Dim = number | null;
export type ShapeLike = TensorShape | readonly Dim[] | null | undefined;

/**
 * A static shape: dims may be unknown (null) and the rank itself may be unknown (dims null).
 * Immutable; TF's printing is `(?, 28, 28, 1)`, `<unknown>` for unknown rank.
 * @example new tf.TensorShape([null, 28, 28, 1]).toString() === '(?, 28, 28, 1)'
 */
export class TensorShape {
  readonly dims: readonly Dim[] | null;

  constructor(dims: readonly Dim[] | null) {
    if (dims !== null) {
      for (const d of dims) {
        if (d !== null && !Number.isInteger(d)) {
          throw new TypeError(`Dimension value must be integer or None or have an __index__ method, got value '${String(d)}' with type '${typeof d}'`);
        }
        if (d !== null && d < 0) throw new ValueError(`Dimension ${d} must be >= 0`);
      }
    }
    this.dims = dims === null ? null : Object.freeze([...dims]);
  }

  static unknown(): TensorShape {
    return UNKNOWN;
  }

  static scalar(): TensorShape {
    return SCALAR;
  }

  static from(s: ShapeLike): TensorShape {
    if (s instanceof TensorShape) return s;
    if (s === null || s === undefined) return UNKNOWN;
    return new TensorShape(s);
  }

  static unknownOfRank(rank: number): TensorShape {
    return new TensorShape(new Array<Dim>(rank).fill(null));
  }

  get rank(): number | null {
    return this.dims === null ? null : this.dims.length;
  }

  /** Number of elements if fully defined, else null. */
  get size(): number | null {
    if (!this.isFullyDefined()) return null;
    return (this.dims as number[]).reduce((a, b) => a * b, 1);
  }

  asList(): Dim[] {
    if (this.dims === null) throw new ValueError('as_list() is not defined on an unknown TensorShape.');
    return [...this.dims];
  }

  isFullyDefined(): boolean {
    return this.dims !== null && this.dims.every((d) => d !== null);
  }

  dim(i: number): Dim {
    if (this.dims === null) return null;
    const idx = i < 0 ? this.dims.length + i : i;
    return this.dims[idx] ?? null;
  }

  isCompatibleWith(other: ShapeLike): boolean {
    const o = TensorShape.from(other);
    if (this.dims === null || o.dims === null) return true;
    if (this.dims.length !== o.dims.length) return false;
    return this.dims.every((d, i) => {
      const e = o.dims![i] ?? null;
      return d === null || e === null || d === e;
    });
  }

  mergeWith(other: ShapeLike): TensorShape {
    const o = TensorShape.from(other);
    if (this.dims === null) return o;
    if (o.dims === null) return this;
    if (!this.isCompatibleWith(o)) {
      throw new ValueError(`Shapes ${this.toString()} and ${o.toString()} are not compatible`);
    }
    return new TensorShape(this.dims.map((d, i) => d ?? o.dims![i] ?? null));
  }

  /** TF's TensorShape.with_rank (Python wording; ops' shape functions use withRankOrThrow). */
  withRank(rank: number): TensorShape {
    if (this.dims !== null && this.dims.length !== rank) {
      throw new ValueError(`Shape ${this.toString()} must have rank ${rank}`);
    }
    return new TensorShape(this.withRankOrThrow(rank));
  }

  /** TF's assert_is_compatible_with. */
  assertIsCompatibleWith(other: ShapeLike): void {
    const o = TensorShape.from(other);
    if (!this.isCompatibleWith(o)) throw new ValueError(`Shapes ${this.toString()} and ${o.toString()} are incompatible`);
  }

  /** The dims at exactly `rank` (unknown rank becomes `rank` unknown dims); TF's error otherwise. */
  withRankOrThrow(rank: number, what?: string): Dim[] {
    if (this.dims === null) return new Array<Dim>(rank).fill(null);
    if (this.dims.length !== rank) {
      throw new ValueError(`Shape must be rank ${rank} but is rank ${this.dims.length}${what ? ` for input '${what}'` : ''}`);
    }
    return [...this.dims];
  }

  /** Like withRankOrThrow for a minimum rank. */
  withRankAtLeast(rank: number, what?: string): TensorShape {
    if (this.dims !== null && this.dims.length < rank) {
      throw new ValueError(`Shape must be at least rank ${rank} but is rank ${this.dims.length}${what ? ` for input '${what}'` : ''}`);
    }
    return this;
  }

  concatenate(other: ShapeLike): TensorShape {
    const o = TensorShape.from(other);
    if (this.dims === null || o.dims === null) return UNKNOWN;
    return new TensorShape([...this.dims, ...o.dims]);
  }

  equals(other: ShapeLike): boolean {
    const o = TensorShape.from(other);
    if (this.dims === null || o.dims === null) return this.dims === o.dims;
    return this.dims.length === o.dims.length && this.dims.every((d, i) => d === o.dims![i]);
  }

  /** TF's repr: `(?, 4)`, `(3,)`, `()`, `<unknown>`. */
  toString(): string {
    if (this.dims === null) return '<unknown>';
    const parts = this.dims.map((d) => (d === null ? '?' : String(d)));
    if (parts.length === 1) return `(${parts[0]},)`;
    return `(${parts.join(', ')})`;
  }

  /** TF's runtime form used in op errors: `[?,4]`. */
  toBracketString(): string {
    if (this.dims === null) return '<unknown>';
    return `[${this.dims.map((d) => (d === null ? '?' : String(d))).join(',')}]`;
  }
}

const UNKNOWN = new TensorShape(null);
const SCALAR = new TensorShape([]);

/**
 * TF's C++ shape merge (InferenceContext::Merge), with its messages: what Tensor.set_shape and
 * shape functions report ("Dimension 1 in both shapes must be equal, but are 3 and 4. Shapes
 * are [?,3] and [2,4].").
 */
export function mergeShapes(a: TensorShape, b: TensorShape): TensorShape {
  if (a.dims === null) return b;
  if (b.dims === null) return a;
  if (a.dims.length !== b.dims.length) {
    throw new ValueError(`Shapes must be equal rank, but are ${a.dims.length} and ${b.dims.length}`);
  }
  const out = a.dims.map((d, i) => {
    const e = b.dims![i] ?? null;
    if (d !== null && e !== null && d !== e) {
      throw new ValueError(`Dimension ${i} in both shapes must be equal, but are ${d} and ${e}. Shapes are ${a.toBracketString()} and ${b.toBracketString()}.`);
    }
    return d ?? e;
  });
  return new TensorShape(out);
}

/** Formats a concrete shape as numpy prints it: `(2, 3)`, `(3,)`, `()`. */
export function formatConcreteShape(shape: readonly number[]): string {
  return new TensorShape(shape).toString();
}
