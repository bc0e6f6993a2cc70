import { TypeError, ValueError } from '../errors.js';
import { computeDType, type DType } from './dtype.js';
import { NDArray, type HostData } from './ndarray.js';
import { pythonTypeName } from './pytype.js';

/** A plain JS value a user may write for a tensor: numbers, booleans, strings, nested arrays. */
export type HostScalar = number | boolean | string;
export type NestedArray = HostScalar | readonly NestedArray[];
export type TypedArrayLike = Float32Array | Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array | Uint16Array | Uint32Array | Uint8ClampedArray;
export type HostValue = NestedArray | TypedArrayLike | NDArray;

export function isTypedArray(x: unknown): x is TypedArrayLike {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

function isIntegerTyped(x: TypedArrayLike): boolean {
  return !(x instanceof Float32Array || x instanceof Float64Array);
}

function flatten(value: unknown, shape: number[], out: unknown[], depth: number, what: string): void {
  if (Array.isArray(value)) {
    if (depth === shape.length) shape.push(value.length);
    else if (shape[depth] !== value.length) {
      throw new ValueError(`${what}: setting an array element with a sequence; the nested lists have inconsistent lengths (${shape[depth]} vs ${value.length} at depth ${depth}).`);
    }
    for (const v of value) flatten(v, shape, out, depth + 1, what);
    return;
  }
  if (isTypedArray(value)) {
    if (depth === shape.length) shape.push(value.length);
    else if (shape[depth] !== value.length) throw new ValueError(`${what}: inconsistent nested lengths`);
    for (const v of value) out.push(v);
    return;
  }
  if (depth !== shape.length) {
    throw new ValueError(`${what}: setting an array element with a sequence; the nested lists have inconsistent depths.`);
  }
  out.push(value);
}

/** The dtype TF would infer for a host value when nothing else says (a JS number is float32). */
export function inferHostDType(value: unknown): DType {
  if (value instanceof NDArray) return value.dtype;
  if (isTypedArray(value)) return isIntegerTyped(value) && !(value instanceof Uint32Array) ? 'int32' : 'float32';
  let first: unknown = value;
  while (Array.isArray(first) || isTypedArray(first)) {
    if (isTypedArray(first)) return isIntegerTyped(first) ? 'int32' : 'float32';
    if (first.length === 0) return 'float32';
    first = first[0];
  }
  if (typeof first === 'boolean') return 'bool';
  if (typeof first === 'string') return 'string';
  return 'float32';
}

function describeScalar(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  return v === null ? 'null' : typeof v;
}

/**
 * Converts a host value to an NDArray of `dtype` (inferred when omitted). Numbers going to an
 * integer dtype must be integers; strings go only to 'string'. `what` names the value in errors.
 * With `cast` (feeds), values convert as numpy's `np.asarray(value, dtype)` does for TF1's
 * feed_dict: floats truncate toward zero for int dtypes, numbers become bools, numeric strings parse.
 */
export function toNDArray(value: unknown, dtype?: DType, what = 'value', cast = false): NDArray {
  if (value instanceof NDArray) {
    if (dtype === undefined || dtype === value.dtype) return value;
    return convertFlat(value.data instanceof Array ? value.data : Array.from(value.data, (v) => (value.dtype === 'bool' ? v === 1 : v)), [...value.shape], dtype, what, cast);
  }
  const shape: number[] = [];
  const flat: unknown[] = [];
  flatten(value, shape, flat, 0, what);
  return convertFlat(flat, shape, dtype ?? inferHostDType(value), what, cast);
}

const INT32_MIN = -2147483648;

/** numpy's cast of one host scalar to a number of `cd` (what a feed of that dtype receives). */
function castScalar(v: unknown, cd: 'float32' | 'int32' | 'bool', what: string): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') {
    if (cd === 'bool') return v !== 0 ? 1 : 0;
    if (cd === 'int32') {
      // numpy turns NaN, infinities and out-of-range values into INT32_MIN on x86.
      if (!Number.isFinite(v) || v >= 2 ** 31 || v <= -(2 ** 31) - 1) return INT32_MIN;
      return Math.trunc(v);
    }
    return v;
  }
  if (typeof v === 'string') {
    if (cd === 'bool') return v.length > 0 ? 1 : 0;
    const t = v.trim();
    if (cd === 'int32') {
      if (!/^[+-]?\d+$/.test(t)) throw new ValueError(`${what}: invalid literal for int() with base 10: '${v}'`);
      return castScalar(Number(t), cd, what);
    }
    const n = Number(t);
    if (t === '' || Number.isNaN(n)) throw new ValueError(`${what}: could not convert string to float: '${v}'`);
    return n;
  }
  throw new TypeError(`${what}: float() argument must be a string or a real number, not '${pythonTypeName(v)}'`);
}

function convertFlat(flat: readonly unknown[], shape: number[], dtype: DType, what: string, cast = false): NDArray {
  const cd = computeDType(dtype);
  let data: HostData;
  if (cd === 'string') {
    data = flat.map((v) => {
      if (typeof v !== 'string') throw new TypeError(`${what}: expected string, got ${String(v)} of type '${describeScalar(v)}' instead.`);
      return v;
    });
  } else {
    const arr = cd === 'float32' ? new Float32Array(flat.length) : cd === 'int32' ? new Int32Array(flat.length) : new Uint8Array(flat.length);
    for (let i = 0; i < flat.length; i++) {
      const v = flat[i];
      if (cast) {
        arr[i] = castScalar(v, cd, what);
        continue;
      }
      let n: number;
      if (typeof v === 'number') n = v;
      else if (typeof v === 'boolean') n = v ? 1 : 0;
      else {
        throw new TypeError(`${what}: expected ${dtype}, got ${JSON.stringify(v)} of type '${describeScalar(v)}' instead.`);
      }
      if (cd === 'int32' && !Number.isInteger(n)) {
        throw new TypeError(`${what}: expected ${dtype}, got ${n} of type '${describeScalar(n)}' instead.`);
      }
      if (cd === 'bool') n = n !== 0 ? 1 : 0;
      arr[i] = n;
    }
    data = arr;
  }
  return new NDArray(dtype, shape, data);
}
