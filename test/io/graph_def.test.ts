import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { expectClose } from '../util/op_cases.js';

afterEach(() => tf.resetDefaultGraph());

const FIX = join(import.meta.dirname, '../fixtures/graphdef');
const tfBytes = new Uint8Array(readFileSync(join(FIX, 'tf_dense.pb')));
const tfExpected = JSON.parse(readFileSync(join(FIX, 'tf_dense.json'), 'utf8')) as { feed: number[][]; relu: number[][]; total: number[]; mean: number; global_step: number; nodes: string[] };

function buildModel() {
  const x = tf.placeholder('float32', [null, 3], 'x');
  const y = tf.variableScope('dense', () => {
    const w = tf.getVariable('kernel', { shape: [3, 2], initializer: tf.constantInitializer([1, -1, 0.5, 2, -2, 0.25]) });
    const b = tf.getVariable('bias', { shape: [2], initializer: tf.constantInitializer([0.1, -0.2]) });
    return tf.nn.relu(tf.add(tf.matmul(x, w), b), 'relu');
  });
  const total = tf.reduceSum(y, 1, { name: 'total' });
  tf.train.getOrCreateGlobalStep();
  tf.globalVariablesInitializer();
  return { x, y, total };
}

describe('GraphDef interoperability with TensorFlow', () => {
  it('imports a binary GraphDef written by TF1 (ref variables, _class attrs, int64 step) and runs it with equal values', async () => {
    const returned = tf.importGraphDef(tfBytes, { returnElements: ['dense/relu:0', 'total:0', 'mean:0', 'global_step:0', 'init'] })!;
    const ops = tf.getDefaultGraph().getOperations().map((o) => o.name);
    expect(ops).toEqual(tfExpected.nodes.map((n) => `import/${n}`));
    expect(tf.getDefaultGraph().getOperationByName('import/global_step').getAttr('dtype')).toBe('int64');
    const before = tfc.memory().numTensors;
    const sess = new tf.Session();
    await sess.run(returned[4]!);
    const [relu, total, mean, step] = (await sess.run(returned.slice(0, 4) as tf.Tensor[], { 'import/x:0': tfExpected.feed })) as tf.NDArray[] as [tf.NDArray, tf.NDArray, tf.NDArray, tf.NDArray];
    expectClose(relu.data as Float32Array, tfExpected.relu.flat(), 1e-6, 'relu');
    expectClose(total.data as Float32Array, tfExpected.total, 1e-6, 'total');
    expect(mean.item()).toBeCloseTo(tfExpected.mean, 5);
    expect(step.item()).toBe(tfExpected.global_step);
    expect(step.dtype).toBe('int64');
    sess.close();
    expect(tfc.memory().numTensors).toBe(before);
  });

  it('maps inputs, uses name "" to keep names, and returns operations and tensors', async () => {
    const feed = tf.constant(tfExpected.feed, { name: 'my_input' });
    const [relu, init] = tf.importGraphDef(tfBytes, { name: '', inputMap: { x: feed }, returnElements: ['dense/relu:0', 'init'] })!;
    expect((relu as tf.Tensor).name).toBe('dense/relu:0');
    expect((init as tf.Operation).type).toBe('NoOp');
    const sess = new tf.Session();
    await sess.run(init!);
    // x is mapped to a constant, so nothing needs feeding.
    expectClose((await sess.run(relu as tf.Tensor)).data as Float32Array, tfExpected.relu.flat(), 1e-6);
    sess.close();
  });

  it('round-trips export -> import -> export to the same bytes, and both graphs compute the same values', async () => {
    const { total } = buildModel();
    const bytes1 = tf.GraphDef.encode(tf.getDefaultGraph().asGraphDef());
    const sess1 = new tf.Session();
    await sess1.run('init');
    const v1 = await sess1.run(total, { 'x:0': tfExpected.feed });
    sess1.close();

    const g2 = new tf.Graph();
    const v2 = await g2.asDefault(async () => {
      tf.importGraphDef(tf.GraphDef.decode(bytes1), { name: '' });
      const bytes2 = tf.GraphDef.encode(g2.asGraphDef());
      expect(Buffer.from(bytes2).equals(Buffer.from(bytes1))).toBe(true);
      const sess2 = new tf.Session({ graph: g2 });
      await sess2.run('init');
      const out = await sess2.run('total:0', { 'x:0': tfExpected.feed });
      sess2.close();
      return out;
    });
    expect(Array.from(v2.data as Float32Array)).toEqual(Array.from(v1.data as Float32Array));
    expectClose(v1.data as Float32Array, tfExpected.total, 1e-6);
  });

  it('writes NodeDefs as TF does: input names, ^control inputs, attrs, Const tensors', () => {
    const x = tf.placeholder('float32', [null, 2], 'x');
    const c = tf.constant([[1, 2], [3, 4]], { name: 'c' });
    const s = tf.constant(0.5, { name: 's' });
    const y = tf.add(tf.matmul(x, c), s, 'y');
    tf.controlDependencies([y], () => tf.noOp('n'));
    const gd = tf.getDefaultGraph().asGraphDef();
    const node = (name: string) => gd.node.find((n) => n.name === name)!;
    expect(node('x').attr!['shape']).toEqual({ shape: { dim: [{ size: -1 }, { size: 2 }] } });
    expect(node('x').attr!['dtype']).toEqual({ type: 'DT_FLOAT' });
    expect(node('y').input).toEqual(['MatMul', 's']);
    expect(node('n').input).toEqual(['^y']);
    expect(Array.from(node('c').attr!['value']!.tensor!.tensorContent!)).toEqual([0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64]);
    expect(node('s').attr!['value']!.tensor!.floatVal).toEqual([0.5]);
    expect(gd.versions).toEqual({ producer: 2474 });
    const text = tf.GraphDef.toText(gd);
    expect(text).toContain('node {\n  name: "x"\n  op: "Placeholder"\n  attr {\n    key: "dtype"\n    value {\n      type: DT_FLOAT\n    }\n  }\n  attr {\n    key: "shape"\n    value {\n      shape {\n        dim {\n          size: -1\n        }\n        dim {\n          size: 2\n        }\n      }\n    }\n  }\n}\n');
    expect(text).toContain('tensor_content: "\\000\\000\\200?\\000\\000\\000@\\000\\000@@\\000\\000\\200@"');
    expect(text).toContain('      float_val: 0.5\n');
    expect(text).toContain('  input: "^y"\n');
    expect(text.endsWith('versions {\n  producer: 2474\n}\n')).toBe(true);
  });

  it('writeGraph writes text and binary files TF can read back', () => {
    buildModel();
    const dir = mkdtempSync(join(tmpdir(), 'tfgraph-gd-'));
    const txt = tf.train.writeGraph(tf.getDefaultGraph(), dir, 'graph.pbtxt');
    expect(readFileSync(txt, 'utf8')).toMatch(/^node \{\n {2}name: "x"/);
    const pb = tf.train.writeGraph(tf.getDefaultGraph(), dir, 'graph.pb', false);
    const back = tf.GraphDef.decode(new Uint8Array(readFileSync(pb)));
    expect(back.node.map((n) => n.name)).toEqual(tf.getDefaultGraph().getOperations().map((o) => o.name));
  });

  it('rejects unknown op types, dangling inputs and unused input_map keys, leaving the graph unchanged', () => {
    const bad = { node: [{ name: 'a', op: 'NoSuchOp' }] };
    expect(() => tf.importGraphDef(bad)).toThrow(/Op type not registered 'NoSuchOp'/);
    const dangling = { node: [{ name: 'y', op: 'Identity', input: ['missing'], attr: { T: { type: 'DT_FLOAT' } } }] };
    expect(() => tf.importGraphDef(dangling)).toThrow(/input 'missing' is not a node/);
    expect(() => tf.importGraphDef(tfBytes, { inputMap: { 'nope:0': tf.constant(1) } })).toThrow(/Attempted to map inputs that were not found/);
  });
});
