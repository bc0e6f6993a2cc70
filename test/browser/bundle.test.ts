// The bundle as a page uses it: the default backend, the wasm backend's binaries, and the
// Node-only file APIs failing clearly instead of breaking the import.
import { describe, expect, it } from 'vitest';
import { loadBundle, type TfBundle } from './bundle.js';

/** README's quick start: y = x @ w + b. */
async function quickstart(
  tf: TfBundle,
  backend?: string,
): Promise<{ backend: string; y: unknown }> {
  const g = new tf.Graph();
  const { x, y, init } = g.asDefault(() => {
    const x = tf.placeholder('float32', [null, 3], 'x');
    const w = tf.getVariable('w', { shape: [3, 2], initializer: tf.constantInitializer(0.5) });
    const b = tf.getVariable('b', { shape: [2], initializer: tf.zerosInitializer() });
    return { x, y: tf.add(tf.matmul(x, w), b, 'y'), init: tf.globalVariablesInitializer() };
  });
  const before = tf.tfjs.memory().numTensors;
  const sess = new tf.Session(backend ? { graph: g, backend } : { graph: g });
  try {
    await sess.run(init);
    const out = await sess.run(y, [
      [
        x,
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ],
    ]);
    return { backend: sess.backend, y: out.toArray() };
  } finally {
    sess.close();
    expect(tf.tfjs.memory().numTensors).toBe(before);
  }
}

describe('the browser bundle', () => {
  it('defaults to the webgl backend where WebGL works', async () => {
    const tf = await loadBundle();
    const gl = document.createElement('canvas').getContext('webgl2');
    expect(gl, 'WebGL2 in this headless Chromium').not.toBeNull();
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    console.log(
      `WebGL2 renderer: ${info ? String(gl?.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown'}`,
    );
    const r = await quickstart(tf);
    expect(r).toEqual({
      backend: 'webgl',
      y: [
        [3, 3],
        [7.5, 7.5],
      ],
    });
    expect(tf.tfjs.getBackend()).toBe('webgl');
  });

  it('runs on the wasm backend, its binaries fetched from beside the bundle', async () => {
    const tf = await loadBundle();
    expect(await quickstart(tf, 'wasm')).toEqual({
      backend: 'wasm',
      y: [
        [3, 3],
        [7.5, 7.5],
      ],
    });
  });

  it('runs on the cpu backend', async () => {
    const tf = await loadBundle();
    expect(await quickstart(tf, 'cpu')).toEqual({
      backend: 'cpu',
      y: [
        [3, 3],
        [7.5, 7.5],
      ],
    });
  });

  it("reports the Node add-on's 'tensorflow' backend as unavailable", async () => {
    const tf = await loadBundle();
    await expect(quickstart(tf, 'tensorflow')).rejects.toThrow(tf.RuntimeError);
    await expect(quickstart(tf, 'tensorflow')).rejects.toThrow(
      /Backend 'tensorflow' could not be loaded: .*Node add-on/,
    );
  });

  it('throws RuntimeError from the file APIs, which need Node', async () => {
    const tf = await loadBundle();
    const g = new tf.Graph();
    const v = g.asDefault(() => tf.getVariable('v', { shape: [2] }));
    const notHere = /node:\w+\.\w+ is not available in a browser/;
    expect(() => tf.train.writeGraph(g, 'logs', 'graph.pbtxt')).toThrow(tf.RuntimeError);
    expect(() => tf.train.writeGraph(g, 'logs', 'graph.pbtxt')).toThrow(notHere);
    expect(() => new tf.summary.FileWriter('logs')).toThrow(notHere);
    // It reads no file and so finds no checkpoint, as in an empty directory.
    expect(tf.train.latestCheckpoint('ckpt')).toBeNull();
    const saver = g.asDefault(() => new tf.train.Saver({ varList: [v] }));
    const sess = new tf.Session({ graph: g, backend: 'cpu' });
    await sess.run(v.initializer);
    await expect(saver.save(sess, 'ckpt/model')).rejects.toThrow(notHere);
    sess.close();
    // What needs no file system works: the GraphDef in TF's binary and text formats.
    const gd = g.asGraphDef();
    expect(tf.GraphDef.decode(tf.GraphDef.encode(gd)).node.map((n) => n.name)).toEqual(
      gd.node.map((n) => n.name),
    );
    expect(tf.GraphDef.toText(gd)).toContain('name: "v"');
  });
});
