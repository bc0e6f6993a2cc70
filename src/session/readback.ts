import type * as tfc from '@tensorflow/tfjs-core';
import type { DType } from '../graph/dtype.js';
import { NDArray, type HostData } from '../graph/ndarray.js';

/** A fetched tfjs tensor as a host NDArray carrying the graph tensor's TF dtype. */
export function toHost(t: tfc.Tensor, dtype: DType, data: unknown): NDArray {
  return new NDArray(dtype, t.shape, data as HostData);
}

export function readSync(t: tfc.Tensor, dtype: DType): NDArray {
  return toHost(t, dtype, t.dataSync());
}

export async function readAsync(t: tfc.Tensor, dtype: DType): Promise<NDArray> {
  return toHost(t, dtype, await t.data());
}
