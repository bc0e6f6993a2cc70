import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { kernelPaddings, padGrad, paddedShape } from './pad_shape.js';
import { bracket } from './util.js';

export const PadV2 = defineOp({
  type: 'PadV2',
  inputs: ['input', 'paddings:Tpaddings', 'constant_values'],
  attrs: { T: attr.type(), Tpaddings: attr.type('int32') },
  infer: ([x, paddings, cv], a) => {
    cv!.shape.withRankOrThrow(0, 'constant_values');
    return [{ dtype: a.T, shape: paddedShape(x!, paddings!) }];
  },
  kernel: ([x, paddings, cv]) => {
    if (cv!.rank !== 0)
      throw new InvalidArgumentError(
        `constant_values must be a scalar. Found: ${bracket(cv!.shape)}`,
      );
    if (x!.rank === 0) return [tfc.clone(x!)];
    return [tfc.pad(x!, kernelPaddings(x!, paddings!), cv!.dataSync()[0] as number)];
  },
  // TF registers _PadGrad for PadV2 too: no gradient for the padding value.
  grad: ({ inputs: [x, paddings] }, [dy]) => ({
    input: padGrad(x!, paddings!, dy!),
    paddings: null,
    constant_values: null,
  }),
});
