import * as tfc from '@tensorflow/tfjs-core';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp, type GradResult } from '../core/define.js';
import { MirrorPadGrad } from './mirror_pad_grad.js';
import { MIRROR_MODES, kernelMirrorPaddings, mirrorIndices } from './mirror_pad_util.js';
import { paddedShape } from './pad_shape.js';

export const MirrorPad = defineOp({
  type: 'MirrorPad',
  inputs: ['input', 'paddings:Tpaddings'],
  attrs: { T: attr.type(), Tpaddings: attr.type('int32'), mode: attr.oneOf(MIRROR_MODES) },
  infer: ([x, paddings], a) => [{ dtype: a.T, shape: paddedShape(x!, paddings!) }],
  kernel: ([x, paddings], a) => {
    const pairs = kernelMirrorPaddings(x!, paddings!, a.mode, x!.shape);
    let y = x!;
    pairs.forEach(([before, after], axis) => {
      if (before === 0 && after === 0) return;
      const idx = tfc.tensor1d(mirrorIndices(y.shape[axis]!, before, after, a.mode), 'int32');
      y = tfc.gather(y, idx, axis);
    });
    return [y === x ? tfc.clone(x!) : y];
  },
  // TF's _MirrorPadGrad: MirrorPadGrad folds the padded borders back onto the input.
  grad: ({ inputs: [, paddings], attrs }, [dy]): GradResult => ({
    input: applyOp(
      MirrorPadGrad,
      [dy!, paddings!],
      { mode: attrs.mode },
      { name: 'MirrorPadGrad' },
    )[0]!,
    paddings: null,
  }),
});
