import * as tf from '../../../src/index.js';
import { eluGrad } from '../../../src/ops/nn/elu_grad.js';
import { fusedBatchNormGradV3 } from '../../../src/ops/nn/fused_batch_norm_grad.js';
import { leakyReluGrad } from '../../../src/ops/nn/leaky_relu_grad.js';
import { reluGrad } from '../../../src/ops/nn/relu_grad.js';
import { relu6Grad } from '../../../src/ops/nn/relu6_grad.js';
import { seluGrad } from '../../../src/ops/nn/selu_grad.js';
import { sigmoidGrad } from '../../../src/ops/nn/sigmoid_grad.js';
import { softmaxCrossEntropyWithLogitsOp } from '../../../src/ops/nn/softmax_cross_entropy_op.js';
import { softplusGrad } from '../../../src/ops/nn/softplus_grad.js';
import { sparseSoftmaxCrossEntropyWithLogitsOp } from '../../../src/ops/nn/sparse_softmax_cross_entropy_op.js';
import { tanhGrad } from '../../../src/ops/nn/tanh_grad.js';
import type { GradCase } from '../../util/gradcheck.js';

const S = [2, 3];
/** Keeps inputs off kinks (relu at 0) and, scaled by 4, on both sides of relu6's 6. */
const away = { shape: S, awayFromZero: 0.2 };

/** FusedBatchNormV3 in training: its reserve spaces feed the grad op, as TF's gradient does. */
function trainingBn(x: tf.Tensor, scale: tf.Tensor, format: 'NHWC' | 'NCHW' = 'NHWC'): tf.Tensor[] {
  const [y] = tf.nn.fusedBatchNorm(x, scale, tf.zerosLike(scale), {
    epsilon: 1e-3,
    dataFormat: format,
  });
  return y!.op.outputs.slice();
}

/** Values for an NHWC [2, 2, 1, 3] batch: distinct per channel, not degenerate. */
const X = { shape: [2, 2, 1, 3] };
const C = { shape: [3], values: [1.5, -0.8, 0.6] };

