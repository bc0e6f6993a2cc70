import type { OpRecord } from '../core/define.js';
import { Elu } from './elu.js';
import { EluGrad } from './elu_grad.js';
import { FusedBatchNormV3 } from './fused_batch_norm_op.js';
import { FusedBatchNormGradV3 } from './fused_batch_norm_grad.js';
import { L2Loss } from './l2_loss.js';
import { LeakyRelu } from './leaky_relu.js';
import { LeakyReluGrad } from './leaky_relu_grad.js';
import { LogSoftmax } from './log_softmax.js';
import { Relu } from './relu.js';
import { ReluGrad } from './relu_grad.js';
import { Relu6 } from './relu6.js';
import { Relu6Grad } from './relu6_grad.js';
import { Selu } from './selu.js';
import { SeluGrad } from './selu_grad.js';
import { Sigmoid } from './sigmoid.js';
import { SigmoidGrad } from './sigmoid_grad.js';
import { Softmax } from './softmax.js';
import { SoftmaxCrossEntropyWithLogits } from './softmax_cross_entropy_op.js';
import { Softplus } from './softplus.js';
import { SoftplusGrad } from './softplus_grad.js';
import { SparseSoftmaxCrossEntropyWithLogits } from './sparse_softmax_cross_entropy_op.js';
import { Tanh } from './tanh.js';
import { TanhGrad } from './tanh_grad.js';

/** Activations, their gradient ops, normalization and the cross-entropy primitives. */
export const ACTIVATION_OPS: readonly OpRecord[] = [
  Relu,
  ReluGrad,
  Relu6,
  Relu6Grad,
  Elu,
  EluGrad,
  Selu,
  SeluGrad,
  LeakyRelu,
  LeakyReluGrad,
  Sigmoid,
  SigmoidGrad,
  Tanh,
  TanhGrad,
  Softplus,
  SoftplusGrad,
  Softmax,
  LogSoftmax,
  L2Loss,
  SoftmaxCrossEntropyWithLogits,
  SparseSoftmaxCrossEntropyWithLogits,
  FusedBatchNormV3,
  FusedBatchNormGradV3,
];
