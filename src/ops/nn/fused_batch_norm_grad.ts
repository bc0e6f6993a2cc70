import * as tfc from '@tensorflow/tfjs-core';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { reshape } from '../array/reshape.js';
import { zerosLike } from '../array/zeros_like.js';
import { applyOp } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { multiply } from '../math/mul.js';
import { divide } from '../math/real_div.js';
import { rsqrt } from '../math/rsqrt.js';
import { subtract } from '../math/sub.js';
import { reduceSum } from '../math/sum.js';
import { reduceMean } from '../math/mean.js';
import { checkDType } from './activation_op.js';
import {
  BN_FORMATS,
  bnAxes,
  bnLayout,
  mergeChannel,
  type BnFormat,
} from './fused_batch_norm_util.js';

/**
 * TF's FusedBatchNormGradV3: gradients of y = (x - mean) * rsqrt(var + eps) * scale + offset
 * for x, scale and offset. In training, mean and var are the batch statistics (reserve spaces
 * 1 and 2) and depend on x; in inference they are the population statistics.
 */
export const FusedBatchNormGradV3 = defineOp({
  type: 'FusedBatchNormGradV3',
  inputs: [
    'y_backprop',
    'x',
    'scale:float32',
    'reserve_space_1:U',
    'reserve_space_2:U',
    'reserve_space_3:U',
  ],
  attrs: {
    T: attr.type(),
    U: attr.type('float32'),
    epsilon: attr.float(0.0001),
    data_format: attr.oneOf(BN_FORMATS, 'NHWC'),
    is_training: attr.bool(true),
  },
  infer: ([dy, x, scale, rs1, rs2], a) => {
    checkDType('y_backprop', a.T, 'float');
    const { rank, channel } = bnLayout(a.data_format);
    const dims = x!.shape.mergeWith(dy!.shape).withRankOrThrow(rank);
    let c = dims[channel] ?? null;
    c = mergeChannel(c, scale!, 'scale');
    c = mergeChannel(c, rs1!, 'reserve_space_1');
    c = mergeChannel(c, rs2!, 'reserve_space_2');
    dims[channel] = c;
    const vec = { dtype: a.U, shape: new TensorShape([c]) };
    const empty = { dtype: a.U, shape: new TensorShape([0]) };
    return [{ dtype: a.T, shape: new TensorShape(dims) }, vec, vec, empty, empty];
  },
  kernel: ([dy, x, scale, mean, variance], a) => {
    const { channel } = bnLayout(a.data_format);
    const { axes, perChannel } = bnAxes(a.data_format, x!.shape[channel]!);
    const at = (t: tfc.Tensor): tfc.Tensor => tfc.reshape(t, perChannel);
    const inv = tfc.rsqrt(tfc.add(variance!, a.epsilon));
    const xc = tfc.sub(x!, at(mean!));
    const dOffset = tfc.sum(dy!, axes);
    const dScale = tfc.mul(tfc.sum(tfc.mul(dy!, xc), axes), inv);
    let dx: tfc.Tensor;
    if (a.is_training) {
      const meanDy = tfc.mean(dy!, axes, true);
      const meanDyXc = tfc.mean(tfc.mul(dy!, xc), axes, true);
      const inv2 = at(tfc.square(inv));
      dx = tfc.mul(
        at(tfc.mul(scale!, inv)),
        tfc.sub(tfc.sub(dy!, meanDy), tfc.mul(xc, tfc.mul(inv2, meanDyXc))),
      );
    } else {
      dx = tfc.mul(dy!, at(tfc.mul(scale!, inv)));
    }
    return [dx, dScale, dOffset, tfc.zeros([0]), tfc.zeros([0])];
  },
  // TF's _FusedBatchNormGradGradV3 differentiates TF's _BatchNormGrad composite with a tape;
  // here the same derivatives are written out (see batchNormGradGrad).
  grad: ({ inputs: [dy, x, scale, rs1, rs2], attrs }, [ggx, ggs, ggo]) => {
    const g = batchNormGradGrad(
      {
        dy: dy!,
        x: x!,
        scale: scale!,
        mean: rs1!,
        variance: rs2!,
        ggx: ggx!,
        ggs: ggs!,
        ggo: ggo!,
      },
      attrs.epsilon,
      attrs.data_format,
      attrs.is_training,
    );
    return {
      y_backprop: g.dy,
      x: g.x,
      scale: g.scale,
      reserve_space_1: null,
      reserve_space_2: null,
      reserve_space_3: null,
    };
  },
});

