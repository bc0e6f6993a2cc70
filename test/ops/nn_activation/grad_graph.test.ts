import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';

afterEach(() => tf.resetDefaultGraph());

/** The gradient ops TF 2.21 (tf.compat.v1) builds for each activation, by name and type. */
const TF_GRADS: [string, (x: tf.Tensor) => tf.Tensor, string, string[]][] = [
  ['Relu6', (x) => tf.nn.relu6(x), 'gradients/Relu6_grad/Relu6Grad', ['<dy>', 'Relu6:0']],
  ['Elu', (x) => tf.nn.elu(x), 'gradients/Elu_grad/EluGrad', ['<dy>', 'Elu:0']],
  ['Selu', (x) => tf.nn.selu(x), 'gradients/Selu_grad/SeluGrad', ['<dy>', 'Selu:0']],
  [
    'LeakyRelu',
    (x) => tf.nn.leakyRelu(x),
    'gradients/LeakyRelu_grad/LeakyReluGrad',
    ['<dy>', 'x:0'],
  ],
  ['Sigmoid', (x) => tf.nn.sigmoid(x), 'gradients/Sigmoid_grad/SigmoidGrad', ['Sigmoid:0', '<dy>']],
  ['Tanh', (x) => tf.nn.tanh(x), 'gradients/Tanh_grad/TanhGrad', ['Tanh:0', '<dy>']],
  // TF1 builds SoftplusGrad (TF2 writes dy * sigmoid(x); same values).
  ['Softplus', (x) => tf.nn.softplus(x), 'gradients/Softplus_grad/SoftplusGrad', ['<dy>', 'x:0']],
  [
    'Softmax',
    (x) => tf.nn.softmax(x),
    'gradients/Softmax_grad/mul_1',
    ['gradients/Softmax_grad/sub:0', 'Softmax:0'],
  ],
  [
    'LogSoftmax',
    (x) => tf.nn.logSoftmax(x),
    'gradients/LogSoftmax_grad/sub',
    ['<dy>', 'gradients/LogSoftmax_grad/mul:0'],
  ],
  ['L2Loss', (x) => tf.nn.l2Loss(x), 'gradients/L2Loss_grad/mul', ['x:0', '<dy>']],
];

describe('gradient graphs as TF1 builds them', () => {
  for (const [op, build, name, inputs] of TF_GRADS) {
    it(`${op}: ${name}`, () => {
      const x = tf.placeholder('float32', [2, 3], 'x');
      const y = build(x);
      const [g] = tf.gradients(y, x);
      expect(g!.op.name).toBe(name);
      const dy = tf
        .getDefaultGraph()
        .getOperations()
        .find((o) => o.name.startsWith('gradients/') && !o.name.includes('_grad'))!;
      expect(
        g!.op.inputs.map((t) =>
          t.op.name.startsWith('gradients/') && !t.op.name.includes('_grad') ? '<dy>' : t.name,
        ),
      ).toEqual(inputs);
      expect(dy).toBeDefined();
    });
  }

  it('LeakyReluGrad carries alpha; second-order rules build TF ops', () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    const [g] = tf.gradients(tf.nn.leakyRelu(x, 0.3), x);
    expect(g!.op.getAttr('alpha')).toBeCloseTo(0.3);
    const gg = tf.gradients(g!, x)[0] ?? null;
    // d/dfeatures of LeakyReluGrad is zeros (TF's _LeakyReluGradGrad); none reaches x otherwise.
    expect(gg === null || gg.op.type !== 'LeakyReluGrad').toBe(true);
    const s = tf.placeholder('float32', [2, 3], 's');
    const [gs] = tf.gradients(tf.nn.sigmoid(s), s);
    const [gss] = tf.gradients(gs!, s);
    const types = tf
      .getDefaultGraph()
      .getOperations()
      .filter((o) => o.name.startsWith('gradients_2/'))
      .map((o) => o.type);
    expect(types).toContain('SigmoidGrad');
    expect(gss).not.toBeNull();
  });

  it('Elu second order uses Select on outputs < 0, as TF', () => {
    const x = tf.placeholder('float32', [3], 'x');
    const [g] = tf.gradients(tf.nn.elu(x), x);
    tf.gradients(g!, x);
    const types = tf
      .getDefaultGraph()
      .getOperations()
      .filter((o) => o.name.startsWith('gradients_1/gradients/Elu_grad/EluGrad_grad/'))
      .map((o) => o.type);
    expect(types).toEqual(expect.arrayContaining(['EluGrad', 'Less', 'Mul', 'Select']));
  });
});
