import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
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

const int = (v: number | number[], name?: string): tf.Tensor =>
  tf.constant(v, { dtype: 'int32', ...(name ? { name } : {}) });

describe('tf.whileLoop values', () => {
  it('counts, and returns a one-variable loop as the tensor itself', async () => {
    await inSession(async (sess) => {
      const n = tf.placeholder('int32', [], 'n');
      const i = tf.whileLoop(
        (i) => tf.less(i, n),
        (i) => tf.add(i, 1),
        [int(0)],
      );
      expect(i).toBeInstanceOf(tf.Tensor);
      expect(i.dtype).toBe('int32');
      expect((await sess.run(i, { 'n:0': 10 })).item()).toBe(10);
      expect((await sess.run(i, { 'n:0': -3 })).item()).toBe(0);
      const same = tf.whileLoop(
        (i) => tf.less(i, 3),
        (i) => [tf.add(i, 1)],
        [int(0)],
        { returnSameStructure: true },
      );
      expect(Array.isArray(same)).toBe(true);
      expect((await sess.run(same[0]!)).item()).toBe(3);
    });
  });

  it('computes Fibonacci numbers with several loop variables', async () => {
    await inSession(async (sess) => {
      const [, a, b] = tf.whileLoop(
        (k) => tf.less(k, 10),
        (k, a, b) => [tf.add(k, 1), b, tf.add(a, b)],
        [int(0), int(0), int(1)],
      );
      const fib = [0, 1];
      for (let k = 0; k < 10; k++) fib.push(fib[fib.length - 1]! + fib[fib.length - 2]!);
      const [va, vb] = await sess.run([a!, b!]);
      expect(va!.item()).toBe(fib[10]);
      expect(vb!.item()).toBe(fib[11]);
    });
  });

  it('stops at maximumIterations (a number or a tensor)', async () => {
    await inSession(async (sess) => {
      const forever = tf.whileLoop(
        () => true,
        (i) => tf.add(i, 2),
        [int(0)],
        { maximumIterations: 7 },
      );
      expect((await sess.run(forever)).item()).toBe(14);
      const m = tf.placeholder('int32', [], 'm');
      const early = tf.whileLoop(
        (i) => tf.less(i, 5),
        (i) => tf.add(i, 1),
        [int(0)],
        { maximumIterations: m },
      );
      expect((await sess.run(early, { 'm:0': 100 })).item()).toBe(5);
      expect((await sess.run(early, { 'm:0': 2 })).item()).toBe(2);
      expect((await sess.run(early, { 'm:0': 0 })).item()).toBe(0);
    });
  });

  it('loops over nested structures (arrays and objects) and float tensors', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [null, 2], 'x');
      const out = tf.whileLoop(
        (i) => tf.less(i, 3),
        (i, s) => [tf.add(i, 1), { sum: tf.add(s.sum, s.step), step: tf.multiply(s.step, 2) }],
        [int(0), { sum: x, step: tf.onesLike(x) }],
      );
      expect(out[1].sum.shape.toString()).toBe('(?, 2)');
      const v = await sess.run(out[1], {
        'x:0': [
          [1, 2],
          [3, 4],
        ],
      });
      expect(v.sum.toArray()).toEqual([
        [8, 9],
        [10, 11],
      ]);
      expect(v.step.toArray()).toEqual([
        [8, 8],
        [8, 8],
      ]);
    });
  });

  it('captures outer tensors and reads variables in the body and condition', async () => {
    await inSession(async (sess) => {
      const step = tf.placeholder('float32', [], 'step');
      const limit = new tf.Variable(10, { name: 'limit' });
      const r = tf.whileLoop(
        (v) => tf.less(v, limit),
        (v) => tf.add(v, step),
        [tf.constant(0)],
      );
      await sess.run(limit.initializer);
      expect((await sess.run(r, { 'step:0': 3 })).item()).toBe(12);
      const op = tf.getDefaultGraph().getOperationByName('while');
      expect(op.inputs.map((t) => t.name)).toEqual([
        'while/loop_counter:0',
        'while/maximum_iterations:0',
        'Const:0',
        'limit/read:0',
        'step:0',
      ]);
    });
  });

  it('assigns a variable in every iteration, in the run transaction', async () => {
    await inSession(async (sess) => {
      const acc = new tf.Variable(0, { name: 'acc' });
      const r = tf.whileLoop(
        (i) => tf.less(i, 4),
        (i) =>
          tf.controlDependencies([tf.assignAdd(acc, tf.cast(i, 'float32'))], () => tf.add(i, 1)),
        [int(0)],
      );
      await sess.run(acc.initializer);
      await sess.run(r);
      expect((await sess.run(acc)).item()).toBe(0 + 1 + 2 + 3);
      await sess.run(r);
      expect((await sess.run(acc)).item()).toBe(12);
    });
  });

  it('nests loops and conds', async () => {
    await inSession(async (sess) => {
      // sum over i < 4 of (i even ? sum over j < i of j : -i)
      const [, total] = tf.whileLoop(
        (i) => tf.less(i, 4),
        (i, t) => {
          const even = tf.equal(tf.floormod(i, 2), 0);
          const term = tf.cond(
            even,
            () =>
              tf.whileLoop(
                (j) => tf.less(j, i),
                (j, s) => [tf.add(j, 1), tf.add(s, j)],
                [int(0), int(0)],
              )[1]!,
            () => tf.negative(i),
          );
          return [tf.add(i, 1), tf.add(t, term)];
        },
        [int(0), int(0)],
      );
      expect((await sess.run(total!)).item()).toBe(0 + -1 + (0 + 1) + -3);
    });
  });

  it('keeps unknown dims and an unknown rank through the loop', async () => {
    await inSession(async (sess) => {
      const u = tf.placeholder('float32', null, 'u');
      const b = tf.placeholder('float32', [null, 2], 'b');
      const [, ru, rb] = tf.whileLoop(
        (i) => tf.less(i, 2),
        (i, u, b) => [tf.add(i, 1), tf.add(u, 1), tf.multiply(b, 2)],
        [int(0), u, b],
      );
      expect(ru!.shape.toString()).toBe('<unknown>');
      expect(rb!.shape.toString()).toBe('(?, 2)');
      const [vu, vb] = await sess.run([ru!, rb!], { 'u:0': [[1], [2]], 'b:0': [[1, 2]] });
      expect(vu!.toArray()).toEqual([[3], [4]]);
      expect(vb!.toArray()).toEqual([[4, 8]]);
      const [g] = tf.gradients(tf.reduceSum(tf.multiply(rb!, rb!)), b);
      expect(g!.shape.toString()).toBe('(?, 2)');
      // d/db sum((4b)^2) = 32 b
      expect(
        (
          await sess.run(g!, {
            'u:0': 0,
            'b:0': [
              [1, 2],
              [3, 4],
            ],
          })
        ).toArray(),
      ).toEqual([
        [32, 64],
        [96, 128],
      ]);
    });
  });

  it('runs zero iterations', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [3], 'x');
      const r = tf.whileLoop(
        () => false,
        (v) => tf.multiply(v, 2),
        [x],
      );
      expect((await sess.run(r, { 'x:0': [1, 2, 3] })).toArray()).toEqual([1, 2, 3]);
    });
  });
});

