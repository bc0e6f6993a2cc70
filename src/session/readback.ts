import * as tfc from '@tensorflow/tfjs-core';
import type { DType } from '../graph/dtype.js';
import { NDArray, type HostData } from '../graph/ndarray.js';

/** A fetched tfjs tensor as a host NDArray carrying the graph tensor's TF dtype. */
export function toHost(t: tfc.Tensor, dtype: DType, data: unknown): NDArray {
  return new NDArray(dtype, t.shape, data as HostData);
}

const utf8 = new TextDecoder();

/** String tensors are read as raw bytes (tfjs stores them so) and also decoded for `data`. */
function stringArray(t: tfc.Tensor, dtype: DType, raw: unknown): NDArray {
  const bytes = raw as Uint8Array[];
  return new NDArray(dtype, t.shape, bytes.map((b) => utf8.decode(b)), bytes);
}

export function readSync(t: tfc.Tensor, dtype: DType): NDArray {
  if (t.dtype === 'string') return stringArray(t, dtype, tfc.engine().readSync(t.dataId));
  return toHost(t, dtype, t.dataSync());
}

export async function readAsync(t: tfc.Tensor, dtype: DType): Promise<NDArray> {
  if (t.dtype === 'string') return stringArray(t, dtype, await t.bytes());
  return toHost(t, dtype, await t.data());
}
