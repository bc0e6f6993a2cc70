import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';

afterEach(() => tf.resetDefaultGraph());

const opNames = (): string[] => tf.getDefaultGraph().getOperations().map((o) => o.name);

// Op names and messages are TF 1.x graph-mode outputs for the same calls.
describe('getVariable ops and dtypes (TF outputs)', () => {
  it('a float variable defaults to glorot uniform under w/Initializer/random_uniform', () => {
    const w = tf.getVariable('w', { shape: [3, 4] });
    expect(opNames()).toEqual([
      'w/Initializer/random_uniform/shape',
      'w/Initializer/random_uniform/min',
      'w/Initializer/random_uniform/max',
      'w/Initializer/random_uniform/RandomUniform',
      'w/Initializer/random_uniform/sub',
      'w/Initializer/random_uniform/mul',
      'w/Initializer/random_uniform',
      'w',
      'w/Assign',
      'w/read',
    ]);
    expect([w.initializer.name, w.initialValue.name, w.value().name, w.name, w.op.name, w.op.type]).toEqual([
      'w/Assign',
      'w/Initializer/random_uniform:0',
      'w/read:0',
      'w:0',
      'w',
      'VariableV2',
    ]);
    expect(String(w)).toBe("<tf.Variable 'w:0' shape=(3, 4) dtype=float32_ref>");
  });

  it('int and bool variables default to zeros (Fill beyond 1000 elements)', () => {
    tf.getVariable('i', { shape: [2], dtype: 'int32' });
    tf.getVariable('b', { shape: [2], dtype: 'bool' });
    tf.getVariable('big', { shape: [40, 30], dtype: 'int32' });
    expect(opNames()).toEqual([
      'i/Initializer/zeros',
      'i',
      'i/Assign',
      'i/read',
      'b/Initializer/zeros',
      'b',
      'b/Assign',
      'b/read',
      'big/Initializer/zeros/shape_as_tensor',
      'big/Initializer/zeros/Const',
      'big/Initializer/zeros',
      'big',
      'big/Assign',
      'big/read',
    ]);
  });

  it('an initializer given as a value or a tensor sets the shape (and a host value lands in name/initial_value)', () => {
    const ct = tf.constant([1, 2]);
    const c = tf.getVariable('c', { initializer: ct });
    const e = tf.getVariable('e', { initializer: [[1, 2], [3, 4]] });
    const ei = tf.getVariable('ei', { initializer: [[1, 2]], dtype: 'int32' });
    const z = tf.getVariable('z', { initializer: () => tf.constant([0, 0], { name: 'zeros' }) });
    expect(opNames()).toEqual([
      'Const',
      'c',
      'c/Assign',
      'c/read',
      'e/initial_value',
      'e',
      'e/Assign',
      'e/read',
      'ei/initial_value',
      'ei',
      'ei/Assign',
      'ei/read',
      'z/Initializer/zeros',
      'z',
      'z/Assign',
      'z/read',
    ]);
    expect([c.shape.toString(), c.initialValue]).toEqual(['(2,)', ct]);
    // TF1: [[1, 2], [3, 4]] would be int32; a JS number is float32 unless a dtype is given.
    expect([e.dtype, e.shape.toString(), ei.dtype, z.shape.toString()]).toEqual(['float32', '(2, 2)', 'int32', '(2,)']);
  });

  it.each([
    ['a value initializer with a shape', () => tf.getVariable('d', { shape: [2], initializer: tf.constant([1, 2]) }), 'If initializer is a constant, do not specify shape.'],
    ['no initializer and no shape', () => tf.getVariable('f'), 'Variable f did not get an initializer, so its `shape` argument must be specified.'],
    [
      'a partial shape',
      () => tf.getVariable('f2', { shape: [null, 3] }),
      "The initializer passed is not valid. It should be a callable with no arguments and the shape should not be provided or an instance of `tf.keras.initializers.*' and `shape` should be fully defined.",
    ],
    [
      'a tensor initializer of another dtype',
      () => tf.getVariable('f3', { dtype: 'float32', initializer: tf.constant([1, 2], { dtype: 'int32' }) }),
      "Initializer type '<dtype: 'int32'>' and explicit dtype '<dtype: 'float32'>' don't match.",
    ],
    ['a float initializer for an int variable', () => tf.getVariable('g', { shape: [2], dtype: 'int32', initializer: tf.randomNormalInitializer() }), 'Expected floating point type, got int32.'],
  ] as const)('%s throws ValueError (TF message)', (_n, call, msg) => {
    const before = opNames().length;
    expect(call).toThrow(new tf.ValueError(msg));
    expect(tf.globalVariables()).toEqual([]);
    expect(opNames().length).toBeGreaterThanOrEqual(before);
  });

  it('the op name is uniquified like a name scope (TF: w_1:0 after a scope w), stored under w', () => {
    tf.nameScope('w', () => tf.constant(1));
    const v = tf.getVariable('w', { shape: [1] });
    expect([v.name, v.initializer.name]).toEqual(['w_1:0', 'w_1/Assign']);
    tf.variableScope('', { reuse: true }, () => expect(tf.getVariable('w')).toBe(v));
  });

  it('op names are made unique case-insensitively while the store is case-sensitive (TF)', () => {
    const a = tf.getVariable('w', { shape: [1] });
    const b = tf.getVariable('W', { shape: [1] });
    const [c, d] = tf.variableScope('S', () => [tf.getVariable('v', { shape: [1] }).name, tf.constant(1, { name: 'k' }).name]);
    const [e, f] = tf.variableScope('s', () => [tf.getVariable('v', { shape: [1] }).name, tf.constant(1, { name: 'k' }).name]);
    // TF: w:0 W_1:0 / S/v:0 S/k:0 s/v_1:0 s_1/k:0
    expect([a.name, b.name, c, d, e, f]).toEqual(['w:0', 'W_1:0', 'S/v:0', 'S/k:0', 's/v_1:0', 's_1/k:0']);
  });

  it('an empty name is the scope itself, re-entered as-is (TF slot variables: w/Momentum:0)', () => {
    tf.getVariable('w', { shape: [1] });
    const slot = tf.variableScope(null, { defaultName: 'w/Momentum' }, () => tf.getVariable('', { shape: [1], initializer: tf.zerosInitializer() }));
    expect(slot.name).toBe('w/Momentum:0');
    expect(opNames().slice(-4)).toEqual(['w/Momentum/Initializer/zeros', 'w/Momentum', 'w/Momentum/Assign', 'w/Momentum/read']);
  });

  it('trainable false stays out of TRAINABLE_VARIABLES; collections are honoured', () => {
    const nt = tf.getVariable('nt', { shape: [2], trainable: false });
    expect(nt.trainable).toBe(false);
    expect(tf.trainableVariables()).toEqual([]);
    expect(tf.globalVariables()).toEqual([nt]);
  });
});

