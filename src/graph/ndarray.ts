import { ValueError } from '../errors.js';
import { formatConcreteShape } from './shape.js';
import type { DType } from './dtype.js';

export type NumericArray = Float32Array | Int32Array | Uint8Array;
export type HostData = NumericArray | string[];

/**
 * A host-side tensor value: what `session.run` returns for a fetched tensor, and one form a
 * feed or a constant may take. `data` is row-major; bools are a Uint8Array of 0/1.
 * @example const out = await sess.run(y); out.shape; out.toArray()
 */
export class NDArray {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: HostData;
  /**
   * For 'string' tensors, each element's raw bytes (TF strings are byte strings: a fetched
   * summary is a serialized protobuf that `data`'s UTF-8 decoding would mangle).
   */
  readonly bytes: readonly Uint8Array[] | null;

  constructor(dtype: DType, shape: readonly number[], data: HostData, bytes: readonly Uint8Array[] | null = null) {
    const size = shape.reduce((a, b) => a * b, 1);
    if (data.length !== size) {
      throw new ValueError(`NDArray data has ${data.length} elements but shape ${formatConcreteShape(shape)} needs ${size}`);
    }
    this.dtype = dtype;
    this.shape = Object.freeze([...shape]);
    this.data = data;
    this.bytes = bytes;
  }

  get size(): number {
    return this.data.length;
  }

  get rank(): number {
    return this.shape.length;
  }

  /** Nested JS arrays (numbers, booleans for 'bool', strings for 'string'). */
  toArray(): unknown {
    const read = (i: number): unknown => {
      const v = this.data[i];
      return this.dtype === 'bool' ? v === 1 : v;
    };
    if (this.shape.length === 0) return read(0);
    const build = (dim: number, offset: number): unknown[] => {
      const n = this.shape[dim]!;
      const stride = this.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) {
        out.push(dim === this.shape.length - 1 ? read(offset + i) : build(dim + 1, offset + i * stride));
      }
      return out;
    };
    return build(0, 0);
  }

  /** The single element of a size-1 array, as numpy's item(). */
  item(): number | boolean | string {
    if (this.data.length !== 1) {
      throw new ValueError(`can only convert an array of size 1 to a scalar, got shape ${formatConcreteShape(this.shape)}`);
    }
    const v = this.data[0]!;
    return this.dtype === 'bool' ? v === 1 : v;
  }

  toString(): string {
    return `NDArray(${JSON.stringify(this.toArray())}, dtype=${this.dtype}, shape=${formatConcreteShape(this.shape)})`;
  }
}
