import * as tfc from '@tensorflow/tfjs-core';
import { convBackpropFilterChannelsLast } from '../src/ops/nn/conv_backprop_kernels.js';
import { resolvePadding } from '../src/ops/util/conv.js';

/**
 * The eager baselines' convolutions. 'stock': tfjs-core's conv2d / conv2dTranspose with tfjs'
 * own gradients (their filter gradient is the Conv2DBackpropFilter kernel, which wasm lacks and
 * cpu runs as a scalar loop). 'conv-filter-grad' (as issue 6 measured eager tfjs): the same
 * ops under tfc.customGrad, whose filter gradient is one forward convolution (the math of
 * tfgraph's kernel) and whose input gradient stays tfjs' stock op. NHWC, no dilation.
 */

export type EagerConvVariant = 'stock' | 'conv-filter-grad';
type Pad = 'same' | 'valid';

export interface EagerConvs {
  conv2d(x: tfc.Tensor4D, w: tfc.Tensor4D, stride: number, pad: Pad): tfc.Tensor4D;
  /** w: [h, w, outChannels, inChannels] as tfjs' conv2dTranspose takes it. */
  conv2dTranspose(
    x: tfc.Tensor4D,
    w: tfc.Tensor4D,
    outShape: [number, number, number, number],
    stride: number,
    pad: Pad,
  ): tfc.Tensor4D;
}

/** dL/dfilter of conv2d(x, filter) as one forward convolution. */
function filterGrad(
  x: tfc.Tensor4D,
  dy: tfc.Tensor4D,
  filterShape: readonly number[],
  stride: number,
  pad: Pad,
): tfc.Tensor4D {
  const pads = resolvePadding(
    [x.shape[1], x.shape[2]],
    filterShape.slice(0, 2),
    [stride, stride],
    [1, 1],
    pad === 'same' ? 'SAME' : 'VALID',
    [
      [0, 0],
      [0, 0],
    ],
  );
  const g = convBackpropFilterChannelsLast(x, dy, filterShape, [stride, stride], [1, 1], pads);
  return g as tfc.Tensor4D;
}

export function eagerConvs(variant: EagerConvVariant): EagerConvs {
  if (variant === 'stock') {
    return {
      conv2d: (x, w, s, pad) => tfc.conv2d(x, w, s, pad),
      conv2dTranspose: (x, w, outShape, s, pad) => tfc.conv2dTranspose(x, w, outShape, s, pad),
    };
  }
  return {
    conv2d: (x, w, s, pad) => {
      const op = tfc.customGrad((...args: (tfc.Tensor | tfc.GradSaveFunc)[]) => {
        const [x4, w4, save] = args as [tfc.Tensor4D, tfc.Tensor4D, tfc.GradSaveFunc];
        save([x4, w4]);
        return {
          value: tfc.conv2d(x4, w4, s, pad),
          gradFunc: (dy: tfc.Tensor4D, saved: tfc.Tensor[]) => {
            const [sx, sw] = saved as [tfc.Tensor4D, tfc.Tensor4D];
            const g = dy;
            return [
              tfc.conv2dTranspose(g, sw, sx.shape, s, pad),
              filterGrad(sx, g, sw.shape, s, pad),
            ];
          },
        };
      });
      return op(x, w) as tfc.Tensor4D;
    },
    conv2dTranspose: (x, w, outShape, s, pad) => {
      const op = tfc.customGrad((...args: (tfc.Tensor | tfc.GradSaveFunc)[]) => {
        const [x4, w4, save] = args as [tfc.Tensor4D, tfc.Tensor4D, tfc.GradSaveFunc];
        save([x4, w4]);
        return {
          value: tfc.conv2dTranspose(x4, w4, outShape, s, pad),
          gradFunc: (ddx: tfc.Tensor4D, saved: tfc.Tensor[]) => {
            const [sx, sw] = saved as [tfc.Tensor4D, tfc.Tensor4D];
            const g = ddx;
            // conv2dTranspose(x, w) = the input gradient of conv2d(g, w): its gradients are
            // conv2d(g, w) for x and the filter gradient of that conv for w.
            return [tfc.conv2d(g, sw, s, pad), filterGrad(g, sx, sw.shape, s, pad)];
          },
        };
      });
      return op(x, w) as tfc.Tensor4D;
    },
  };
}