export const GRAD_CASES: GradCase[] = [
  // Activations.
  { opType: 'Relu', name: 'relu', inputs: [away], build: (x) => tf.nn.relu(x) },
  {
    opType: 'Relu6',
    name: 'relu6 across 0 and 6',
    inputs: [{ shape: S, values: [-2, 0.5, 3, 5.5, 6.5, 9] }],
    build: (x) => tf.nn.relu6(x),
  },
  { opType: 'Elu', name: 'elu', inputs: [away], build: (x) => tf.nn.elu(x) },
  { opType: 'Selu', name: 'selu', inputs: [away], build: (x) => tf.nn.selu(x) },
  {
    opType: 'LeakyRelu',
    name: 'leakyRelu alpha 0.3',
    inputs: [away],
    build: (x) => tf.nn.leakyRelu(x, 0.3),
  },
  { opType: 'Sigmoid', name: 'sigmoid', inputs: [{ shape: S }], build: (x) => tf.nn.sigmoid(x) },
  { opType: 'Tanh', name: 'tanh', inputs: [{ shape: S }], build: (x) => tf.nn.tanh(x) },
  { opType: 'Softplus', name: 'softplus', inputs: [{ shape: S }], build: (x) => tf.nn.softplus(x) },
  {
    opType: 'Softmax',
    name: 'softmax',
    inputs: [{ shape: [2, 4] }],
    build: (x) => tf.nn.softmax(x),
  },
  {
    opType: 'Softmax',
    name: 'softmax axis 0',
    inputs: [{ shape: [3, 2] }],
    build: (x) => tf.nn.softmax(x, 0),
  },
  {
    opType: 'LogSoftmax',
    name: 'logSoftmax',
    inputs: [{ shape: [2, 4] }],
    build: (x) => tf.nn.logSoftmax(x),
  },
  { opType: 'L2Loss', name: 'l2Loss', inputs: [{ shape: S }], build: (x) => tf.nn.l2Loss(x) },

  // Gradient ops, differentiated again (TF's *GradGrad rules).
  {
    opType: 'ReluGrad',
    name: 'reluGrad',
    inputs: [{ shape: S }, away],
    build: (g, f) => reluGrad(g, f),
  },
  {
    opType: 'Relu6Grad',
    name: 'relu6Grad',
    inputs: [{ shape: S }, { shape: S, values: [-2, 0.5, 3, 5.5, 6.5, 9] }],
    build: (g, f) => relu6Grad(g, f),
  },
  {
    opType: 'EluGrad',
    name: 'eluGrad',
    inputs: [{ shape: S }, { shape: S, values: [-0.9, -0.5, -0.1, 0.2, 1, 3] }],
    build: (g, y) => eluGrad(g, y),
  },
  {
    opType: 'SeluGrad',
    name: 'seluGrad',
    inputs: [{ shape: S }, { shape: S, values: [-1.5, -0.5, -0.1, 0.2, 1, 3] }],
    build: (g, y) => seluGrad(g, y),
  },
  {
    opType: 'LeakyReluGrad',
    name: 'leakyReluGrad',
    inputs: [{ shape: S }, away],
    build: (g, f) => leakyReluGrad(g, f, 0.1),
  },
  {
    opType: 'SigmoidGrad',
    name: 'sigmoidGrad',
    inputs: [{ shape: S, values: [0.1, 0.3, 0.5, 0.6, 0.8, 0.95] }, { shape: S }],
    build: (y, dy) => sigmoidGrad(y, dy),
  },
  {
    opType: 'TanhGrad',
    name: 'tanhGrad',
    inputs: [{ shape: S }, { shape: S }],
    build: (y, dy) => tanhGrad(y, dy),
  },
  {
    opType: 'SoftplusGrad',
    name: 'softplusGrad',
    inputs: [{ shape: S }, { shape: S }],
    build: (g, f) => softplusGrad(g, f),
  },
  {
    opType: 'Sigmoid',
    name: 'second derivative of sigmoid',
    inputs: [{ shape: S }],
    build: (x) => tf.gradients(tf.nn.sigmoid(x), x)[0]!,
  },
  {
    opType: 'Tanh',
    name: 'second derivative of tanh',
    inputs: [{ shape: S }],
    build: (x) => tf.gradients(tf.nn.tanh(x), x)[0]!,
  },

  // Cross entropies: the loss (both inputs for the dense one), the backprop output (the
  // second-order term), and the composites around them.
  {
    opType: 'SoftmaxCrossEntropyWithLogits',
    name: 'softmax xent loss w.r.t. logits and labels',
    inputs: [
      { shape: [2, 4] },
      { shape: [2, 4], values: [0.1, 0.2, 0.3, 0.4, 0.7, 0.1, 0.1, 0.1] },
    ],
    build: (x, l) => softmaxCrossEntropyWithLogitsOp(x, l)[0],
  },
  {
    opType: 'SoftmaxCrossEntropyWithLogits',
    // TF's rule gives the labels only grad_loss's part (backprop = softmax - labels is not
    // differentiated w.r.t. labels), so only the logits are checked here, as TF would.
    name: 'softmax xent backprop output (second order)',
    inputs: [
      { shape: [2, 4] },
      { shape: [2, 4], values: [0.1, 0.2, 0.3, 0.4, 0.7, 0.1, 0.1, 0.1] },
    ],
    build: (x, l) => softmaxCrossEntropyWithLogitsOp(x, l)[1],
    constantInputs: [1],
  },
  {
    opType: 'SoftmaxCrossEntropyWithLogits',
    name: 'softmax xent with broadcast labels',
    inputs: [{ shape: [2, 4] }, { shape: [1, 4], values: [0.1, 0.2, 0.3, 0.4] }],
    build: (x, l) => softmaxCrossEntropyWithLogitsOp(x, l)[0],
  },
  {
    opType: 'SoftmaxCrossEntropyWithLogits',
    name: 'tf.nn.softmaxCrossEntropyWithLogitsV2 rank 3, axis 1',
    inputs: [{ shape: [2, 3, 2] }, { shape: [2, 3, 2] }],
    build: (x, l) =>
      tf.nn.softmaxCrossEntropyWithLogitsV2({ labels: tf.nn.softmax(l, 1), logits: x, axis: 1 }),
  },
  {
    opType: 'SparseSoftmaxCrossEntropyWithLogits',
    name: 'sparse xent loss',
    inputs: [{ shape: [3, 4] }],
    build: (x) =>
      sparseSoftmaxCrossEntropyWithLogitsOp(x, tf.constant([1, 3, 0], { dtype: 'int32' }))[0],
  },
  {
    opType: 'SparseSoftmaxCrossEntropyWithLogits',
    name: 'sparse xent backprop output (second order)',
    inputs: [{ shape: [3, 4] }],
    build: (x) =>
      sparseSoftmaxCrossEntropyWithLogitsOp(x, tf.constant([1, 3, 0], { dtype: 'int32' }))[1],
  },
  {
    opType: 'SparseSoftmaxCrossEntropyWithLogits',
    name: 'tf.nn.sparseSoftmaxCrossEntropyWithLogits rank 3',
    inputs: [{ shape: [2, 2, 3] }],
    build: (x) =>
      tf.nn.sparseSoftmaxCrossEntropyWithLogits({
        labels: tf.constant(
          [
            [0, 2],
            [1, 1],
          ],
          { dtype: 'int32' },
        ),
        logits: x,
      }),
  },

  // Batch norm: the fused op in training and inference, its gradient op again.
  {
    opType: 'FusedBatchNormV3',
    name: 'fusedBatchNorm training NHWC',
    inputs: [X, C, C],
    build: (x, s, o) => tf.nn.fusedBatchNorm(x, s, o, { epsilon: 1e-3 })[0]!,
    tol: 3e-2,
  },
  {
    opType: 'FusedBatchNormV3',
    name: 'fusedBatchNorm training NCHW',
    inputs: [{ shape: [2, 3, 2, 1] }, C, C],
    build: (x, s, o) => tf.nn.fusedBatchNorm(x, s, o, { epsilon: 1e-3, dataFormat: 'NCHW' })[0]!,
    tol: 3e-2,
  },
  {
    opType: 'FusedBatchNormV3',
    name: 'fusedBatchNorm inference',
    inputs: [X, C, C],
    build: (x, s, o) =>
      tf.nn.fusedBatchNorm(x, s, o, {
        mean: [0.1, -0.2, 0.3],
        variance: [0.5, 1, 2],
        isTraining: false,
      })[0]!,
  },
  {
    opType: 'FusedBatchNormGradV3',
    name: 'FusedBatchNormGradV3 training: x_backprop',
    inputs: [X, X, C],
    build: (dy, x, s) => {
      const o = trainingBn(x, s);
      return fusedBatchNormGradV3(dy, x, s, o[3]!, o[4]!, o[5]!, { epsilon: 1e-3 })[0];
    },
    tol: 3e-2,
  },
  {
    opType: 'FusedBatchNormGradV3',
    name: 'FusedBatchNormGradV3 training: scale_backprop',
    inputs: [X, X, C],
    build: (dy, x, s) => {
      const o = trainingBn(x, s);
      return fusedBatchNormGradV3(dy, x, s, o[3]!, o[4]!, o[5]!, { epsilon: 1e-3 })[1];
    },
    tol: 3e-2,
  },
  {
    opType: 'FusedBatchNormGradV3',
    name: 'FusedBatchNormGradV3 training NCHW: x_backprop',
    inputs: [{ shape: [2, 3, 2, 1] }, { shape: [2, 3, 2, 1] }, C],
    build: (dy, x, s) => {
      const o = trainingBn(x, s, 'NCHW');
      return fusedBatchNormGradV3(dy, x, s, o[3]!, o[4]!, o[5]!, {
        epsilon: 1e-3,
        dataFormat: 'NCHW',
      })[0];
    },
    tol: 3e-2,
  },
  {
    opType: 'FusedBatchNormGradV3',
    name: 'FusedBatchNormGradV3 inference: all outputs',
    inputs: [X, X, C],
    build: (dy, x, s) => {
      const [dx, ds, doff] = fusedBatchNormGradV3(
        dy,
        x,
        s,
        tf.constant([0.1, -0.2, 0.3]),
        tf.constant([0.5, 1, 2]),
        tf.constant(new Float32Array(0)),
        { isTraining: false },
      );
      return tf.add(
        tf.reduceSum(dx),
        tf.add(
          tf.reduceSum(tf.multiply(ds, [1, 2, 3])),
          tf.reduceSum(tf.multiply(doff, [3, 1, 2])),
        ),
      );
    },
  },
  {
    opType: 'FusedBatchNormGradV3',
    name: 'second derivative through tf.nn.fusedBatchNorm',
    inputs: [X, C],
    build: (x, s) => {
      const [y] = tf.nn.fusedBatchNorm(x, s, [0, 0, 0], { epsilon: 1e-3 });
      return tf.gradients(tf.reduceSum(tf.multiply(y!, y!)), x)[0]!;
    },
    tol: 3e-2,
  },
];
