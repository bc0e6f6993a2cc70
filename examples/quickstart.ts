// The README's example: placeholder -> getVariable -> matmul -> run.
import * as tf from '../src/index.js';

const x = tf.placeholder('float32', [null, 3], 'x');
const w = tf.getVariable('w', { shape: [3, 2], initializer: tf.constantInitializer(0.5) });
const b = tf.getVariable('b', { shape: [2], initializer: tf.zerosInitializer() });
const y = tf.add(tf.matmul(x, w), b, 'y');

const sess = new tf.Session();
await sess.run(tf.globalVariablesInitializer());
const out = await sess.run(y, { 'x:0': [[1, 2, 3], [4, 5, 6]] });
console.log(`${y.name} ${y.shape.toString()} =`, out.toArray());
sess.close();