describe('tf.whileLoop runs', () => {
  it('a body failing in a later iteration fails the run, rolls back assignments and leaks nothing', async () => {
    await inSession(async (sess) => {
      const v = new tf.Variable(0, { name: 'v' });
      const x = tf.placeholder('float32', [null], 'x');
      const [, r] = tf.whileLoop(
        (i) => tf.less(i, 5),
        (i, a) => {
          // Reshaping to [2] works while a has 2 elements; the third iteration has 4.
          const grown = tf.cond(
            tf.less(i, 2),
            () => a,
            () => tf.concat([a, a], 0),
          );
          const checked = tf.reshape(grown, [2]);
          return [
            tf.add(i, 1),
            tf.controlDependencies([tf.assignAdd(v, 1)], () => tf.identity(checked)),
          ];
        },
        [int(0), x],
        { shapeInvariants: [[], [null]] },
      );
      await sess.run(v.initializer);
      await expect(sess.run(r!, { 'x:0': [1, 2] })).rejects.toThrow(tf.InvalidArgumentError);
      expect((await sess.run(v)).item()).toBe(0);
    });
  });

  it('backProp: false makes the results constants for tf.gradients', () => {
    const x = tf.placeholder('float32', [], 'x');
    const r = tf.whileLoop(
      (i) => tf.less(i, 3),
      (i, v) => [tf.add(i, 1), tf.multiply(v, 2)],
      [int(0), x],
      { backProp: false },
    );
    expect(tf.gradients(r[1]!, x)).toEqual([null]);
  });

  it('a loop built in a controlDependencies block runs after the dependencies', async () => {
    await inSession(async (sess, g) => {
      const v = new tf.Variable(1, { name: 'v' });
      const set = tf.assign(v, 3);
      const r = tf.controlDependencies([set], () =>
        tf.whileLoop(
          (a) => tf.less(a, 10),
          (a) => tf.multiply(a, v.read()),
          [tf.constant(1)],
        ),
      );
      // The loop's inputs are built in the block, so they carry the dependency (TF's op_in_group).
      expect(g.getOperationByName('while/loop_counter').controlInputs.map((o) => o.name)).toEqual([
        set.op.name,
      ]);
      await sess.run(v.initializer);
      // Reading the variable inside the body sees the assignment made before the loop: 1, 3, 9, 27.
      expect((await sess.run(r)).item()).toBe(27);
    });
  });
});