describe('regularizers (TF outputs)', () => {
  it('the loss is built under name/Regularizer/ and joins REGULARIZATION_LOSSES', () => {
    tf.getVariable('r', { shape: [2], regularizer: (x) => tf.reduceSum(tf.multiply(x, x)) });
    tf.variableScope('s', { regularizer: (x) => tf.reduceSum(x) }, () => tf.getVariable('r', { shape: [2] }));
    const losses = tf.getCollection<tf.Tensor>(tf.GraphKeys.REGULARIZATION_LOSSES).map((t) => t.name);
    expect(losses).toEqual(['r/Regularizer/Sum:0', 's/r/Regularizer/Sum:0']);
    expect(opNames().filter((n) => n.startsWith('r/Regularizer/'))).toEqual(['r/Regularizer/Mul', 'r/Regularizer/Const', 'r/Regularizer/Sum']);
  });

  it('a regularizer returning null adds nothing; a reused variable adds no second loss', () => {
    tf.getVariable('n', { shape: [2], regularizer: () => null });
    expect(tf.getCollection(tf.GraphKeys.REGULARIZATION_LOSSES)).toEqual([]);
    const reg = (x: tf.Tensor): tf.Tensor => tf.reduceSum(x);
    tf.variableScope('s', { reuse: tf.AUTO_REUSE }, () => {
      tf.getVariable('r', { shape: [2], regularizer: reg });
      tf.getVariable('r', { shape: [2], regularizer: reg });
    });
    expect(tf.getCollection(tf.GraphKeys.REGULARIZATION_LOSSES)).toHaveLength(1);
  });

  it('the loss is built outside control dependencies (TF1 init_scope)', () => {
    const a = tf.constant(1, { name: 'a' });
    tf.controlDependencies([a], () => tf.getVariable('r', { shape: [2], regularizer: (x) => tf.reduceSum(x) }));
    const ops = tf.getDefaultGraph().getOperations().filter((o) => o.name.startsWith('r/'));
    for (const o of ops) expect(o.controlInputs).toEqual([]);
  });
});

