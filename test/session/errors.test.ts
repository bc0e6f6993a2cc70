import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';

let baseline = 0;
const sessions: tf.Session[] = [];
beforeEach(() => {
  baseline = numTensors();
});
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
  expect(numTensors()).toBe(baseline);
  tf.resetDefaultGraph();
});
const open = (graph?: tf.Graph): tf.Session => {
  const s = new tf.Session(graph ? { graph } : {});
  sessions.push(s);
  return s;
};

/** Runs `fn` expecting it to throw `cls` with a message matching `msg`; the backend must not grow. */
async function expectRunError(fn: () => Promise<unknown> | unknown, cls: new (...a: never[]) => Error, msg: RegExp | string): Promise<void> {
  const before = numTensors();
  let err: unknown = null;
  try {
    await fn();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected an error').toBeInstanceOf(cls);
  if (typeof msg === 'string') expect((err as Error).message).toBe(msg);
  else expect((err as Error).message).toMatch(msg);
  expect(numTensors()).toBe(before);
}

describe('TF1 run errors', () => {
  it.each([
    ['float32', [null, 4], "You must feed a value for placeholder tensor 'x' with dtype float and shape [?,4]"],
    ['float32', undefined, "You must feed a value for placeholder tensor 'x' with dtype float"],
    ['bool', [], "You must feed a value for placeholder tensor 'x' with dtype bool and shape []"],
    ['int32', [2], "You must feed a value for placeholder tensor 'x' with dtype int32 and shape [2]"],
    ['float64', [], "You must feed a value for placeholder tensor 'x' with dtype double and shape []"],
    ['string', [], "You must feed a value for placeholder tensor 'x' with dtype string and shape []"],
  ] as const)('unfed %s placeholder of shape %j: InvalidArgumentError', async (dtype, shape, msg) => {
    const x = tf.placeholder(dtype, shape as never, 'x');
    const y = tf.identity(x);
    const s = open();
    await expectRunError(() => s.run(y), tf.InvalidArgumentError, new RegExp(`^${msg.replace(/[[\]?]/g, '\\$&')}`));
    await expectRunError(() => s.runSync(y), tf.InvalidArgumentError, new RegExp(`^${msg.replace(/[[\]?]/g, '\\$&')}`));
  });

  it('names the unfed placeholder in the OpError', async () => {
    const y = tf.identity(tf.placeholder('float32', [], 'x'));
    try {
      await open().run(y);
    } catch (e) {
      expect((e as tf.OpError).opName).toBe('x');
    }
  });

  it.each([
    [[null, 4], [[0, 0, 0]], "Cannot feed value of shape (1, 3) for Tensor 'x:0', which has shape '(?, 4)'"],
    [[null, 4], [0, 0, 0, 0], "Cannot feed value of shape (4,) for Tensor 'x:0', which has shape '(?, 4)'"],
    [[null, 4], 3, "Cannot feed value of shape () for Tensor 'x:0', which has shape '(?, 4)'"],
    [[], [true, false], "Cannot feed value of shape (2,) for Tensor 'x:0', which has shape '()'"],
  ] as const)('a feed of the wrong shape: ValueError (%j fed %j)', async (shape, value, msg) => {
    const x = tf.placeholder('float32', shape as never, 'x');
    await expectRunError(() => open().run(x, { 'x:0': value as never }), tf.ValueError, msg);
  });

  it('a bad feed is reported before an unfed placeholder (TF order)', async () => {
    const x = tf.placeholder('float32', [2], 'x');
    const y = tf.placeholder('float32', [2], 'y');
    await expectRunError(() => open().run(tf.add(x, y), { 'x:0': [1, 2, 3] }), tf.ValueError, "Cannot feed value of shape (3,) for Tensor 'x:0', which has shape '(2,)'");
  });

  it('a feed that cannot be cast, or is ragged, or is a symbolic tensor', async () => {
    const f = tf.placeholder('float32', [1], 'f');
    const i = tf.placeholder('int32', [1], 'i');
    const s = open();
    await expectRunError(() => s.run(f, { 'f:0': ['a'] }), tf.ValueError, "feed for 'f:0': could not convert string to float: 'a'");
    await expectRunError(() => s.run(i, { 'i:0': ['a'] }), tf.ValueError, "feed for 'i:0': invalid literal for int() with base 10: 'a'");
    await expectRunError(() => s.run(f, { 'f:0': [[1, 2], [3]] }), tf.ValueError, /inconsistent lengths/);
    await expectRunError(() => s.run(f, { 'f:0': { a: 1 } as never }), tf.TypeError, /^The value of a feed cannot be a/);
    await expectRunError(() => s.run(f, new Map([[f, f]]) as never), tf.TypeError, /^The value of a feed cannot be a tf\.Tensor object/);
    const str = tf.placeholder('string', [1], 'str');
    await expectRunError(() => s.run(str, { 'str:0': [1] }), tf.TypeError, /^Cannot feed value \[1\] to Tensor 'str:0' of dtype string/);
  });

  it('an uninitialized variable: FailedPreconditionError naming it', async () => {
    const k = tf.variableScope('conv1', () => tf.getVariable('kernel', { shape: [1] }));
    const y = tf.add(k, 1);
    await expectRunError(() => open().run(y), tf.FailedPreconditionError, /^Attempting to use uninitialized value conv1\/kernel/);
  });

  it.each([
    ['nope:0', tf.KeyError, "Fetch argument 'nope:0' cannot be interpreted as a Tensor. (The name 'nope:0' refers to a Tensor which does not exist. The operation, 'nope', does not exist in the graph.)"],
    ['nope', tf.KeyError, "Fetch argument 'nope' cannot be interpreted as a Tensor. (The name 'nope' refers to an Operation not in the graph.)"],
    [null, tf.TypeError, "Fetch argument null has invalid type <class 'NoneType'>"],
    [3, tf.TypeError, "Fetch argument 3 has invalid type <class 'int'>, must be a string or Tensor. (Can not convert a int into a Tensor or Operation.)"],
    ['x:0:1', tf.ValueError, /^Fetch argument 'x:0:1' cannot be interpreted as a Tensor\. \(The name 'x:0:1' looks a like a Tensor name/],
  ] as const)('fetch %j: %s', async (fetch, cls, msg) => {
    tf.placeholder('float32', [], 'x');
    await expectRunError(() => open().run(fetch as never), cls, msg);
  });

  it('unknown and invalid feed keys', async () => {
    const x = tf.placeholder('float32', [], 'x');
    const y = tf.identity(x);
    const s = open();
    await expectRunError(
      () => s.run(y, { 'nope:0': 1 }),
      tf.KeyError,
      "Cannot interpret feed_dict key as Tensor: The name 'nope:0' refers to a Tensor which does not exist. The operation, 'nope', does not exist in the graph.",
    );
    await expectRunError(
      () => s.run(y, { x: 1 }),
      tf.TypeError,
      `Cannot interpret feed_dict key as Tensor: The name 'x' refers to an Operation, not a Tensor. Tensor names must be of the form "<op_name>:<output_index>".`,
    );
    await expectRunError(() => s.run(y, 5 as never), tf.TypeError, /^feed_dict must be a Map/);
  });

  it('fetching or feeding an element of another graph', async () => {
    const y = tf.identity(tf.placeholder('float32', [], 'x'));
    const g2 = new tf.Graph();
    const c2 = g2.asDefault(() => tf.constant(1));
    const s = open();
    await expectRunError(
      () => s.run(c2),
      tf.ValueError,
      'Fetch argument Tensor("Const:0", shape=(), dtype=float32) cannot be interpreted as a Tensor. (Tensor Tensor("Const:0", shape=(), dtype=float32) is not an element of this graph.)',
    );
    await expectRunError(() => s.run(y, new Map([[c2, 1]])), tf.TypeError, 'Cannot interpret feed_dict key as Tensor: Tensor Tensor("Const:0", shape=(), dtype=float32) is not an element of this graph.');
  });

  it('a closed session: RuntimeError for run, runSync, makeCallable and an existing callable', async () => {
    const c = tf.constant(1);
    const s = open();
    const call = s.makeCallable(c);
    s.close();
    expect(s.isClosed).toBe(true);
    const msg = 'Attempted to use a closed Session.';
    await expectRunError(() => s.run(c), tf.RuntimeError, msg);
    await expectRunError(() => s.runSync(c), tf.RuntimeError, msg);
    await expectRunError(() => s.makeCallable(c), tf.RuntimeError, msg);
    await expectRunError(() => call(), tf.RuntimeError, msg);
    s.close(); // closing twice is fine
  });

  it('a kernel error names the op (InvalidArgumentError, TF message)', async () => {
    const v = new tf.Variable([1, 2], { name: 'vv' });
    const p = tf.placeholder('float32', undefined, 'p');
    const a = tf.assign(v, p);
    await expectRunError(() => open().run(a, { 'p:0': [1, 2, 3] }), tf.InvalidArgumentError, /^Assign requires shapes of both tensors to match\. lhs shape= \[2\] rhs shape= \[3\]\n\t \[\[node Assign \(defined at /);
  });

  it('bad Session options are a ValueError', () => {
    expect(() => new tf.Session({ nope: 1 } as never)).toThrow(tf.ValueError);
  });
});
