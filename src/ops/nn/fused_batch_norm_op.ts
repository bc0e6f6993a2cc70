import * as tfc from '@tensorflow/tfjs-core';
import { TensorShape } from '../../graph/shape.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import { checkDType } from './activation_op.js';
import { fusedBatchNormGradV3 } from './fused_batch_norm_grad.js';
import { BN_FORMATS, bnAxes, bnLayout, mergeChannel } from './fused_batch_norm_util.js';

const bnAttrs = {
  T: attr.type(),
  U: attr.type('float32'),
  epsilon: attr.float(0.0001),
  exponential_avg_factor: attr.float(1),
  data_format: attr.oneOf(BN_FORMATS, 'NHWC'),
  is_training: attr.bool(true),
};

/**
 * TF's FusedBatchNormV3. Outputs: y, batch_mean, batch_variance (unbiased in training, as
 * TF's running statistics use it), reserve_space_1 (mean), reserve_space_2 (biased variance,
 * what the gradient normalises with), reserve_space_3 (unused here; empty).
 */
export const FusedBatchNormV3 = defineOp({
  type: 'FusedBatchNormV3',
  inputs: ['x', 'scale:U', 'offset:U', 'mean:U', 'variance:U'],
  attrs: bnAttrs,
  infer: ([x, scale, offset, mean, variance], a) => {
    checkDType('x', a.T, 'float');
    const { rank, channel } = bnLayout(a.data_format);
    const dims = x!.shape.withRankOrThrow(rank);
    let c = dims[channel] ?? null;
    c = mergeChannel(c, scale!, 'scale');
    c = mergeChannel(c, offset!, 'offset');
    if (!a.is_training || a.exponential_avg_factor !== 1) {
      c = mergeChannel(c, mean!, 'mean');
      c = mergeChannel(c, variance!, 'variance');
    }
    dims[channel] = c;
    const vec = { dtype: a.U, shape: new TensorShape([c]) };
    return [
      { dtype: a.T, shape: new TensorShape(dims) },
      vec,
      vec,
      vec,
      vec,
      { dtype: a.U, shape: TensorShape.unknown() },
    ];
  },
  kernel: ([x, scale, offset, mean, variance], a) => {
    const { channel } = bnLayout(a.data_format);
    const channels = x!.shape[channel]!;
    const { axes, perChannel } = bnAxes(a.data_format, channels);
    const at = (t: tfc.Tensor): tfc.Tensor => tfc.reshape(t, perChannel);
    let m: tfc.Tensor;
    let v: tfc.Tensor;
    let batchMean: tfc.Tensor;
    let batchVar: tfc.Tensor;
    if (a.is_training) {
      const moments = tfc.moments(x!, axes);
      m = moments.mean;
      v = moments.variance;
      const n = x!.size / channels;
      const unbiased = tfc.mul(v, n / Math.max(n - 1, 1));
      const f = a.exponential_avg_factor;
      batchMean = f === 1 ? m : tfc.add(tfc.mul(mean!, 1 - f), tfc.mul(m, f));
      batchVar = f === 1 ? unbiased : tfc.add(tfc.mul(variance!, 1 - f), tfc.mul(unbiased, f));
    } else {
      m = mean!;
      v = variance!;
      batchMean = mean!;
      batchVar = variance!;
    }
    const inv = tfc.mul(tfc.rsqrt(tfc.add(v, a.epsilon)), scale!);
    const y = tfc.add(tfc.mul(tfc.sub(x!, at(m)), at(inv)), at(offset!));
    // Each output needs its own handle: the Session frees them separately.
    return [
      y,
      tfc.clone(batchMean),
      tfc.clone(batchVar),
      tfc.clone(m),
      tfc.clone(v),
      tfc.zeros([0]),
    ];
  },
  // TF's _FusedBatchNormV3Grad: only y's gradient flows; mean and variance get none.
  grad: ({ inputs: [x, scale, , mean, variance], outputs, attrs }, [dy]) => {
    const training = attrs.is_training;
    const [dx, dscale, doffset] = fusedBatchNormGradV3(
      dy!,
      x!,
      scale!,
      training ? outputs[3]! : mean!,
      training ? outputs[4]! : variance!,
      outputs[5]!,
      {
        epsilon: attrs.epsilon,
        dataFormat: attrs.data_format,
        isTraining: training,
      },
    );
    return { x: dx, scale: dscale, offset: doffset, mean: null, variance: null };
  },
});
