import { ValueError } from '../errors.js';

export type Dim = number | null;
export type ShapeLike = TensorShape | readonly Dim[] | null | undefined;

/**
 * A static shape: dims may be unknown (null) and the rank itself may be unknown (dims null).
 * Immutable; TF's printing is `(?, 28, 28, 1)`, `<unknown>` for unknown rank.
 */
export class TensorShape {
  readonly dims: readonly Dim[] | null;

  constructor(dims: readonly Dim[] | null) {
    if (dims !== null) {
      for (const d of dims) {
        if (d !== null && (!Number.isInteger(d) || d < 0)) {
          throw new ValueError(`Dimension ${String(d)} must be a non-negative integer or null`);
        }
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

  withRank(rank: number): TensorShape {
    return new TensorShape(this.withRankOrThrow(rank));
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

/** Formats a concrete shape as numpy prints it: `(2, 3)`, `(3,)`, `()`. */
export function formatConcreteShape(shape: readonly number[]): string {
  return new TensorShape(shape).toString();
}
