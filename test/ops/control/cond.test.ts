import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { FuncGraph } from '../../../src/ops/control/func_graph.js';
import type { GraphFunction } from '../../../src/ops/control/graph_function.js';

afterEach(() => tf.resetDefaultGraph());

/** Runs `fn` in a fresh graph with a cpu Session, closing it and checking no tensor leaked. */
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

function branchOps(op: tf.Operation, attr: 'then_branch' | 'else_branch'): string[] {
  return (op.getAttr(attr) as GraphFunction).graph.getOperations().map((o) => o.name);
}

describe('tf.cond values', () => {
  it('runs the branch the predicate picks', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [null, 3], 'x');
      const p = tf.placeholder('bool', [], 'p');
      const y = tf.cond(
        p,
        () => tf.multiply(x, x),
        () => tf.multiply(3, x),
      );
      expect(y.name).toBe('cond/Identity:0');
      expect(y.shape.toString()).toBe('(?, 3)');
      const feed = {
        'x:0': [
          [1, 2, 3],
          [-1, 0, 4],
        ],
      };
      expect((await sess.run(y, { ...feed, 'p:0': true })).toArray()).toEqual([
        [1, 4, 9],
        [1, 0, 16],
      ]);
      expect((await sess.run(y, { ...feed, 'p:0': false })).toArray()).toEqual([
        [3, 6, 9],
        [-3, 0, 12],
      ]);
    });
  });

  it('returns nested structures (arrays and objects) and unpacks a one-element list unless strict', async () => {
    await inSession(async (sess) => {
      const p = tf.placeholder('bool', [], 'p');
      const a = tf.constant([1, 2]);
      const r = tf.cond(
        p,
        () => ({ s: tf.add(a, 1), t: [a, tf.constant(5)] }),
        () => ({ s: a, t: [tf.negative(a), tf.constant(6)] }),
      );
      const v = await sess.run(r, { 'p:0': false });
      expect(v.s.toArray()).toEqual([1, 2]);
      expect(v.t[0]!.toArray()).toEqual([-1, -2]);
      expect(v.t[1]!.item()).toBe(6);
      const single = tf.cond(
        p,
        () => [a],
        () => [tf.add(a, a)],
      );
      expect(single).toBeInstanceOf(tf.Tensor);
      expect((await sess.run(single, { 'p:0': false })).toArray()).toEqual([2, 4]);
      const strict = tf.cond(
        p,
        () => [a],
        () => [a],
        { strict: true },
      );
      expect(Array.isArray(strict)).toBe(true);
    });
  });

  it('converts host values and reads Variables as their snapshot', async () => {
    await inSession(async (sess) => {
      const v = new tf.Variable(4, { name: 'v' });
      const p = tf.placeholder('bool', [], 'p');
      const y = tf.cond(
        p,
        () => 1.5,
        () => v,
      );
      await sess.run(v.initializer);
      expect((await sess.run(y, { 'p:0': true })).item()).toBe(1.5);
      expect((await sess.run(y, { 'p:0': false })).item()).toBe(4);
    });
  });

  it('nests conds, capturing outer tensors through each level', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [], 'x');
      const p = tf.placeholder('bool', [], 'p');
      const q = tf.placeholder('bool', [], 'q');
      const y = tf.cond(
        p,
        () =>
          tf.cond(
            q,
            () => tf.multiply(x, 10),
            () => tf.multiply(x, 100),
          ),
        () => tf.negative(x),
      );
      const run = async (pv: boolean, qv: boolean): Promise<unknown> =>
        (await sess.run(y, { 'x:0': 2, 'p:0': pv, 'q:0': qv })).item();
      expect(await run(true, true)).toBe(20);
      expect(await run(true, false)).toBe(200);
      expect(await run(false, true)).toBe(-2);
      const thenOps = branchOps(tf.getDefaultGraph().getOperationByName('cond'), 'then_branch');
      expect(thenOps).toContain('cond/cond');
    });
  });

  it('takes its predicate from a computation and builds inside a name scope', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [2], 'x');
      const y = tf.nameScope('outer', () =>
        tf.cond(
          tf.less(tf.reduceSum(x), 0),
          () => tf.negative(x),
          () => x,
        ),
      );
      expect(y.name).toBe('outer/cond/Identity:0');
      expect((await sess.run(y, { 'x:0': [-3, 1] })).toArray()).toEqual([3, -1]);
      expect((await sess.run(y, { 'x:0': [3, 1] })).toArray()).toEqual([3, 1]);
    });
  });
});

