import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';

/** The axes each of two broadcast shapes was expanded along (what its gradient must sum). */
export function broadcastReductionAxes(s0: readonly number[], s1: readonly number[]): [number[], number[]] {
  const n = Math.max(s0.length, s1.length);
  const r0: number[] = [];
  const r1: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = s0[s0.length - n + i] ?? 1;
    const b = s1[s1.length - n + i] ?? 1;
    if (a !== b && a !== 1 && b !== 1) {
      throw new InvalidArgumentError(`Incompatible shapes: [${s0.join(',')}] vs. [${s1.join(',')}]`);
    }
    // Leading axes a shape lacks, and its size-1 axes the other shape expanded.
    if (i < n - s0.length || (a === 1 && b !== 1)) r0.push(i);
    if (i < n - s1.length || (b === 1 && a !== 1)) r1.push(i);
  }
  return [r0, r1];
}

export const BroadcastGradientArgs = defineOp({
  type: 'BroadcastGradientArgs',
  inputs: ['s0', 's1'],
  attrs: { T: attr.type('int32') },
  infer: () => [
    { dtype: 'int32', shape: new TensorShape([null]) },
    { dtype: 'int32', shape: new TensorShape([null]) },
  ],
  kernel: ([s0, s1]) => {
    const [r0, r1] = broadcastReductionAxes(Array.from(s0!.dataSync()), Array.from(s1!.dataSync()));
    return [tfc.tensor1d(r0, 'int32'), tfc.tensor1d(r1, 'int32')];
  },
  grad: 'none',
  constValue: ([s0, s1]) => {
    if (!s0!.value || !s1!.value) return null;
    const [r0] = broadcastReductionAxes(Array.from(s0!.value.data as Int32Array), Array.from(s1!.value.data as Int32Array));
    return new NDArray('int32', [r0.length], Int32Array.from(r0));
  },
});
