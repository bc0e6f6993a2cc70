import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';
import { randomArray } from '../util/op_cases.js';

afterEach(() => {
  tf.resetDefaultGraph();
  vi.restoreAllMocks();
});

function model(): { x: tf.Tensor; y: tf.Tensor; loss: tf.Tensor; train: tf.Operation } {
  const x = tf.placeholder('float32', [null, 6, 6, 2], 'x');
  const y = tf.placeholder('int32', [null], 'y');
  let h = tf.layers.conv2d(x, { filters: 4, kernelSize: 3, activation: tf.nn.relu, name: 'conv' });
  h = tf.layers.flatten(h);
  const logits = tf.layers.dense(h, { units: 3, name: 'out' });
  const loss = tf.losses.sparseSoftmaxCrossEntropy(y, logits);
  return { x, y, loss, train: new tf.train.AdamOptimizer().minimize(loss) };
}

describe('session.explain', () => {
  it('lists each pass with ops before and after and its rewrites, the fused groups and lowerings, and peak bytes', async () => {
    const { loss, train } = model();
    const sess = new tf.Session({ backend: 'cpu' });
    await sess.run(tf.globalVariablesInitializer());
    const feed = {
      'x:0': new tf.NDArray('float32', [4, 6, 6, 2], randomArray(288, 1)),
      'y:0': [0, 1, 2, 0],
    };
    const before = numTensors();
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const e = sess.explain([train, loss], feed);
    expect(log).toHaveBeenCalledWith(e.toString());
    expect(e.backend).toBe('cpu');
    expect(e.fetches).toEqual([loss.name, train.name]);
    expect(e.feeds).toEqual(['x:0', 'y:0']);
    expect(e.passes.map((p) => p.name)).toEqual([
      'identityElimination',
      'constantFolding',
      'arithmeticSimplification',
      'commonSubexpressionElimination',
      'fusion',
    ]);
    // Each pass starts from where the previous one stopped.
    e.passes.forEach((p, i) =>
      expect(p.opsBefore).toBe(i === 0 ? e.opsBefore : e.passes[i - 1]!.opsAfter),
    );
    expect(e.passes.at(-1)!.opsAfter).toBe(e.opsAfter);
    expect(e.opsAfter).toBeLessThan(e.opsBefore);
    expect(e.fusedGroups.map((f) => f.ops)).toEqual([
      ['conv/Conv2D', 'conv/BiasAdd', 'conv/Relu'],
      ['out/MatMul', 'out/BiasAdd'],
    ]);
    expect(e.fusedGroups[0]!.lowering).toMatch(/fused\.conv2d \(bias, relu\)/);
    // Lowerings come from the op records (Conv2DBackpropFilter declares one).
    expect(e.lowerings.some((l) => l.type === 'Conv2DBackpropFilter')).toBe(true);
    // With the feed's shapes every size is known.
    expect(e.estimatedPeak.complete).toBe(true);
    expect(e.estimatedPeak.bytes).toBeGreaterThan(4 * 4 * 4 * 4 * 4);
    expect(e.lastRun).toBeNull();
    const text = e.toString();
    for (const s of [
      'Passes:',
      'constantFolding',
      'Fused groups:',
      'Lowerings:',
      'estimated peak live bytes:',
      'Steps (',
    ])
      expect(text).toContain(s);
    // explain compiles but runs nothing.
    expect(numTensors() - before).toBe(e.constants.count);

    await sess.run([train, loss], feed);
    const again = sess.explain([train, loss], feed, { print: false });
    expect(again.lastRun).toEqual(sess.lastRunStats);
    expect(again.toString()).toContain(`last run: peak ${sess.lastRunStats!.peakBytes} bytes`);
    // The estimate from shapes and the measured peak agree here (same liveness, same sizes).
    expect(again.estimatedPeak.bytes).toBe(sess.lastRunStats!.peakBytes);
    sess.close();
  });

  it('without feeds the estimate is a lower bound; with passes off nothing is rewritten', () => {
    const { loss } = model();
    const sess = new tf.Session({
      backend: 'cpu',
      optimize: {
        identityElimination: false,
        constantFolding: false,
        arithmeticSimplification: false,
        cse: false,
        fusion: false,
      },
    });
    const e = sess.explain(loss, undefined, { print: false });
    expect(e.estimatedPeak.complete).toBe(false);
    expect(e.passes.every((p) => !p.enabled && p.rewrites.length === 0)).toBe(true);
    expect(e.opsAfter).toBe(e.opsBefore);
    expect(e.toString()).toMatch(/estimated peak live bytes: >= \d+/);
    sess.close();
  });
});

describe('optimize option', () => {
  it('takes pass names (and cse); an unknown name is a ValueError', () => {
    expect(new tf.Session({ optimize: { cse: false } }).optimize).toEqual({
      commonSubexpressionElimination: false,
    });
    expect(() => new tf.Session({ optimize: { constantFoldin: false } })).toThrow(tf.ValueError);
    expect(() => new tf.Session({ optimize: { constantFoldin: false } })).toThrow(
      /Unknown optimization pass 'constantFoldin'.*constantFolding/,
    );
  });
});
