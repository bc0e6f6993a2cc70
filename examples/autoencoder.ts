// A TF1-style training script: a convolutional autoencoder on real handwritten digits.
// The graph is built once, then driven with session.run([trainOp, loss], feedDict).
//   npm start                      (2 epochs on the default backend)
//   npm start -- --epochs 1 --batch-size 32 --backend cpu --out out/ae
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '../src/index.js';
import { exampleArgs, type ExampleArgs } from './lib/args.js';
import { batchOf, loadDigits } from './lib/digits.js';
import { writeImageGrid } from './lib/png_grid.js';
import { progressBar } from './lib/progress.js';

export interface AutoencoderResult {
  initialLoss: number;
  finalLoss: number;
  restoredLoss: number;
  checkpoint: string;
  png: string;
  seconds: number;
}

export async function main(args: ExampleArgs): Promise<AutoencoderResult> {
  mkdirSync(args.out, { recursive: true });
  const { train, test } = loadDigits(args.limit ? { limit: args.limit } : {});
  tf.resetDefaultGraph();

  // ---- graph ---------------------------------------------------------------------------
  tf.setRandomSeed(1);
  const x = tf.placeholder('float32', [null, 28, 28, 1], 'x');
  const reconstruction = tf.variableScope('autoencoder', () => {
    const enc1 = tf.layers.conv2d(x, { filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: tf.nn.relu, name: 'enc1' });
    const enc2 = tf.layers.conv2d(enc1, { filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: tf.nn.relu, name: 'enc2' });
    const dec1 = tf.layers.conv2dTranspose(enc2, { filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: tf.nn.relu, name: 'dec1' });
    return tf.layers.conv2dTranspose(dec1, { filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: tf.nn.sigmoid, name: 'dec2' });
  });
  const loss = tf.losses.meanSquaredError(x, reconstruction);
  const globalStep = tf.train.getOrCreateGlobalStep();
  const trainOp = new tf.train.AdamOptimizer({ learningRate: 0.003 }).minimize(loss, { globalStep });
  tf.summary.scalar('loss', loss);
  const summaries = tf.summary.mergeAll()!;
  const saver = new tf.train.Saver();
  const log = (msg: string): void => {
    if (!args.quiet) console.log(msg);
  };
  log(`graph: ${tf.getDefaultGraph().getOperations().length} ops, reconstruction ${reconstruction.shape.toString()}`);

  // ---- training loop ---------------------------------------------------------------------
  const sessionOptions = args.backend ? { backend: args.backend } : {};
  const sess = new tf.Session(sessionOptions);
  await sess.run(tf.globalVariablesInitializer());
  const writer = new tf.summary.FileWriter(join(args.out, 'logs'), tf.getDefaultGraph());
  const feed = (images: Float32Array, n: number): [tf.Tensor, tf.NDArray][] => [[x, new tf.NDArray('float32', [n, 28, 28, 1], images)]];
  const testBatch = batchOf(test, 0, 256);
  const evalLoss = async (s: tf.Session): Promise<number> => (await s.run(loss, feed(testBatch.images, testBatch.count))).item() as number;

  const initialLoss = await evalLoss(sess);
  const stepsPerEpoch = Math.ceil(train.count / args.batchSize);
  const bar = args.quiet ? null : progressBar(`training on ${sess.backend}`, args.epochs * stepsPerEpoch);
  const started = Date.now();
  let running = initialLoss;
  for (let epoch = 0; epoch < args.epochs; epoch++) {
    for (let i = 0; i < stepsPerEpoch; i++) {
      const batch = batchOf(train, i * args.batchSize, args.batchSize);
      const [, l, s, step] = await sess.run([trainOp, loss, summaries, globalStep], feed(batch.images, batch.count));
      running = 0.9 * running + 0.1 * (l.item() as number);
      if ((step.item() as number) % 10 === 0) writer.addSummary(s, step.item() as number);
      bar?.update(epoch * stepsPerEpoch + i + 1, running);
    }
  }
  bar?.stop();
  writer.close();
  const seconds = (Date.now() - started) / 1000;
  const finalLoss = await evalLoss(sess);
  log(`test loss ${initialLoss.toFixed(5)} -> ${finalLoss.toFixed(5)} (${(initialLoss / finalLoss).toFixed(1)}x lower) in ${seconds.toFixed(1)} s`);

  // ---- checkpoint, then restore into a fresh session --------------------------------------
  const checkpoint = await saver.save(sess, join(args.out, 'ckpt', 'model'), { globalStep });
  const restored = new tf.Session(sessionOptions);
  await saver.restore(restored, checkpoint);
  const restoredLoss = await evalLoss(restored);
  log(`saved ${checkpoint}; restored loss in a new session: ${restoredLoss.toFixed(5)}`);

  // ---- pictures ----------------------------------------------------------------------------
  const show = batchOf(test, 0, 10);
  const [out] = await restored.run([reconstruction], feed(show.images, show.count));
  const png = join(args.out, 'reconstructions.png');
  writeImageGrid(png, [show.images, out.data as Float32Array], 10);
  log(`wrote ${png} (top: test digits, bottom: reconstructions) and TensorBoard logs in ${join(args.out, 'logs')}`);
  sess.close();
  restored.close();
  return { initialLoss, finalLoss, restoredLoss, checkpoint, png, seconds };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(exampleArgs({ epochs: 2, batchSize: 64, out: 'out/autoencoder' }));
}
