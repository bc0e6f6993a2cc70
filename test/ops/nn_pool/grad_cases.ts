import * as tf from '../../../src/index.js';
import { avgPool3dGrad } from '../../../src/ops/nn/avg_pool_3d_grad.js';
import { avgPoolGrad } from '../../../src/ops/nn/avg_pool_grad.js';
import { biasAddGrad } from '../../../src/ops/nn/bias_add_grad.js';
import { depthwiseConv2dNativeBackpropFilter } from '../../../src/ops/nn/depthwise_conv2d_native_backprop_filter.js';
import { depthwiseConv2dNativeBackpropInput } from '../../../src/ops/nn/depthwise_conv2d_native_backprop_input.js';
import { maxPool3dGrad } from '../../../src/ops/nn/max_pool_3d_grad.js';
import { maxPool3dGradGrad } from '../../../src/ops/nn/max_pool_3d_grad_grad.js';
import { maxPoolGrad } from '../../../src/ops/nn/max_pool_grad.js';
import { maxPoolGradGrad } from '../../../src/ops/nn/max_pool_grad_grad.js';
import type { GradCase } from '../../util/gradcheck.js';
import { rng } from '../../util/op_cases.js';

/**
 * Distinct values 2/n apart in [-1, 1), shuffled: max pooling stays away from ties under the
 * finite-difference step (eps 1e-2 along a direction in [-1, 1)).
 */
function distinct(shape: number[], seed: number): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = Float32Array.from({ length: n }, (_, i) => -1 + (2 * i) / n);
  const r = rng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [v[i], v[j]] = [v[j]!, v[i]!];
  }
  return v;
}

const pool2 = (k: number, s: number, padding: 'SAME' | 'VALID', df: 'NHWC' | 'NCHW') => ({
  ksize: df === 'NHWC' ? [1, k, k, 1] : [1, 1, k, k],
  strides: df === 'NHWC' ? [1, s, s, 1] : [1, 1, s, s],
  padding,
  data_format: df,
});
const pool3 = (k: number, s: number, padding: 'SAME' | 'VALID', df: 'NDHWC' | 'NCDHW') => ({
  ksize: df === 'NDHWC' ? [1, k, k, k, 1] : [1, 1, k, k, k],
  strides: df === 'NDHWC' ? [1, s, s, s, 1] : [1, 1, s, s, s],
  padding,
  data_format: df,
});
const dwAttrs = (s: number, d: number, padding: 'SAME' | 'VALID', df: 'NHWC' | 'NCHW') => ({
  strides: df === 'NHWC' ? [1, s, s, 1] : [1, 1, s, s],
  dilations: df === 'NHWC' ? [1, d, d, 1] : [1, 1, d, d],
  padding,
  data_format: df,
});

const mp = pool2(3, 2, 'SAME', 'NHWC');
const mpc = pool2(2, 1, 'VALID', 'NCHW');
const mp3 = pool3(2, 2, 'SAME', 'NDHWC');
const mp3c = pool3(2, 1, 'SAME', 'NCDHW');
const ap = pool2(3, 2, 'SAME', 'NHWC');
const ap3 = pool3(2, 1, 'SAME', 'NDHWC');
const dwa = dwAttrs(2, 1, 'SAME', 'NHWC');
const dwb = dwAttrs(1, 2, 'SAME', 'NCHW');

