import * as tf from '../../src/index.js';

/**
 * x -> dense1 (kernel 4x3, bias 3) -> relu -> loss, plus an unread non-trainable scalar `step`:
 * 15 trainable and 1 non-trainable parameters.
 */
export function denseGraph(): tf.Graph {
  const g = new tf.Graph();
  g.asDefault(() => {
    const x = tf.placeholder('float32', [null, 4], 'x');
    const h = tf.variableScope('dense1', {}, () => {
      const w = tf.getVariable('kernel', { shape: [4, 3] });
      const b = tf.getVariable('bias', { shape: [3], initializer: tf.zerosInitializer() });
      return tf.nn.relu(tf.add(tf.matmul(x, w), b));
    });
    new tf.Variable(0, { name: 'step', trainable: false });
    tf.nameScope('loss', () => tf.reduceMean(tf.square(h)));
  });
  return g;
}

function convLayer(
  input: tf.Tensor,
  scope: string,
  cin: number,
  cout: number,
  stride: number,
): tf.Tensor {
  return tf.variableScope(scope, {}, () => {
    const k = tf.getVariable('kernel', { shape: [3, 3, cin, cout] });
    const b = tf.getVariable('bias', { shape: [cout], initializer: tf.zerosInitializer() });
    return tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(input, k, stride, 'SAME'), b));
  });
}

/**
 * A small convolutional autoencoder on 28x28x1 images, trained with Adam: scopes
 * encoder/conv1, encoder/conv2, decoder/deconv1, decoder/conv_out, loss.
 */
export function convAutoencoderGraph(): tf.Graph {
  const g = new tf.Graph();
  g.asDefault(() => {
    const x = tf.placeholder('float32', [null, 28, 28, 1], 'x');
    const z = tf.variableScope('encoder', {}, () =>
      convLayer(convLayer(x, 'conv1', 1, 8, 2), 'conv2', 8, 16, 1),
    );
    const y = tf.variableScope('decoder', {}, () => {
      const h = tf.variableScope('deconv1', {}, () => {
        const k = tf.getVariable('kernel', { shape: [3, 3, 8, 16] });
        const b = tf.getVariable('bias', { shape: [8], initializer: tf.zerosInitializer() });
        const batch = tf.stridedSlice(tf.shape(z), [0], [1], [1], { shrinkAxisMask: 1 });
        const outShape = tf.stack([batch, 28, 28, 8]);
        return tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2dTranspose(z, k, outShape, 2, 'SAME'), b));
      });
      return tf.variableScope('conv_out', {}, () => {
        const k = tf.getVariable('kernel', { shape: [3, 3, 8, 1] });
        return tf.sigmoid(tf.nn.conv2d(h, k, 1, 'SAME'));
      });
    });
    const loss = tf.nameScope('loss', () => tf.reduceMean(tf.square(tf.subtract(y, x))));
    new tf.train.AdamOptimizer({ learningRate: 0.01 }).minimize(loss);
  });
  return g;
}