describe('tf.cond runs only the taken branch', () => {
  it('an assignment in a branch takes effect only when that branch runs', async () => {
    await inSession(async (sess) => {
      const v = new tf.Variable(0, { name: 'v' });
      const p = tf.placeholder('bool', [], 'p');
      const y = tf.cond(
        p,
        () => tf.assignAdd(v, 1),
        () => tf.identity(v),
      );
      await sess.run(v.initializer);
      await sess.run(y, { 'p:0': false });
      expect((await sess.run(v)).item()).toBe(0);
      expect((await sess.run(y, { 'p:0': true })).item()).toBe(1);
      expect((await sess.run(y, { 'p:0': true })).item()).toBe(2);
      expect((await sess.run(y, { 'p:0': false })).item()).toBe(2);
      expect((await sess.run(v)).item()).toBe(2);
    });
  });

  it('a branch returning an Operation runs it and yields the predicate', async () => {
    await inSession(async (sess) => {
      const v = new tf.Variable(1, { name: 'v' });
      const p = tf.placeholder('bool', [], 'p');
      const r = tf.cond(
        p,
        () => tf.assign(v, 10).op,
        () => tf.assign(v, 20).op,
      );
      expect(r.dtype).toBe('bool');
      await sess.run(v.initializer);
      expect((await sess.run(r, { 'p:0': false })).item()).toBe(false);
      expect((await sess.run(v)).item()).toBe(20);
      expect((await sess.run(r, { 'p:0': true })).item()).toBe(true);
      expect((await sess.run(v)).item()).toBe(10);
    });
  });

  it('a branch that would fail is not run', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [null], 'x');
      const p = tf.placeholder('bool', [], 'p');
      // Reading an uninitialized variable inside the branch fails the run, only if it runs.
      const never = new tf.Variable(0, { name: 'never' });
      const y = tf.cond(
        p,
        () => tf.add(x, never.read()),
        () => tf.multiply(x, 2),
      );
      expect((await sess.run(y, { 'x:0': [1, 2], 'p:0': false })).toArray()).toEqual([2, 4]);
      await expect(sess.run(y, { 'x:0': [1, 2], 'p:0': true })).rejects.toThrow(
        /uninitialized value never/,
      );
      // As in TF1, a value captured from outside (the variable's snapshot) is computed first.
      const outside = tf.cond(
        p,
        () => tf.add(x, never),
        () => x,
      );
      await expect(sess.run(outside, { 'x:0': [1, 2], 'p:0': false })).rejects.toThrow(
        tf.FailedPreconditionError,
      );
      const bad = tf.cond(
        p,
        () => tf.reshape(x, [3]),
        () => x,
      );
      expect((await sess.run(bad, { 'x:0': [1, 2], 'p:0': false })).toArray()).toEqual([1, 2]);
      await expect(sess.run(bad, { 'x:0': [1, 2], 'p:0': true })).rejects.toThrow(
        tf.InvalidArgumentError,
      );
    });
  });

  it('a failed branch rolls back its assignments with the run', async () => {
    await inSession(async (sess) => {
      const v = new tf.Variable(5, { name: 'v' });
      const p = tf.placeholder('bool', [], 'p');
      const x = tf.placeholder('float32', [null], 'x');
      const y = tf.cond(
        p,
        () => tf.controlDependencies([tf.assign(v, 7)], () => tf.reshape(x, [3])),
        () => x,
      );
      await sess.run(v.initializer);
      await expect(sess.run(y, { 'x:0': [1, 2], 'p:0': true })).rejects.toThrow();
      expect((await sess.run(v)).item()).toBe(5);
    });
  });

  it('a random op in a branch draws once per run', async () => {
    await inSession(async (sess) => {
      const p = tf.placeholder('bool', [], 'p');
      const r = tf.cond(
        p,
        () => tf.randomUniform([4]),
        () => tf.zeros([4]),
      );
      const a = (await sess.run(r, { 'p:0': true })).toArray() as number[];
      expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
      expect((await sess.run(r, { 'p:0': false })).toArray()).toEqual([0, 0, 0, 0]);
    });
  });
});

