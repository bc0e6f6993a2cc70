// A TF1-style conv classifier on real handwritten digits; prints test accuracy.
//   npx tsx examples/classifier.ts --epochs 3 --backend wasm
import * as tf from '../src/index.js';
import { exampleArgs } from './lib/args.js';
import { batchOf, loadDigits } from './lib/digits.js';
import { progressBar } from './lib/progress.js';

const args = exampleArgs({ epochs: 3, batchSize: 64, out: 'out/classifier' });
const { train, test } = loadDigits(args.limit ? { limit: args.limit } : {});

tf.setRandomSeed(2);
const x = tf.placeholder('float32', [null, 28, 28, 1], 'x');
const y = tf.placeholder('int32', [null], 'y');
const training = tf.placeholderWithDefault(false, [], 'training');
const logits = tf.variableScope('classifier', () => {
  let h = tf.layers.conv2d(x, { filters: 16, kernelSize: 5, padding: 'same', activation: tf.nn.relu, name: 'conv1' });
  h = tf.layers.maxPooling2d(h, { poolSize: 2, strides: 2, name: 'pool1' });
  h = tf.layers.conv2d(h, { filters: 32, kernelSize: 5, padding: 'same', activation: tf.nn.relu, name: 'conv2' });
  h = tf.layers.maxPooling2d(h, { poolSize: 2, strides: 2, name: 'pool2' });
  h = tf.layers.flatten(h, { name: 'flatten' });
  h = tf.layers.dense(h, { units: 128, activation: tf.nn.relu, name: 'fc1' });
  h = tf.layers.dropout(h, { rate: 0.3, training, name: 'dropout' });
  return tf.layers.dense(h, { units: 10, name: 'logits' });
});
const loss = tf.losses.sparseSoftmaxCrossEntropy(y, logits);
const correct = tf.equal(tf.argmax(logits, 1, { outputType: 'int32' }), y);
const accuracy = tf.reduceMean(tf.cast(correct, 'float32'));
const trainOp = new tf.train.AdamOptimizer({ learningRate: 0.002 }).minimize(loss, { globalStep: tf.train.getOrCreateGlobalStep() });

const sess = new tf.Session(args.backend ? { backend: args.backend } : {});
await sess.run(tf.globalVariablesInitializer());
const feedOf = (b: { images: Float32Array; labels: Int32Array; count: number }, isTraining: boolean): [tf.Tensor, tf.NDArray | Int32Array | boolean][] => [
  [x, new tf.NDArray('float32', [b.count, 28, 28, 1], b.images)],
  [y, b.labels],
  [training, isTraining],
];
const stepsPerEpoch = Math.ceil(train.count / args.batchSize);
const bar = progressBar('training', args.epochs * stepsPerEpoch);
let running = 2.3;
for (let epoch = 0; epoch < args.epochs; epoch++) {
  for (let i = 0; i < stepsPerEpoch; i++) {
    const [, l] = await sess.run([trainOp, loss], feedOf(batchOf(train, i * args.batchSize, args.batchSize), true));
    running = 0.95 * running + 0.05 * (l.item() as number);
    bar.update(epoch * stepsPerEpoch + i + 1, running);
  }
}
bar.stop();
let hits = 0;
for (let start = 0; start < test.count; start += 500) {
  const b = batchOf(test, start, 500);
  hits += ((await sess.run(accuracy, feedOf(b, false))).item() as number) * b.count;
}
console.log(`test accuracy: ${((100 * hits) / test.count).toFixed(2)}% on ${test.count} held-out digits`);
sess.close();
