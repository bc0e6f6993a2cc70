import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';

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

describe('tf.case', () => {
  it('returns the first pair whose predicate holds, else the default (nested conds under case/)', async () => {
    await inSession(async (sess, g) => {
      const x = tf.placeholder('float32', [], 'x');
      const y = tf.case(
        [
          [tf.less(x, 0), () => tf.negative(x)],
          [tf.less(x, 10), () => tf.multiply(x, 2)],
        ],
        { default: () => tf.constant(100) },
      );
      expect(y.name).toBe('case/cond/Identity:0');
      expect(g.getOperationByName('case/cond').type).toBe('If');
      const run = async (v: number): Promise<unknown> => (await sess.run(y, { 'x:0': v })).item();
      expect(await run(-3)).toBe(3);
      expect(await run(4)).toBe(8);
      expect(await run(12)).toBe(100);
    });
  });

  it('without a default uses the last pair and fails a run where no predicate holds', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [], 'x');
      const y = tf.case([
        [tf.less(x, 0), () => tf.constant(-1)],
        [tf.greater(x, 0), () => tf.constant(1)],
      ]);
      expect((await sess.run(y, { 'x:0': -5 })).item()).toBe(-1);
      expect((await sess.run(y, { 'x:0': 5 })).item()).toBe(1);
      await expect(sess.run(y, { 'x:0': 0 })).rejects.toThrow(
        /assertion failed: \[Input error: None of conditions evaluated as True:\] \[0 0\]/,
      );
    });
  });

  it('a single pair without a default is just that function (TF1 builds no cond)', () => {
    const x = tf.placeholder('float32', [], 'x');
    const p = tf.placeholder('bool', [], 'p');
    expect(tf.case([[p, () => x]]) === x).toBe(true);
  });

  it('exclusive: a run where several predicates hold fails with TF1 message', async () => {
    await inSession(async (sess) => {
      const p = tf.placeholder('bool', [], 'p');
      const q = tf.placeholder('bool', [], 'q');
      const x = tf.constant(1);
      const y = tf.case(
        [
          [p, () => x],
          [q, () => tf.multiply(x, 2)],
        ],
        { default: () => tf.multiply(x, 4), exclusive: true },
      );
      expect((await sess.run(y, { 'p:0': false, 'q:0': true })).item()).toBe(2);
      expect((await sess.run(y, { 'p:0': false, 'q:0': false })).item()).toBe(4);
      await expect(sess.run(y, { 'p:0': true, 'q:0': true })).rejects.toThrow(
        'assertion failed: [Input error: exclusive=True: more than 1 conditions (p:0, q:0) evaluated as True:] [1 1]',
      );
    });
  });

  it('checks its arguments as TF1 does', () => {
    const x = tf.placeholder('float32', [], 'x');
    const p = tf.placeholder('bool', [], 'p');
    expect(() => tf.case('nope' as never)).toThrow(
      /^'pred_fn_pairs' must be a list, tuple, or dict/,
    );
    expect(() => tf.case([[p] as never])).toThrow(
      /^Each entry in 'pred_fn_pairs' must be a 2-tuple/,
    );
    expect(() => tf.case([[x, () => x]])).toThrow(
      new tf.TypeError('pred must be Tensor of type bool: x:0'),
    );
    expect(() => tf.case([[p, 3 as never]])).toThrow(
      new tf.TypeError('fn for pred p:0 must be callable.'),
    );
    expect(() => tf.case([])).toThrow(tf.ValueError);
  });

  it('tf.Assert fails a run with its data', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [null], 'x');
      const check = tf.Assert(tf.less(tf.reduceMax(x), 10), ['x too large:', x], { summarize: 2 });
      expect(check.type).toBe('Assert');
      const y = tf.controlDependencies([check], () => tf.identity(x));
      expect((await sess.run(y, { 'x:0': [1, 2] })).toArray()).toEqual([1, 2]);
      await expect(sess.run(y, { 'x:0': [11, 2, 3] })).rejects.toThrow(
        'assertion failed: [x too large:] [11 2...]',
      );
    });
  });
});

describe('tf.tuple', () => {
  it('gates every value on all of them, with TF1 names', async () => {
    await inSession(async (sess, g) => {
      const v = new tf.Variable(0, { name: 'v' });
      const x = tf.placeholder('float32', [2], 'x');
      const inc = tf.assignAdd(v, 1);
      const [a, b, none] = tf.tuple([x, tf.multiply(x, 2), null], { controlInputs: [inc] });
      expect((a as tf.Tensor).name).toBe('tuple/control_dependency:0');
      expect((b as tf.Tensor).name).toBe('tuple/control_dependency_1:0');
      expect(none).toBeNull();
      const gate = g.getOperationByName('tuple/group_deps');
      expect(gate.controlInputs.map((o) => o.name)).toEqual(['x', inc.op.name, 'Mul']);
      expect((a as tf.Tensor).op.controlInputs.map((o) => o.name)).toEqual([gate.name]);
      await sess.run(v.initializer);
      expect((await sess.run(a as tf.Tensor, { 'x:0': [1, 2] })).toArray()).toEqual([1, 2]);
      expect((await sess.run(v)).item()).toBe(1);
    });
  });

  it('needs at least one tensor; an Operation entry becomes a gated NoOp', () => {
    expect(() => tf.tuple([null])).toThrow(/^'tensors' must have at least one Tensor/);
    const op = tf.noOp('work');
    const [t] = tf.tuple([op]);
    expect((t as tf.Operation).type).toBe('NoOp');
  });
});