describe('tf.cond graph structure', () => {
  it('builds one If named cond with the branches under cond/ (names unique across branches)', () => {
    const x = tf.placeholder('float32', [], 'x');
    const p = tf.placeholder('bool', [], 'p');
    tf.cond(
      p,
      () => tf.multiply(x, x),
      () => tf.multiply(tf.constant(3), x),
    );
    const g = tf.getDefaultGraph();
    expect(g.getOperations().map((o) => `${o.name}:${o.type}`)).toEqual([
      'x:Placeholder',
      'p:Placeholder',
      'cond:If',
      'cond/Identity:Identity',
    ]);
    const op = g.getOperationByName('cond');
    expect(op.inputs.map((t) => t.name)).toEqual(['p:0', 'x:0']);
    expect(branchOps(op, 'then_branch')).toEqual(['cond/x', 'cond/Mul']);
    expect(branchOps(op, 'else_branch')).toEqual(['cond/Const', 'cond/x_1', 'cond/Mul_1']);
    expect(op.getAttr('Tin')).toEqual(['float32']);
    expect((op.getAttr('then_branch') as GraphFunction).graph).toBeInstanceOf(FuncGraph);
    // A second cond gets its own scope.
    const y2 = tf.cond(
      p,
      () => x,
      () => x,
    );
    expect(y2.name).toBe('cond_1/Identity:0');
  });

  it('merges the branches static shapes: known where they agree, unknown dims or rank where not', () => {
    const p = tf.placeholder('bool', [], 'p');
    const u = tf.placeholder('float32', null, 'u');
    const y1 = tf.cond(
      p,
      () => tf.zeros([2, 3]),
      () => tf.zeros([4, 3]),
    );
    expect(y1.shape.toString()).toBe('(?, 3)');
    const y2 = tf.cond(
      p,
      () => tf.zeros([2, 3]),
      () => tf.zeros([4]),
    );
    expect(y2.shape.toString()).toBe('<unknown>');
    const y3 = tf.cond(
      p,
      () => u,
      () => tf.zeros([4]),
    );
    expect(y3.shape.toString()).toBe('<unknown>');
    const y4 = tf.cond(
      p,
      () => tf.zeros([2, 3]),
      () => tf.ones([2, 3]),
    );
    expect(y4.shape.toString()).toBe('(2, 3)');
  });

  it('a JS boolean predicate picks the branch while building (no If)', () => {
    const x = tf.placeholder('float32', [], 'x');
    const before = tf.getDefaultGraph().getOperations().length;
    let called = 0;
    const y = tf.cond(
      true,
      () => x,
      () => {
        called += 1;
        return tf.negative(x);
      },
    );
    expect(y === x).toBe(true);
    expect(called).toBe(0);
    expect(tf.getDefaultGraph().getOperations().length).toBe(before);
  });

  it('smartCond folds a JS boolean or a constant predicate, and builds a cond otherwise', () => {
    const x = tf.placeholder('float32', [], 'x');
    expect(
      tf.smartCond(
        false,
        () => 1,
        () => 2,
      ),
    ).toBe(2);
    expect(
      tf.smartCond(
        tf.constant(true),
        () => x,
        () => tf.negative(x),
      ) === x,
    ).toBe(true);
    const p = tf.placeholder('bool', [], 'p');
    const y = tf.smartCond(
      p,
      () => x,
      () => tf.negative(x),
    ) as tf.Tensor;
    expect(y.op.type).toBe('Identity');
    expect(y.op.inputs[0]!.op.type).toBe('If');
  });

  it('takes the If as a control input inside a controlDependencies block, and lifts outer control deps in branches', async () => {
    await inSession(async (sess, g) => {
      const v = new tf.Variable(0, { name: 'v' });
      const p = tf.placeholder('bool', [], 'p');
      const inc = tf.assignAdd(v, 1);
      const y = tf.cond(
        p,
        () => tf.controlDependencies([inc], () => tf.constant(1)),
        () => tf.constant(2),
      );
      const ifOp = g.getOperationByName('cond');
      expect(ifOp.controlInputs.map((o) => o.name)).toEqual([inc.op.name]);
      await sess.run(v.initializer);
      await sess.run(y, { 'p:0': false });
      expect((await sess.run(v)).item()).toBe(1);
    });
  });
});

