import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import type { HostValue } from '../../graph/host_value.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { MirrorPad } from './mirror_pad.js';
import { kernelPaddings, padGrad, paddedShape } from './pad_shape.js';
import { PadV2 } from './pad_v2.js';

export const Pad = defineOp({
  type: 'Pad',
  inputs: ['input', 'paddings:Tpaddings'],
  attrs: { T: attr.type(), Tpaddings: attr.type('int32') },
  infer: ([x, paddings], a) => [{ dtype: a.T, shape: paddedShape(x!, paddings!) }],
  kernel: ([x, paddings]) => [
    x!.rank === 0 ? tfc.clone(x!) : tfc.pad(x!, kernelPaddings(x!, paddings!)),
  ],
  grad: ({ inputs: [x, paddings] }, [dy]) => ({
    input: padGrad(x!, paddings!, dy!),
    paddings: null,
  }),
});

export interface PadOptions {
  name?: string;
  /** The value padded in for mode 'CONSTANT' (PadV2 when not a literal 0). */
  constantValues?: TensorLike;
}

/**
 * TF1's tf.pad: 'CONSTANT' (Pad, or PadV2 with constantValues), 'REFLECT' or 'SYMMETRIC'
 * (MirrorPad); `paddings` is [rank, 2] of (before, after).
 * @example tf.pad(x, [[1, 1], [2, 2]], 'REFLECT')
 */
export function pad(
  tensor: TensorLike,
  paddings: TensorLike,
  mode = 'CONSTANT',
  options: PadOptions | string = {},
): Tensor {
  const o = typeof options === 'string' ? { name: options } : options;
  const m = mode.toUpperCase();
  if (m === 'CONSTANT') {
    const cv = o.constantValues ?? 0;
    const literalZero = !symbolicOf(cv) && isScalarZero(cv as HostValue);
    if (literalZero) return applyOp(Pad, [tensor, paddings], {}, { name: o.name ?? 'Pad' })[0]!;
    return applyOp(PadV2, [tensor, paddings, cv], {}, { name: o.name ?? 'PadV2' })[0]!;
  }
  if (m === 'REFLECT' || m === 'SYMMETRIC')
    return applyOp(MirrorPad, [tensor, paddings], { mode: m }, { name: o.name ?? 'MirrorPad' })[0]!;
  throw new ValueError(
    `Value of argument \`mode\` expected to be one of "CONSTANT", "REFLECT", or "SYMMETRIC". Received \`mode\` = ${mode}`,
  );
}

function isScalarZero(v: HostValue): boolean {
  return v === 0 || v === false || v === '';
}
