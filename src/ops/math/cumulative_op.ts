import type * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { attr } from '../core/attr.js';
import { defineOp, type GradFn, type OpRecord } from '../core/define.js';
import { checkDType } from './elementwise.js';

const cumulativeAttrs = {
  exclusive: attr.bool(false),
  reverse: attr.bool(false),
  T: attr.type(),
  Tidx: attr.type('int32'),
};
export type CumulativeAttrs = typeof cumulativeAttrs;

/** Cumsum / Cumprod along a scalar `axis`, optionally exclusive and/or reversed. */
export function defineCumulative(
  type: string,
  kernel: (x: tfc.Tensor, axis: number, exclusive: boolean, reverse: boolean) => tfc.Tensor,
  grad: GradFn<CumulativeAttrs>,
): OpRecord<CumulativeAttrs> {
  return defineOp({
    type,
    inputs: ['x', 'axis:Tidx'],
    attrs: cumulativeAttrs,
    infer: ([x, axis], a) => {
      checkDType('x', a.T, 'number');
      const rank = x!.shape.rank;
      if (axis!.value && rank !== null && rank > 0 && axis!.value.size === 1) {
        const ax = Number(axis!.value.data[0]);
        if (ax < -rank || ax >= rank)
          throw new ValueError(
            `axis ${ax} is out of range for a tensor of rank ${rank}: expected [${-rank}, ${rank})`,
          );
      }
      return [{ dtype: a.T, shape: x!.shape }];
    },
    kernel: ([x, axis], a) => {
      if (axis!.size !== 1)
        throw new InvalidArgumentError(
          `ScanOp: axis must be a scalar, not [${axis!.shape.join(',')}]`,
        );
      const rank = x!.rank;
      const ax = axis!.dataSync()[0]!;
      if (ax < -rank || ax >= rank)
        throw new InvalidArgumentError(
          `ScanOp: Expected scan axis in the range [${-rank}, ${rank}), but got ${ax}`,
        );
      return [kernel(x!, ax < 0 ? ax + rank : ax, a.exclusive, a.reverse)];
    },
    grad,
  });
}

export interface CumulativeOptions {
  exclusive?: boolean;
  reverse?: boolean;
  name?: string;
}
