import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import { NDArray } from '../../graph/ndarray.js';
import { TensorShape } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';

/**
 * The axes each of two broadcast shapes was expanded along (what its gradient must sum), as
 * TF's BCast computes them: none for equal shapes; an axis of size 1 in both goes to both.
 */
export function broadcastReductionAxes(
  s0: readonly number[],
  s1: readonly number[],
): [number[], number[]] {
  const r0: number[] = [];
  const r1: number[] = [];
  if (s0.length === s1.length && s0.every((d, i) => d === s1[i])) return [r0, r1];
  const n = Math.max(s0.length, s1.length);
  for (let i = 0; i < n; i++) {
    const a = s0[s0.length - n + i] ?? 1;
    const b = s1[s1.length - n + i] ?? 1;
    if (a === 1 && b === 1) {
      r0.push(i);
      r1.push(i);
    } else if (a === 1) r0.push(i);
    else if (b === 1) r1.push(i);
    else if (a !== b)
      throw new InvalidArgumentError(
        `Incompatible shapes: [${s0.join(',')}] vs. [${s1.join(',')}]`,
      );
  }
  return [r0, r1];
}

export const BroadcastGradientArgs = defineOp({
  type: 'BroadcastGradientArgs',
  inputs: ['s0', 's1'],
  attrs: { T: attr.type('int32') },
  infer: ([s0, s1], a) => {
    s0!.shape.withRankOrThrow(1, 's0');
    s1!.shape.withRankOrThrow(1, 's1');
    return [
      { dtype: a.T, shape: new TensorShape([null]) },
      { dtype: a.T, shape: new TensorShape([null]) },
    ];
  },
  kernel: ([s0, s1]) => {
    const [r0, r1] = broadcastReductionAxes(Array.from(s0!.dataSync()), Array.from(s1!.dataSync()));
    return [tfc.tensor1d(r0, 'int32'), tfc.tensor1d(r1, 'int32')];
  },
  grad: 'none',
  constValue: ([s0, s1], a) => {
    if (!s0!.value || !s1!.value) return null;
    try {
      const [r0] = broadcastReductionAxes(
        Array.from(s0!.value.data as Int32Array),
        Array.from(s1!.value.data as Int32Array),
      );
      return new NDArray(a.T, [r0.length], Int32Array.from(r0));
    } catch {
      // Incompatible shapes fail when the op runs, as in TF.
      return null;
    }
  },
});
