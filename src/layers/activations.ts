import { ValueError } from '../errors.js';
import type { Tensor } from '../graph/tensor.js';
import { exp } from '../ops/math/exp.js';
import { elu } from '../ops/nn/elu.js';
import { leakyRelu } from '../ops/nn/leaky_relu.js';
import { logSoftmax } from '../ops/nn/log_softmax.js';
import { relu } from '../ops/nn/relu.js';
import { relu6 } from '../ops/nn/relu6.js';
import { selu } from '../ops/nn/selu.js';
import { sigmoid } from '../ops/nn/sigmoid.js';
import { softmax } from '../ops/nn/softmax.js';
import { softplus } from '../ops/nn/softplus.js';
import { tanh } from '../ops/nn/tanh.js';

/** An activation: a function of one tensor (tf.nn.relu, or any user function). */
export type Activation = (x: Tensor) => Tensor;
export type ActivationLike = Activation | string;

/**
 * Activations by keras name. Each builds the same op TF's keras.activations does, so a layer
 * with activation 'relu' ends in 'dense/Relu' as with activation=tf.nn.relu.
 */
const BY_NAME: Record<string, Activation> = {
  linear: (x) => x,
  relu: (x) => relu(x),
  relu6: (x) => relu6(x),
  elu: (x) => elu(x),
  selu: (x) => selu(x),
  sigmoid: (x) => sigmoid(x),
  tanh: (x) => tanh(x),
  softplus: (x) => softplus(x),
  softmax: (x) => softmax(x),
  log_softmax: (x) => logSoftmax(x),
  leaky_relu: (x) => leakyRelu(x),
  exponential: (x) => exp(x),
};

/** A function stays as it is; a name is looked up (keras' activations.get). */
export function resolveActivation(a: ActivationLike | null | undefined): Activation | null {
  if (a === null || a === undefined) return null;
  if (typeof a === 'function') return a;
  if (typeof a === 'string') {
    const f = BY_NAME[a] ?? BY_NAME[a.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()];
    if (f) return f;
    throw new ValueError(
      `Unknown activation function: ${a}. Known names: ${Object.keys(BY_NAME).sort().join(', ')}`,
    );
  }
  throw new ValueError(
    `The \`activation\` argument must be a function or an activation name. Received: ${String(a)}`,
  );
}
