import * as tfc from '@tensorflow/tfjs-core';
import { ValueError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { checkDType } from '../math/elementwise.js';
import { asTensor, inScope } from '../math/scope.js';
import { BIAS_FORMATS, biasChannelAxis, biasFormat, checkBiasRank } from './bias_add_format.js';
import { biasAddGrad } from './bias_add_grad.js';

/** bias added along the channel axis of value, any rank (TF's BiasAdd). */
export const BiasAdd = defineOp({
  type: 'BiasAdd',
  inputs: ['value', 'bias'],
  attrs: { T: attr.type(), data_format: attr.oneOf(BIAS_FORMATS, 'NHWC') },
  infer: ([value, bias], a) => {
    checkDType('value', a.T, 'number');
    checkBiasRank(value!.shape, a.data_format, 'value');
    const [c] = bias!.shape.withRankOrThrow(1, 'bias');
    const dims = value!.shape.dims;
    if (dims === null) return [{ dtype: a.T, shape: TensorShape.unknown() }];
    const axis = biasChannelAxis(dims.length, a.data_format);
    const vc = dims[axis] ?? null;
    if (vc !== null && c !== null && c !== undefined && vc !== c) {
      throw new ValueError(`Dimensions must be equal, but are ${vc} and ${c}`);
    }
    const out = [...dims];
    out[axis] = vc ?? c ?? null;
    return [{ dtype: a.T, shape: new TensorShape(out) }];
  },
  kernel: ([value, bias], a) => {
    if (a.data_format === 'NHWC') return [tfc.add(value!, bias!)];
    const shape = value!.shape.map((_, i) => (i === 1 ? -1 : 1));
    return [tfc.add(value!, tfc.reshape(bias!, shape))];
  },
  // TF's _BiasAddGrad: the value's gradient passes through; the bias' is summed per channel.
  grad: ({ attrs }, [dy]) => ({
    value: dy!,
    bias: biasAddGrad(dy!, { dataFormat: attrs.data_format }),
  }),
});

export interface BiasAddOptions {
  /** 'N...C' (channels last, default) or 'NC...' (channels first), as TF1's bias_add reads it. */
  dataFormat?: string;
  name?: string;
}

/**
 * Adds a 1-D `bias` along the channel axis of `value` (the last one, or axis 1 for 'NC...').
 * @example tf.nn.biasAdd(tf.nn.conv2d(x, w, 1, 'SAME'), b, {dataFormat: 'NHWC'})
 */
export function biasAdd(value: TensorLike, bias: TensorLike, options: BiasAddOptions = {}): Tensor {
  const dataFormat = biasFormat(options.dataFormat);
  // TF1 converts host values inside the op's scope as 'BiasAdd/input' and 'BiasAdd/bias'.
  return inScope([value, bias], options.name ?? 'BiasAdd', (scope) => {
    const v = asTensor(value, undefined, 'input');
    return applyOp(
      BiasAdd,
      [v, asTensor(bias, v.dtype, 'bias')],
      { data_format: dataFormat },
      { name: scope },
    )[0]!;
  });
}
