import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, TypeError, ValueError } from '../../errors.js';
import { isInteger } from '../../graph/dtype.js';
import { TensorShape } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import { defineOp, type OpRecord } from '../core/define.js';
import { checkDType } from './elementwise.js';
import { checkRankAtMost } from './shapes.js';

const argAttrs = { T: attr.type(), Tidx: attr.type('int32'), output_type: attr.type('int64') };
export type ArgAttrs = typeof argAttrs;

/**
 * ArgMax / ArgMin: the index of the extremum along `dimension` (the first one among ties), as
 * int64 or int32 (`output_type`). Not differentiable (TF's gradient is None).
 */
export function defineArgOp(
  type: string,
  kernel: (x: tfc.Tensor, axis: number) => tfc.Tensor,
): OpRecord<ArgAttrs> {
  return defineOp({
    type,
    inputs: ['input', 'dimension:Tidx'],
    attrs: argAttrs,
    infer: ([x, dim], a) => {
      checkDType('input', a.T, 'number');
      if (!isInteger(a.output_type))
        throw new TypeError(
          `Value passed to parameter 'output_type' has DataType ${a.output_type} not in list of allowed values: int32, int64`,
        );
      checkRankAtMost(dim!.shape, 0);
      const rank = x!.shape.rank;
      if (rank === null) return [{ dtype: a.output_type, shape: TensorShape.unknown() }];
      // Reducing a scalar or a vector gives a scalar (TF's ArgOpShape).
      if (rank <= 1) return [{ dtype: a.output_type, shape: TensorShape.scalar() }];
      if (!dim!.value)
        return [{ dtype: a.output_type, shape: TensorShape.unknownOfRank(rank - 1) }];
      const d = Number(dim!.value.data[0]);
      if (d < -rank || d >= rank) {
        throw new ValueError(
          `Dimension (${d}) must be in the range [${-rank}, ${rank}), where ${rank} is the number of dimensions in the input.`,
        );
      }
      const axis = d < 0 ? d + rank : d;
      return [
        {
          dtype: a.output_type,
          shape: new TensorShape(x!.shape.dims!.filter((_, i) => i !== axis)),
        },
      ];
    },
    kernel: ([x, dim]) => {
      const rank = x!.rank;
      const d = dim!.dataSync()[0]!;
      if (rank === 0) return [tfc.scalar(0, 'int32')];
      if (d < -rank || d >= rank)
        throw new InvalidArgumentError(
          `Expected dimension in the range [${-rank}, ${rank}), but got ${d}`,
        );
      if (x!.shape[d < 0 ? d + rank : d] === 0)
        throw new InvalidArgumentError(
          `Reduction axis ${d} is empty in shape [${x!.shape.join(',')}]`,
        );
      return [kernel(x!, d < 0 ? d + rank : d)];
    },
    grad: 'none',
  });
}

export interface ArgOptions {
  /** 'int64' (TF's default) or 'int32'. */
  outputType?: 'int32' | 'int64';
  name?: string;
}
