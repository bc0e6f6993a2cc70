import * as tf from '../../../src/index.js';
import type { GradCase } from '../../util/gradcheck.js';

/** Gradcheck rows of the convolution ops (run by grad.test.ts; counted by the coverage test). */
export const GRAD_CASES: GradCase[] = [
  {
    opType: 'Conv2D',
    name: 'Conv2D NHWC stride 2 SAME',
    inputs: [{ shape: [2, 5, 5, 2] }, { shape: [3, 3, 2, 3] }],
    build: (x, w) => tf.nn.conv2d(x, w, 2, 'SAME'),
  },
  {
    opType: 'Conv2D',
    name: 'Conv2D NCHW dilation 2 VALID',
    inputs: [{ shape: [1, 2, 6, 5] }, { shape: [2, 2, 2, 2] }],
    build: (x, w) => tf.nn.conv2d(x, w, 1, 'VALID', { dataFormat: 'NCHW', dilations: 2 }),
  },
  {
    opType: 'Conv2D',
    name: 'Conv2D second order (gradient of a filter gradient)',
    inputs: [{ shape: [1, 4, 4, 1] }, { shape: [2, 2, 1, 2] }],
    build: (x, w) => {
      // d/dw of sum(y * y') with y' = y fed back as grad_ys: BackpropFilter(x, y), quadratic in (x, w).
      const y = tf.nn.conv2d(x, w, 2, 'SAME');
      return tf.gradients(y, w, y)[0]!;
    },
  },
  {
    opType: 'Conv2D',
    name: 'Conv2D grouped (2 groups) stride 2 VALID',
    inputs: [{ shape: [1, 5, 5, 4] }, { shape: [3, 3, 2, 4] }],
    build: (x, w) => tf.nn.conv2d(x, w, 2, 'VALID'),
  },
  {
    opType: 'Conv2DBackpropInput',
    name: 'Conv2DBackpropInput stride 2 SAME',
    inputs: [{ shape: [3, 3, 2, 3] }, { shape: [2, 3, 3, 3] }],
    build: (w, dy) => tf.nn.conv2dBackpropInput([2, 5, 5, 2], w, dy, 2, 'SAME'),
  },
  {
    opType: 'Conv2DBackpropInput',
    name: 'conv2dTranspose NCHW VALID dilation 2',
    inputs: [{ shape: [1, 2, 3, 3] }, { shape: [2, 2, 1, 2] }],
    build: (dy, w) =>
      tf.nn.conv2dTranspose(dy, w, [1, 1, 5, 5], 1, 'VALID', { dataFormat: 'NCHW', dilations: 2 }),
  },
  {
    opType: 'Conv2DBackpropFilter',
    name: 'Conv2DBackpropFilter stride 2 SAME',
    inputs: [{ shape: [2, 5, 5, 2] }, { shape: [2, 3, 3, 3] }],
    build: (x, dy) => tf.nn.conv2dBackpropFilter(x, [3, 3, 2, 3], dy, 2, 'SAME'),
  },
  {
    opType: 'Conv3D',
    name: 'Conv3D strides (2, 1, 2) SAME',
    inputs: [{ shape: [1, 3, 4, 3, 2] }, { shape: [2, 2, 2, 2, 2] }],
    build: (x, w) => tf.nn.conv3d(x, w, [2, 1, 2], 'SAME'),
  },
  {
    opType: 'Conv3DBackpropInputV2',
    name: 'conv3dTranspose stride 2 VALID',
    inputs: [{ shape: [1, 2, 2, 2, 2] }, { shape: [2, 2, 2, 1, 2] }],
    build: (dy, w) => tf.nn.conv3dTranspose(dy, w, [1, 4, 4, 4, 1], 2, 'VALID'),
  },
  {
    opType: 'Conv3DBackpropFilterV2',
    name: 'Conv3DBackpropFilterV2 NCDHW SAME',
    inputs: [{ shape: [1, 2, 3, 3, 3] }, { shape: [1, 2, 3, 3, 3] }],
    build: (x, dy) =>
      tf.nn.conv3dBackpropFilterV2(x, [2, 2, 2, 2, 2], dy, 1, 'SAME', { dataFormat: 'NCDHW' }),
  },
  {
    opType: 'Conv2D',
    name: 'conv1d NCW stride 2 SAME (through ExpandDims / Squeeze)',
    inputs: [{ shape: [2, 2, 7] }, { shape: [3, 2, 3] }],
    build: (x, w) => tf.nn.conv1d(x, w, 2, 'SAME', { dataFormat: 'NCW' }),
  },
  {
    opType: 'Conv2D',
    name: 'atrousConv2d rate 2',
    inputs: [{ shape: [1, 6, 6, 1] }, { shape: [2, 2, 1, 2] }],
    build: (x, w) => tf.nn.atrousConv2d(x, w, 2, 'SAME'),
  },
];
