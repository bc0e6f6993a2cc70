// The graph of examples/autoencoder.ts, built through the bundle's namespace, and a batch of
// synthetic digits-like images (the mnist package reads JSON through require: Node only).
import type { TfBundle } from './bundle.js';

export const IMAGE = 28;

export interface AutoencoderGraph {
  graph: InstanceType<TfBundle['Graph']>;
  x: ReturnType<TfBundle['placeholder']>;
  loss: ReturnType<TfBundle['losses']['meanSquaredError']>;
  trainOp: ReturnType<InstanceType<TfBundle['train']['AdamOptimizer']>['minimize']>;
  init: ReturnType<TfBundle['globalVariablesInitializer']>;
  /** The kernels and biases, in creation order. */
  weights: ReturnType<TfBundle['trainableVariables']>;
}

/** The example's conv autoencoder: two stride-2 convs down, two stride-2 transposed convs up. */
export function buildAutoencoder(tf: TfBundle): AutoencoderGraph {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    tf.setRandomSeed(1);
    const x = tf.placeholder('float32', [null, IMAGE, IMAGE, 1], 'x');
    const reconstruction = tf.variableScope('autoencoder', () => {
      const enc1 = tf.layers.conv2d(x, {
        filters: 16,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: tf.nn.relu,
        name: 'enc1',
      });
      const enc2 = tf.layers.conv2d(enc1, {
        filters: 32,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: tf.nn.relu,
        name: 'enc2',
      });
      const dec1 = tf.layers.conv2dTranspose(enc2, {
        filters: 16,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: tf.nn.relu,
        name: 'dec1',
      });
      return tf.layers.conv2dTranspose(dec1, {
        filters: 1,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: tf.nn.sigmoid,
        name: 'dec2',
      });
    });
    const loss = tf.losses.meanSquaredError(x, reconstruction);
    const globalStep = tf.train.getOrCreateGlobalStep();
    const trainOp = new tf.train.AdamOptimizer({ learningRate: 0.003 }).minimize(loss, {
      globalStep,
    });
    return {
      graph,
      x,
      loss,
      trainOp,
      init: tf.globalVariablesInitializer(),
      weights: tf.trainableVariables(),
    };
  });
}

/**
 * `n` smooth 28x28 images in [0, 1]: a Gaussian blob and a faint stroke at positions that vary
 * with the index, so the batch has digit-like structure and no two images are alike.
 */
export function syntheticImages(n: number): Float32Array {
  const out = new Float32Array(n * IMAGE * IMAGE);
  for (let b = 0; b < n; b++) {
    const cx = 8 + ((b * 5) % 12);
    const cy = 8 + ((b * 7) % 12);
    const sigma = 3 + (b % 3);
    const slope = ((b % 4) - 1.5) / 2;
    for (let i = 0; i < IMAGE; i++) {
      for (let j = 0; j < IMAGE; j++) {
        const blob = Math.exp(-((i - cy) ** 2 + (j - cx) ** 2) / (2 * sigma * sigma));
        const stroke = 0.6 * Math.exp(-((j - 14 - slope * (i - 14)) ** 2) / 2);
        out[(b * IMAGE + i) * IMAGE + j] = Math.min(1, blob + stroke);
      }
    }
  }
  return out;
}