describe('tf.whileLoop graph structure', () => {
  it('builds one While (TF2 layout and names) with cond and body under while/', () => {
    const x = tf.placeholder('float32', [null, 3], 'x');
    const [i, y] = tf.whileLoop(
      (i) => tf.less(i, 10),
      (i, a) => [tf.add(i, 1), tf.multiply(a, 2)],
      [int(0), x],
    );
    const g = tf.getDefaultGraph();
    expect(i!.name).toBe('while/Identity_2:0');
    expect(y!.name).toBe('while/Identity_3:0');
    expect(y!.shape.toString()).toBe('(?, 3)');
    const op = g.getOperationByName('while');
    expect(op.type).toBe('While');
    expect(op.getAttr('T')).toEqual(['int32', 'int32', 'int32', 'float32']);
    expect(op.getAttr('parallel_iterations')).toBe(10);
    const body = op.getAttr('body') as GraphFunction;
    const cond = op.getAttr('cond') as GraphFunction;
    expect(body.graph.getOperations().every((o) => o.name.startsWith('while/'))).toBe(true);
    expect(cond.graph.getOperations().map((o) => o.type)).toContain('Less');
    expect(body.graph.getOperations().map((o) => o.name)).toContain('while/Mul');
    const second = tf.whileLoop(
      (v) => tf.less(v, 1),
      (v) => v,
      [tf.constant(0)],
      { name: 'loop', parallelIterations: 3 },
    );
    expect(second.name).toBe('loop/Identity_2:0');
    expect(g.getOperationByName('loop').getAttr('parallel_iterations')).toBe(3);
  });

  it('keeps shape invariants: a body changing a shape fails unless shapeInvariants relax it', async () => {
    const ones = tf.ones([1], 'float32', 'ones');
    expect(() =>
      tf.whileLoop(
        (a) => tf.less(tf.reduceSum(a), 10),
        (a) => tf.concat([a, a], 0),
        [ones],
      ),
    ).toThrow(
      new tf.ValueError(
        "Input tensor 'ones:0' enters the loop with shape (1,), but has shape (2,) after one iteration. To allow the shape to vary across iterations, use the `shape_invariants` argument of tf.while_loop to specify a less-specific shape.",
      ),
    );
    const grown = tf.whileLoop(
      (a) => tf.less(tf.reduceSum(a), 10),
      (a) => tf.concat([a, a], 0),
      [ones],
      { shapeInvariants: [[null]] },
    );
    expect(grown.shape.toString()).toBe('(?,)');
    const sess = new tf.Session();
    expect((await sess.run(grown)).shape).toEqual([16]);
    sess.close();
    expect(() =>
      tf.whileLoop(
        (a) => tf.less(tf.reduceSum(a), 10),
        (a) => a,
        [ones],
        { shapeInvariants: [[2]] },
      ),
    ).toThrow(
      /^The shape invariant specified for ones:0 is not compatible with the initial shape of the loop variable. It enters the loop with shape \(1,\), but the specified shape invariant is \(2,\)\.$/,
    );
  });

  it('rejects a body changing a dtype or the structure, and a bad condition', () => {
    const i0 = int(0, 'Const');
    expect(() =>
      tf.whileLoop(
        (a) => tf.less(a, 10),
        (a) => tf.cast(a, 'float32'),
        [i0],
      ),
    ).toThrow(
      new tf.TypeError(
        "Loop var Const:0 enters the loop with type <dtype: 'int32'> but has type <dtype: 'float32'> after 1 iteration. Const:0 type should remain constant.",
      ),
    );
    expect(() =>
      tf.whileLoop(
        (a) => tf.less(a, 10),
        (a) => [tf.add(a, 1)],
        [i0, i0],
      ),
    ).toThrow(/^The two structures don't have the same nested structure\./);
    expect(() =>
      tf.whileLoop(
        () => tf.constant(1),
        (a) => a,
        [i0],
      ),
    ).toThrow(tf.TypeError);
    expect(() =>
      tf.whileLoop(
        () => tf.fill([2], true),
        (a) => a,
        [i0],
      ),
    ).toThrow(/Shape must be rank 0 but is rank 1/);
    expect(() => tf.whileLoop(() => true, ((a: tf.Tensor) => a) as never, [])).toThrow(
      new tf.ValueError("'loop_vars' must be provided."),
    );
    expect(() => tf.whileLoop(1 as never, (a) => a, [i0])).toThrow(
      new tf.TypeError("'cond' must be callable."),
    );
    expect(() =>
      tf.whileLoop(
        () => true,
        (a) => a,
        [i0],
        { maximumIterations: tf.constant(2.5) },
      ),
    ).toThrow(/maximum_iterations must be an integer/);
    expect(() =>
      tf.whileLoop(
        () => true,
        (a) => a,
        [i0],
        { parallelIterations: 0 },
      ),
    ).toThrow(/'parallel_iterations' must be a positive integer/);
  });
});
