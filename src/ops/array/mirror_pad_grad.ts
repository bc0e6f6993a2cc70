import * as tfc from '@tensorflow/tfjs-core';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp, type GradResult } from '../core/define.js';
import { MirrorPad } from './mirror_pad.js';
import { MIRROR_MODES, kernelMirrorPaddings, mirrorIndices } from './mirror_pad_util.js';
import { kernelPaddings, paddedShape } from './pad_shape.js';
import { segmentSumRows } from './unsorted_segment_sum.js';

/** Sums the slices of `y` along `axis` into `n` segments by `ids` (the transpose of a gather). */
function segmentSumAlong(y: tfc.Tensor, ids: number[], n: number, axis: number): tfc.Tensor {
  const perm = y.shape.map((_, i) => i);
  perm.splice(axis, 1);
  perm.unshift(axis);
  const moved = axis === 0 ? y : tfc.transpose(y, perm);
  const summed = segmentSumRows(moved, ids, n);
  if (axis === 0) return summed;
  return tfc.transpose(
    summed,
    perm.map((_, i) => perm.indexOf(i)),
  );
}

export const MirrorPadGrad = defineOp({
  type: 'MirrorPadGrad',
  inputs: ['input', 'paddings:Tpaddings'],
  attrs: { T: attr.type(), Tpaddings: attr.type('int32'), mode: attr.oneOf(MIRROR_MODES) },
  infer: ([dy, paddings], a) => [{ dtype: a.T, shape: paddedShape(dy!, paddings!, -1) }],
  kernel: ([dy, paddings], a) => {
    const pairs = kernelPaddings(dy!, paddings!);
    const inDims = dy!.shape.map((d, i) => d - pairs[i]![0] - pairs[i]![1]);
    kernelMirrorPaddings(dy!, paddings!, a.mode, inDims);
    let y = dy!;
    pairs.forEach(([before, after], axis) => {
      if (before === 0 && after === 0) return;
      y = segmentSumAlong(
        y,
        mirrorIndices(inDims[axis]!, before, after, a.mode),
        inDims[axis]!,
        axis,
      );
    });
    return [y === dy ? tfc.clone(dy!) : y];
  },
  // TF's _MirrorPadGradGrad: mirror-pad the incoming gradient.
  grad: ({ inputs: [, paddings], attrs }, [ddx]): GradResult => ({
    input: applyOp(MirrorPad, [ddx!, paddings!], { mode: attrs.mode }, { name: 'MirrorPad' })[0]!,
    paddings: null,
  }),
});