describe('tf.cond errors', () => {
  it('rejects branches of different dtypes or structures with TF1 messages', () => {
    const p = tf.placeholder('bool', [], 'p');
    const x = tf.placeholder('float32', [null, 3], 'x');
    expect(() =>
      tf.cond(
        p,
        () => x,
        () => tf.constant(1, { dtype: 'int32' }),
      ),
    ).toThrow(
      new tf.ValueError(
        "Outputs of 'true_fn' and 'false_fn' must have the same type(s). Received float32 from 'true_fn' and int32 from 'false_fn'.",
      ),
    );
    expect(() =>
      tf.cond(
        p,
        () => [x, x],
        () => x,
      ),
    ).toThrow(
      /^Incompatible return values of 'true_fn' and 'false_fn': The two structures don't have the same nested structure\./,
    );
    expect(() =>
      tf.cond(
        p,
        () => ({ a: x }),
        () => ({ b: x }),
      ),
    ).toThrow(/The two dictionaries don't have the same set of keys/);
    expect(() =>
      tf.cond(
        p,
        () => [x, x],
        () => [x, x, x],
      ),
    ).toThrow(/don't have the same number of elements/);
    expect(() =>
      tf.cond(
        p,
        () => undefined,
        () => x,
      ),
    ).toThrow(new tf.ValueError("'true_fn' must have a return value."));
    expect(() =>
      tf.cond(
        p,
        () => [],
        () => [],
      ),
    ).toThrow(new tf.ValueError("'true_fn' and 'false_fn' must return at least one result."));
  });

  it('checks the predicate: callable branches, a bool scalar', () => {
    const x = tf.placeholder('float32', [], 'x');
    const p = tf.placeholder('bool', [], 'p');
    expect(() => tf.cond(p, 1 as never, () => x)).toThrow(
      new tf.TypeError("'true_fn' must be callable."),
    );
    expect(() =>
      tf.cond(
        x,
        () => x,
        () => x,
      ),
    ).toThrow(
      new tf.TypeError(
        "Input 'pred' of 'If' Op has type float32 that does not match expected type of bool.",
      ),
    );
    const vec = tf.placeholder('bool', [2], 'vec');
    expect(() =>
      tf.cond(
        vec,
        () => x,
        () => x,
      ),
    ).toThrow(/^If 'cond(_\d+)?': Shape must be rank 0 but is rank 1/);
    const unknown = tf.placeholder('bool', null, 'unknown');
    expect(
      tf
        .cond(
          unknown,
          () => x,
          () => x,
        )
        .shape.toString(),
    ).toBe('()');
  });

  it('fails at run time for a non-scalar predicate of unknown static rank', async () => {
    await inSession(async (sess) => {
      const x = tf.placeholder('float32', [], 'x');
      const p = tf.placeholder('bool', null, 'p');
      const y = tf.cond(
        p,
        () => x,
        () => x,
      );
      await expect(sess.run(y, { 'x:0': 1, 'p:0': [true, false] })).rejects.toThrow(
        /must be a scalar, but it has shape \[2\]/,
      );
    });
  });

  it('a tensor built inside a branch cannot be used outside it', () => {
    const x = tf.placeholder('float32', [], 'x');
    const p = tf.placeholder('bool', [], 'p');
    let leaked: tf.Tensor | null = null;
    tf.cond(
      p,
      () => {
        leaked = tf.multiply(x, 2);
        return leaked;
      },
      () => x,
    );
    expect(() => tf.add(leaked!, 1)).toThrow(
      /cannot be accessed here: it is defined in another function or code block/,
    );
    expect(() => tf.negative(leaked!)).toThrow(/The tensor 'cond\/Mul:0' cannot be accessed here/);
  });
});