interface GradGradInputs {
  dy: Tensor;
  x: Tensor;
  scale: Tensor;
  mean: Tensor;
  variance: Tensor;
  ggx: Tensor;
  ggs: Tensor;
  ggo: Tensor;
}

/**
 * Second derivatives of batch norm's backward pass, per channel over N = elements reduced:
 * r = rsqrt(var + eps), xh = (x - mean) r and J v = r (v - mean(v) - xh mean(xh v)), the
 * Jacobian of xh with respect to x (the batch mean and variance depend on x in training).
 * With P = sum(ggx xh), Q = sum(dy xh), C = sum(ggx (dy - mean(dy))):
 *   d/d(dy)    = s J ggx + ggs xh + ggo
 *   d/dx       = -s r^2 xh (C / N - P Q / N^2) - (s r / N)(Q J ggx + P J dy) + ggs J dy
 *   d/d(scale) = r (C - P Q / N)
 * In inference mean and var are constants: d/d(dy) = s r ggx + ggs xh + ggo,
 * d/dx = ggs r dy, d/d(scale) = sum(ggx dy) r.
 */
function batchNormGradGrad(
  t: GradGradInputs,
  epsilon: number,
  format: BnFormat,
  training: boolean,
): { dy: Tensor; x: Tensor; scale: Tensor } {
  const { rank, channel } = bnLayout(format);
  const axes = Array.from({ length: rank }, (_, i) => i).filter((i) => i !== channel);
  const shape = Int32Array.from({ length: rank }, (_, i) => (i === channel ? -1 : 1));
  const at = (v: Tensor): Tensor => reshape(v, shape);
  const flat = (v: Tensor): Tensor => reshape(v, [-1]);
  const sum = (v: Tensor): Tensor => reduceSum(v, axes, { keepdims: true });
  const mean = (v: Tensor): Tensor => reduceMean(v, axes, { keepdims: true });
  const r = at(rsqrt(add(t.variance, epsilon)));
  const s = at(t.scale);
  const ggs = at(t.ggs);
  const xh = multiply(subtract(t.x, at(t.mean)), r);
  if (!training) {
    return {
      dy: add(add(multiply(multiply(s, r), t.ggx), multiply(ggs, xh)), at(t.ggo)),
      x: multiply(multiply(ggs, r), t.dy),
      scale: flat(multiply(sum(multiply(t.ggx, t.dy)), r)),
    };
  }
  // N, the elements per channel: a constant when the reduced dims are known.
  const reduced = axes.map((i) => t.x.shape.dim(i));
  const n: Tensor | number = reduced.every((d) => d !== null)
    ? (reduced as number[]).reduce((p, d) => p * d, 1)
    : sum(add(zerosLike(t.x), 1));
  const jac = (v: Tensor): Tensor =>
    multiply(r, subtract(subtract(v, mean(v)), multiply(xh, mean(multiply(xh, v)))));
  const P = sum(multiply(t.ggx, xh));
  const Q = sum(multiply(t.dy, xh));
  const C = sum(multiply(t.ggx, subtract(t.dy, mean(t.dy))));
  const PQn = divide(multiply(P, Q), n);
  const dDy = add(add(multiply(s, jac(t.ggx)), multiply(ggs, xh)), at(t.ggo));
  const sr2 = multiply(s, multiply(r, r));
  const dX = add(
    subtract(
      multiply(multiply(sr2, xh), divide(subtract(PQn, C), n)),
      multiply(divide(multiply(s, r), n), add(multiply(Q, jac(t.ggx)), multiply(P, jac(t.dy)))),
    ),
    multiply(ggs, jac(t.dy)),
  );
  const dScale = flat(multiply(r, subtract(C, PQn)));
  return { dy: dDy, x: dX, scale: dScale };
}

/** The raw op. @example fusedBatchNormGradV3(dy, x, scale, mean, variance, rs3, {epsilon: 1e-3}) */
export function fusedBatchNormGradV3(
  yBackprop: TensorLike,
  x: TensorLike,
  scale: TensorLike,
  reserveSpace1: TensorLike,
  reserveSpace2: TensorLike,
  reserveSpace3: TensorLike,
  options: { epsilon?: number; dataFormat?: BnFormat; isTraining?: boolean; name?: string } = {},
): [Tensor, Tensor, Tensor] {
  const outs = applyOp(
    FusedBatchNormGradV3,
    [yBackprop, x, scale, reserveSpace1, reserveSpace2, reserveSpace3],
    {
      epsilon: options.epsilon ?? 0.0001,
      data_format: options.dataFormat ?? 'NHWC',
      is_training: options.isTraining ?? true,
    },
    { name: options.name },
  );
  return [outs[0]!, outs[1]!, outs[2]!];
}
