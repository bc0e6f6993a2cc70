import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '../../src/index.js';
import type { Runner } from './runner.js';

/** W1's transposed convolution alone: [32, 14, 14, 64] -> [32, 28, 28, 32], 5x5, stride 2, SAME. */

const OUT: [number, number, number, number] = [32, 28, 28, 32];

export function deconvData(): { dy: tfc.Tensor4D; w: tfc.Tensor4D } {
  return {
    dy: tfc.randomNormal([32, 14, 14, 64], 0, 1, 'float32', 5) as tfc.Tensor4D,
    // [h, w, out, in], as both TF's conv2d_transpose and tfjs take it.
    w: tfc.randomNormal([5, 5, 32, 64], 0, 0.05, 'float32', 6) as tfc.Tensor4D,
  };
}

export async function deconvTfgraph(
  backend: string,
  d: { dy: tfc.Tensor; w: tfc.Tensor4D },
): Promise<Runner & { session: tf.Session }> {
  const graph = new tf.Graph();
  const { dy, y } = graph.asDefault(() => {
    const dyPh = tf.placeholder('float32', [32, 14, 14, 64], 'dy');
    const w = tf.constant(d.w.dataSync(), { shape: [5, 5, 32, 64], name: 'w' });
    return { dy: dyPh, y: tf.nn.conv2dTranspose(dyPh, w, OUT, 2, 'SAME') };
  });
  const session = new tf.Session({ graph, backend });
  const fwd = session.makeCallable(y, [dy]);
  return { session, train: null, infer: () => fwd(d.dy), dispose: () => session.close() };
}

export function deconvEager(d: { dy: tfc.Tensor4D; w: tfc.Tensor4D }): Runner {
  return {
    train: null,
    infer: () => {
      const y = tfc.conv2dTranspose(d.dy, d.w, OUT, 2, 'same');
      y.dataSync();
      y.dispose();
    },
    dispose: () => undefined,
  };
}

export function deconvLayers(d: { dy: tfc.Tensor4D; w: tfc.Tensor4D }): Runner {
  const layer = tfl.layers.conv2dTranspose({
    filters: 32,
    kernelSize: 5,
    strides: 2,
    padding: 'same',
    useBias: false,
    inputShape: [14, 14, 64],
  });
  const model = tfl.sequential({ layers: [layer] });
  layer.setWeights([d.w]);
  return {
    train: null,
    infer: () => {
      const y = model.predict(d.dy) as tfc.Tensor;
      y.dataSync();
      y.dispose();
    },
    dispose: () => model.dispose(),
  };
}
