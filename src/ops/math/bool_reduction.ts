import type * as tfc from '@tensorflow/tfjs-core';
import { TypeError } from '../../errors.js';
import { isInteger } from '../../graph/dtype.js';
import { attr } from '../core/attr.js';
import { defineOp, type OpRecord } from '../core/define.js';
import { normalizeAxes, reducedShape } from '../util/reduce.js';
import { checkRankAtMost } from './shapes.js';

const boolReductionAttrs = { keep_dims: attr.bool(false), Tidx: attr.type('int32') };

/** All / Any: logical reductions of a bool `input` (no T attr); not differentiable. */
export function defineBoolReduction(
  type: string,
  kernel: (x: tfc.Tensor, axes: number[], keepDims: boolean) => tfc.Tensor,
): OpRecord<typeof boolReductionAttrs> {
  return defineOp({
    type,
    inputs: ['input:bool', 'reduction_indices:Tidx'],
    attrs: boolReductionAttrs,
    infer: ([x, axes], a) => {
      if (!isInteger(a.Tidx))
        throw new TypeError(
          `Value passed to parameter 'reduction_indices' has DataType ${a.Tidx} not in list of allowed values: int32, int64`,
        );
      checkRankAtMost(axes!.shape, 1);
      return [{ dtype: 'bool', shape: reducedShape(x!.shape, axes!.value, a.keep_dims) }];
    },
    kernel: ([x, axes], a) => {
      const ax = normalizeAxes(Array.from(axes!.dataSync()), x!.rank);
      return [ax.length === 0 ? x!.clone() : kernel(x!, ax, a.keep_dims)];
    },
    grad: 'none',
  });
}
