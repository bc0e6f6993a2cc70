import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { FuncGraph } from '../../../src/ops/control/func_graph.js';
import type { GraphFunction } from '../../../src/ops/control/graph_function.js';

afterEach(() => tf.resetDefaultGraph());

async function inSession(fn: (sess: tf.Session, g: tf.Graph) => Promise<void>): Promise<void> {
  const g = new tf.Graph();
  const before = tfc.memory().numTensors;
  await g.asDefault(async () => {
    const sess = new tf.Session({ graph: g, backend: 'cpu' });
    try {
      await fn(sess, g);
    } finally {
      sess.close();
    }
  });
  expect(tfc.memory().numTensors, 'leaked tensors').toBe(before);
}

describe('FuncGraph (branch and loop-body graphs)', () => {
  it('captures an outer tensor once, copies small integer constants, mirrors variable references', () => {
    const g = tf.getDefaultGraph();
    const x = tf.placeholder('float32', [2], 'x');
    const axis = tf.constant(0, { dtype: 'int32', name: 'axis' });
    const v = new tf.Variable([1, 2], { name: 'v' });
    const body = new FuncGraph('body', g, 'scope');
    expect(body.outerGraph === g).toBe(true);
    const [a, b, c] = body.trace(() => [tf.multiply(x, x), tf.reduceSum(x, axis), tf.assign(v, x)]);
    expect(a!.graph === body).toBe(true);
    expect(body.captures.map((cap) => [cap.outer.name, cap.inner.name])).toEqual([
      ['x:0', 'scope/x:0'],
    ]);
    const ops = body.getOperations();
    expect(ops.find((o) => o.name === 'scope/axis')?.type).toBe('Const');
    // The assignment's reference is an op of the variable's own name, so it writes that variable.
    expect(c!.op.inputs[0]!.op.name).toBe('v');
    expect(c!.op.inputs[0]!.op.type).toBe('VariableV2');
    expect(b!.shape.toString()).toBe('()');
  });

  it('shares variable collections and the variable store with the outer graph', async () => {
    await inSession(async (sess, g) => {
      const p = tf.placeholder('bool', [], 'p');
      const y = tf.cond(
        p,
        () =>
          tf.multiply(
            tf.getVariable('w', { shape: [], initializer: tf.constantInitializer(3) }),
            2,
          ),
        () => tf.variableScope('', { reuse: true }, () => tf.getVariable('w')).value(),
      );
      expect(tf.globalVariables().map((v) => v.name)).toEqual(['w:0']);
      // The variable lives in the outer graph, so the initializer runs it.
      expect(g.getOperationByName('w').type).toBe('VariableV2');
      await sess.run(tf.globalVariablesInitializer());
      expect((await sess.run(y, { 'p:0': true })).item()).toBe(6);
      expect((await sess.run(y, { 'p:0': false })).item()).toBe(3);
    });
  });

  it('creates a Variable made in a branch in the outer graph, under the branch name scope', async () => {
    await inSession(async (sess, g) => {
      const p = tf.placeholder('bool', [], 'p');
      let made: tf.Variable | null = null;
      const y = tf.cond(
        p,
        () => {
          made = new tf.Variable(5, { name: 'inner' });
          return tf.add(made, 1);
        },
        () => tf.constant(0),
      );
      expect(made!.name).toBe('cond/inner:0');
      expect(made!.graph === g).toBe(true);
      await sess.run(tf.globalVariablesInitializer());
      expect((await sess.run(y, { 'p:0': true })).item()).toBe(6);
      const x = tf.placeholder('float32', [], 'x');
      expect(() =>
        tf.cond(
          p,
          () => new tf.Variable(tf.multiply(x, 2)).value(),
          () => x,
        ),
      ).toThrow(/is from inside a control-flow construct/);
    });
  });

  it('other collections written in a branch stay in the branch', () => {
    const p = tf.placeholder('bool', [], 'p');
    tf.addToCollection('losses', 'outer');
    tf.cond(
      p,
      () => {
        tf.addToCollection('losses', 'inner');
        expect(tf.getCollection('losses')).toEqual(['outer', 'inner']);
        return tf.constant(1);
      },
      () => tf.constant(2),
    );
    expect(tf.getCollection('losses')).toEqual(['outer']);
  });

  it('branch functions take the union of both branches captures', () => {
    const x = tf.placeholder('float32', [], 'x');
    const y = tf.placeholder('float32', [], 'y');
    const p = tf.placeholder('bool', [], 'p');
    tf.cond(
      p,
      () => tf.multiply(x, 2),
      () => tf.multiply(y, 3),
    );
    const op = tf.getDefaultGraph().getOperationByName('cond');
    expect(op.inputs.map((t) => t.name)).toEqual(['p:0', 'x:0', 'y:0']);
    const thenFn = op.getAttr('then_branch') as GraphFunction;
    const elseFn = op.getAttr('else_branch') as GraphFunction;
    // Each branch has a placeholder for the other's capture too (unused there).
    expect(thenFn.inputs.map((t) => t.name)).toEqual(['cond/x:0', 'cond/y_1:0']);
    expect(elseFn.inputs.map((t) => t.name)).toEqual(['cond/x_1:0', 'cond/y:0']);
    // The If's outputs: the result, then each branch's intermediates (for gradients).
    expect(op.outputs.length).toBe(1 + thenFn.intermediates.length + elseFn.intermediates.length);
  });

  it('a run without gradients keeps no intermediate; a gradient run reads them', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [1000], 'x');
      const p = tf.placeholder('bool', [], 'p');
      const y = tf.cond(
        p,
        () => tf.reduceSum(tf.exp(tf.multiply(x, 2))),
        () => tf.reduceSum(x),
      );
      // Without gradients no intermediate is read: only the result comes back.
      const before = tfc.memory().numTensors;
      await sess.run(y, { 'x:0': new Float32Array(1000), 'p:0': true });
      expect(tfc.memory().numTensors).toBe(before);
      const [gx] = tf.gradients(y, x);
      expect(
        Array.from(
          (await sess.run(gx!, { 'x:0': new Float32Array(1000), 'p:0': true }))
            .data as Float32Array,
        ).every((v) => v === 2),
      ).toBe(true);
    });
  });
});
