import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, UnimplementedError } from '../../errors.js';

/**
 * GatherV2 for string tensors, on the host: tfjs' gather accepts only numbers, TF gathers any
 * dtype. Output shape: params[:axis] + indices.shape + params[axis+1:].
 */
export function gatherStrings(params: tfc.Tensor, indices: tfc.Tensor, axis: number, batchDims: number): tfc.Tensor {
  if (batchDims !== 0) throw new UnimplementedError('GatherV2 on string tensors supports batch_dims = 0 only');
  const values = tfc.engine().readSync(params.dataId) as Uint8Array[];
  const idx = Array.from(indices.dataSync());
  const p = params.shape;
  const n = p[axis]!;
  const outer = p.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = p.slice(axis + 1).reduce((a, b) => a * b, 1);
  const out: Uint8Array[] = [];
  for (let o = 0; o < outer; o++) {
    for (const i of idx) {
      if (i < 0 || i >= n) throw new InvalidArgumentError(`indices = ${i} is not in [0, ${n})`);
      for (let k = 0; k < inner; k++) out.push(values[(o * n + i) * inner + k]!);
    }
  }
  return tfc.tensor(out, [...p.slice(0, axis), ...indices.shape, ...p.slice(axis + 1)], 'string');
}