export const GRAD_CASES: GradCase[] = [
  {
    opType: 'BiasAdd',
    name: 'BiasAdd NHWC rank 3',
    inputs: [{ shape: [2, 3, 4] }, { shape: [4] }],
    build: (x, b) => tf.nn.biasAdd(x!, b!),
  },
  {
    opType: 'BiasAdd',
    name: 'BiasAdd NCHW rank 4',
    inputs: [{ shape: [2, 3, 2, 2] }, { shape: [3] }],
    build: (x, b) => tf.nn.biasAdd(x!, b!, { dataFormat: 'NCHW' }),
  },
  {
    opType: 'BiasAddGrad',
    name: 'BiasAddGrad NHWC',
    inputs: [{ shape: [2, 3, 4] }],
    build: (g) => biasAddGrad(g!),
  },
  {
    opType: 'BiasAddGrad',
    name: 'BiasAddGrad NCHW',
    inputs: [{ shape: [2, 3, 2, 2] }],
    build: (g) => biasAddGrad(g!, { dataFormat: 'NCHW' }),
  },
  {
    opType: 'MaxPool',
    name: 'MaxPool NHWC SAME k3 s2',
    inputs: [{ shape: [1, 5, 6, 2], values: distinct([1, 5, 6, 2], 1) }],
    build: (x) => tf.nn.maxPool(x!, 3, 2, 'SAME'),
  },
  {
    opType: 'MaxPool',
    name: 'MaxPool NCHW VALID k2 s1',
    inputs: [{ shape: [1, 2, 4, 3], values: distinct([1, 2, 4, 3], 2) }],
    build: (x) => tf.nn.maxPool(x!, 2, 1, 'VALID', { dataFormat: 'NCHW' }),
  },
  {
    opType: 'MaxPoolGrad',
    name: 'MaxPoolGrad w.r.t. grad (NHWC SAME)',
    inputs: [{ shape: [1, 5, 6, 2], values: distinct([1, 5, 6, 2], 3) }, { shape: [1, 3, 3, 2] }],
    build: (x, g) => maxPoolGrad(x!, tf.nn.maxPool(x!, 3, 2, 'SAME'), g!, mp),
    constantInputs: [0],
  },
  {
    opType: 'MaxPoolGrad',
    name: 'MaxPoolGrad w.r.t. grad (NCHW VALID)',
    inputs: [{ shape: [1, 2, 4, 3], values: distinct([1, 2, 4, 3], 4) }, { shape: [1, 2, 3, 2] }],
    build: (x, g) =>
      maxPoolGrad(x!, tf.nn.maxPool(x!, 2, 1, 'VALID', { dataFormat: 'NCHW' }), g!, mpc),
    constantInputs: [0],
  },
  {
    opType: 'MaxPoolGradGrad',
    name: 'MaxPoolGradGrad w.r.t. grad (NHWC SAME)',
    inputs: [{ shape: [1, 5, 6, 2], values: distinct([1, 5, 6, 2], 5) }, { shape: [1, 5, 6, 2] }],
    build: (x, g) => maxPoolGradGrad(x!, tf.nn.maxPool(x!, 3, 2, 'SAME'), g!, mp),
    constantInputs: [0],
  },
  {
    opType: 'AvgPool',
    name: 'AvgPool NHWC SAME k3 s2',
    inputs: [{ shape: [1, 5, 6, 2] }],
    build: (x) => tf.nn.avgPool(x!, 3, 2, 'SAME'),
  },
  {
    opType: 'AvgPool',
    name: 'AvgPool NCHW SAME k2 s1',
    inputs: [{ shape: [1, 2, 3, 4] }],
    build: (x) => tf.nn.avgPool(x!, 2, 1, 'SAME', { dataFormat: 'NCHW' }),
  },
  {
    opType: 'AvgPoolGrad',
    name: 'AvgPoolGrad NHWC SAME',
    inputs: [{ shape: [1, 3, 3, 2] }],
    build: (g) => avgPoolGrad(Int32Array.from([1, 5, 6, 2]), g!, ap),
  },
  {
    opType: 'MaxPool3D',
    name: 'MaxPool3D NDHWC SAME k2 s2',
    inputs: [{ shape: [1, 3, 4, 3, 2], values: distinct([1, 3, 4, 3, 2], 6) }],
    build: (x) => tf.nn.maxPool3d(x!, 2, 2, 'SAME'),
  },
  {
    opType: 'MaxPool3D',
    name: 'MaxPool3D NCDHW SAME k2 s1',
    inputs: [{ shape: [1, 2, 3, 3, 2], values: distinct([1, 2, 3, 3, 2], 7) }],
    build: (x) => tf.nn.maxPool3d(x!, 2, 1, 'SAME', { dataFormat: 'NCDHW' }),
  },
  {
    opType: 'MaxPool3DGrad',
    name: 'MaxPool3DGrad w.r.t. grad',
    inputs: [
      { shape: [1, 3, 4, 3, 2], values: distinct([1, 3, 4, 3, 2], 8) },
      { shape: [1, 2, 2, 2, 2] },
    ],
    build: (x, g) => maxPool3dGrad(x!, tf.nn.maxPool3d(x!, 2, 2, 'SAME'), g!, mp3),
    constantInputs: [0],
  },
  {
    opType: 'MaxPool3DGradGrad',
    name: 'MaxPool3DGradGrad w.r.t. grad (NCDHW)',
    inputs: [
      { shape: [1, 2, 3, 3, 2], values: distinct([1, 2, 3, 3, 2], 9) },
      { shape: [1, 2, 3, 3, 2] },
    ],
    build: (x, g) =>
      maxPool3dGradGrad(x!, tf.nn.maxPool3d(x!, 2, 1, 'SAME', { dataFormat: 'NCDHW' }), g!, mp3c),
    constantInputs: [0],
  },
  {
    opType: 'AvgPool3D',
    name: 'AvgPool3D NDHWC SAME k2 s1',
    inputs: [{ shape: [1, 2, 3, 3, 2] }],
    build: (x) => tf.nn.avgPool3d(x!, 2, 1, 'SAME'),
  },
  {
    opType: 'AvgPool3D',
    name: 'AvgPool3D NCDHW VALID k2 s2',
    inputs: [{ shape: [1, 2, 4, 4, 3] }],
    build: (x) => tf.nn.avgPool3d(x!, 2, 2, 'VALID', { dataFormat: 'NCDHW' }),
  },
  {
    opType: 'AvgPool3DGrad',
    name: 'AvgPool3DGrad NDHWC SAME',
    inputs: [{ shape: [1, 2, 3, 3, 2] }],
    build: (g) => avgPool3dGrad(Int32Array.from([1, 2, 3, 3, 2]), g!, ap3),
  },
  {
    opType: 'DepthwiseConv2dNative',
    name: 'DepthwiseConv2dNative NHWC SAME stride 2',
    inputs: [{ shape: [2, 5, 5, 2] }, { shape: [3, 3, 2, 2] }],
    build: (x, f) => tf.nn.depthwiseConv2d(x!, f!, 2, 'SAME'),
  },
  {
    opType: 'DepthwiseConv2dNative',
    name: 'DepthwiseConv2dNative NCHW SAME rate 2',
    inputs: [{ shape: [1, 2, 5, 6] }, { shape: [2, 3, 2, 2] }],
    build: (x, f) => tf.nn.depthwiseConv2d(x!, f!, 1, 'SAME', { rate: 2, dataFormat: 'NCHW' }),
  },
  {
    opType: 'DepthwiseConv2dNativeBackpropInput',
    name: 'DepthwiseConv2dNativeBackpropInput NHWC stride 2',
    inputs: [{ shape: [3, 3, 2, 2] }, { shape: [2, 3, 3, 4] }],
    build: (f, dy) =>
      depthwiseConv2dNativeBackpropInput(Int32Array.from([2, 5, 5, 2]), f!, dy!, dwa),
  },
  {
    opType: 'DepthwiseConv2dNativeBackpropFilter',
    name: 'DepthwiseConv2dNativeBackpropFilter NCHW rate 2',
    inputs: [{ shape: [1, 2, 5, 6] }, { shape: [1, 4, 5, 6] }],
    build: (x, dy) =>
      depthwiseConv2dNativeBackpropFilter(x!, Int32Array.from([2, 3, 2, 2]), dy!, dwb),
  },
  {
    opType: 'DepthwiseConv2dNative',
    name: 'separable_conv2d (composite: depthwise then 1x1 Conv2D)',
    inputs: [{ shape: [1, 4, 5, 2] }, { shape: [3, 3, 2, 2] }, { shape: [1, 1, 4, 3] }],
    build: (x, dw, pw) => tf.nn.separableConv2d(x!, dw!, pw!, 1, 'SAME'),
  },
];
