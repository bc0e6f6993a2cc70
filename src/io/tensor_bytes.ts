import type { DType } from '../graph/dtype.js';
import type { NDArray, NumericArray } from '../graph/ndarray.js';

/**
 * TF's little-endian bytes of a numeric tensor, shared by checkpoints (tensor bundle data) and
 * GraphDefs (TensorProto.tensor_content). float64 and int64 are widened from tfjs' storage.
 */
export function tensorBytes(a: NDArray): Uint8Array {
  const d = a.data as ArrayLike<number>;
  switch (a.dtype) {
    case 'float32':
      return new Uint8Array(Float32Array.from(d).buffer);
    case 'float64':
      return new Uint8Array(Float64Array.from(d).buffer);
    case 'int32':
      return new Uint8Array(Int32Array.from(d).buffer);
    case 'int64':
      return new Uint8Array(BigInt64Array.from(Array.from(d, (v) => BigInt(v))).buffer);
    case 'bool':
      return Uint8Array.from(d, (v) => (v ? 1 : 0));
    case 'string':
      throw new Error('string tensors have no fixed-width byte encoding');
  }
}

/**
 * The values of TF's little-endian bytes in tfjs' storage for `dtype` (float64 narrowed to
 * float32, int64 to int32). `int64Overflow` decides what a value outside int32 does; without it
 * the value wraps, as Int32Array conversion does.
 */
export function valuesFromBytes(dtype: Exclude<DType, 'string'>, bytes: Uint8Array, int64Overflow?: (v: bigint) => never): NumericArray {
  // A copy: the bytes may be a view into a larger (or shared, pooled) buffer.
  const buf = new Uint8Array(bytes).buffer;
  switch (dtype) {
    case 'float32':
      return new Float32Array(buf);
    case 'float64':
      return Float32Array.from(new Float64Array(buf));
    case 'int32':
      return new Int32Array(buf);
    case 'int64':
      return Int32Array.from(new BigInt64Array(buf), (v) => {
        if (int64Overflow && (v > 2147483647n || v < -2147483648n)) int64Overflow(v);
        return Number(v);
      });
    case 'bool':
      return new Uint8Array(buf);
  }
}