describe('tf.Variable (TF outputs)', () => {
  it('names its ops initial_value, Assign, read; a function initial value runs under Initializer/', () => {
    const p = new tf.Variable(1, { name: 'plain' });
    const f = new tf.Variable(() => tf.constant([0, 0], { name: 'zeros' }), { name: 'lam' });
    const t = new tf.Variable(tf.constant([0, 0], { name: 'zeros' }), { name: 'tens' });
    expect(opNames()).toEqual([
      'plain/initial_value',
      'plain',
      'plain/Assign',
      'plain/read',
      'lam/Initializer/zeros',
      'lam',
      'lam/Assign',
      'lam/read',
      'zeros',
      'tens',
      'tens/Assign',
      'tens/read',
    ]);
    expect([p.dtype, f.shape.toString(), t.initialValue.name]).toEqual(['float32', '(2,)', 'zeros:0']);
    expect(p.read().name).toBe('read:0');
  });

  it('dtype: a literal takes it; a tensor of another dtype throws (TF message)', () => {
    expect(new tf.Variable([1, 2], { dtype: 'int32' }).dtype).toBe('int32');
    const ct = tf.constant([1, 2], { dtype: 'int32' });
    expect(() => new tf.Variable(ct, { dtype: 'float32' })).toThrow(
      new tf.ValueError(`Tensor conversion requested dtype float32 for Tensor with dtype int32: ${ct.toString()}`),
    );
  });

  it('validateShape false allows an unknown shape; otherwise TF\'s error', () => {
    const u = new tf.Variable(tf.placeholder('float32', [null]), { validateShape: false, name: 'u' });
    expect(u.shape.toString()).toBe('<unknown>');
    const p = tf.placeholder('float32', [null]);
    expect(() => new tf.Variable(p, { name: 'u2' })).toThrow(new tf.ValueError(`initial_value must have a shape specified: ${p.toString()}`));
  });

  it('trainable false; collections', () => {
    const s = new tf.Variable(1, { name: 's', trainable: false });
    expect([s.trainable, tf.trainableVariables().includes(s), tf.globalVariables().includes(s)]).toEqual([false, false, true]);
    const l = new tf.Variable(1, { name: 'l', collections: [tf.GraphKeys.LOCAL_VARIABLES] });
    expect([tf.localVariables(), tf.globalVariables().includes(l), tf.trainableVariables().includes(l)]).toEqual([[l], false, true]);
  });

  it('is usable as an op input (reads the snapshot) and as a graph element (its ref)', () => {
    const v = new tf.Variable([1, 2], { name: 'v' });
    const y = tf.add(v, 1);
    expect(y.op.inputs[0]!.name).toBe('v/read:0');
    expect(tf.getDefaultGraph().asGraphElement(v)).toBe(v.variableRef());
  });
});

describe('initializer ops', () => {
  it('globalVariablesInitializer groups every initializer as init; empty is a NoOp', () => {
    const empty = tf.globalVariablesInitializer();
    expect([empty.name, empty.type, empty.controlInputs]).toEqual(['init', 'NoOp', []]);
    const v = new tf.Variable(3, { name: 'v' });
    const w = tf.getVariable('w', { shape: [2], initializer: tf.zerosInitializer() });
    const init = tf.globalVariablesInitializer();
    expect([init.name, init.type, init.controlInputs.map((o) => o.name)]).toEqual(['init_1', 'NoOp', ['v/Assign', 'w/Assign']]);
    expect(tf.variablesInitializer([w]).controlInputs).toEqual([w.initializer]);
    expect(tf.localVariablesInitializer().type).toBe('NoOp');
    void v;
  });

  it('runs: values, uninitialized error, isVariableInitialized', async () => {
    const v = new tf.Variable(3, { name: 'v' });
    const k = tf.variableScope('conv1', () => tf.getVariable('kernel', { shape: [1], initializer: tf.onesInitializer() }));
    const sess = new tf.Session();
    const before = numTensors();
    await expect(sess.run(v)).rejects.toThrow(/^Attempting to use uninitialized value v/);
    await expect(sess.run(tf.add(k, 1))).rejects.toThrow(tf.FailedPreconditionError);
    await expect(sess.run(tf.add(k, 1))).rejects.toThrow(/^Attempting to use uninitialized value conv1\/kernel/);
    expect((await sess.run(tf.isVariableInitialized(v))).item()).toBe(false);
    await sess.run(tf.globalVariablesInitializer());
    expect((await sess.run(v)).item()).toBe(3);
    expect((await sess.run(k)).toArray()).toEqual([1]);
    expect((await sess.run(tf.isVariableInitialized(v))).item()).toBe(true);
    expect(numTensors() - before).toBe(2);
    sess.close();
    expect(numTensors()).toBe(before);
  });
});
