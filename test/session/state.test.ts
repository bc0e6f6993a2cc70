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
const val = async (s: tf.Session, v: tf.Variable | tf.Tensor): Promise<unknown> => (await s.run(v)).toArray();

describe('variable state owned by the session', () => {
  it('two sessions on one graph hold separate values', async () => {
    const v = new tf.Variable(1, { name: 'v' });
    const inc = tf.assignAdd(v, 1);
    const a = open();
    const b = open();
    await a.run(v.initializer);
    await b.run(v.initializer);
    await a.run(inc);
    await a.run(inc);
    await b.run(inc);
    expect([await val(a, v), await val(b, v)]).toEqual([3, 2]);
    const c = open();
    await expect(c.run(v)).rejects.toThrow(tf.FailedPreconditionError);
  });

  it('assign, assignAdd, assignSub and their Variable methods return the new value', async () => {
    const v = new tf.Variable([1, 2], { name: 'v' });
    const s = open();
    await s.run(tf.globalVariablesInitializer());
    expect((await s.run(tf.assign(v, [5, 6]))).toArray()).toEqual([5, 6]);
    expect((await s.run(v.assignAdd([1, 1]))).toArray()).toEqual([6, 7]);
    expect((await s.run(v.assignSub([2, 2]))).toArray()).toEqual([4, 5]);
    expect((await s.run(tf.assignSub(v, [4, 5]))).toArray()).toEqual([0, 0]);
    expect((await s.run(v.assign([9, 9]))).toArray()).toEqual([9, 9]);
    expect(await val(s, v)).toEqual([9, 9]);
  });

  it('a read after a control dependency on an update sees the new value', async () => {
    const v = new tf.Variable(1, { name: 'v' });
    const inc = tf.assignAdd(v, 1);
    const after = tf.controlDependencies([inc], () => v.read('after'));
    const s = open();
    await s.run(v.initializer);
    expect(await val(s, after)).toBe(2);
    expect(await val(s, after)).toBe(3);
  });

  it('validateShape false lets assign change the shape', async () => {
    const v = new tf.Variable([1, 2], { name: 'v' });
    const a = tf.assign(v, [1, 2, 3], { validateShape: false });
    expect(a.shape.toString()).toBe('(3,)');
    const s = open();
    await s.run(v.initializer);
    await s.run(a);
    expect(await val(s, v)).toEqual([1, 2, 3]);
  });

  it('assign shape errors at build time are ValueErrors', () => {
    const v = new tf.Variable(3, { name: 'v' });
    expect(() => tf.assign(v, [1, 2])).toThrow(tf.ValueError);
    const w = new tf.Variable([1, 2], { name: 'w' });
    expect(() => tf.assignAdd(w, [1, 2, 3])).toThrow(tf.ValueError);
    expect(() => tf.assignSub(w, [[1, 2], [3, 4]])).toThrow(tf.ValueError);
  });

  it('Variable.load sets the value through the initializer feed (TF1)', async () => {
    const v = new tf.Variable([1, 2], { name: 'vv' });
    const s = open();
    v.load([5, 6], s);
    expect(await val(s, v)).toEqual([5, 6]);
    expect(() => v.load([5, 6, 7], s)).toThrow(new tf.ValueError("Cannot feed value of shape (3,) for Tensor 'vv/initial_value:0', which has shape '(2,)'"));
    expect(await val(s, v)).toEqual([5, 6]);
  });

  it('a failed run leaves every variable exactly as it was', async () => {
    const v = new tf.Variable([1, 2], { name: 'v' });
    const w = new tf.Variable(10, { name: 'w' });
    const inc = tf.assignAdd(v, [1, 1]); // runs first (created first)
    const incW = tf.assign(w, 11);
    const p = tf.placeholder('float32', undefined, 'p');
    const bad = tf.assign(v, p); // fails at run time for a fed value of the wrong shape
    const both = tf.group(inc, incW, bad);
    const s = open();
    await s.run(tf.globalVariablesInitializer());
    const before = numTensors();
    await expect(s.run(both, { 'p:0': [1, 2, 3] })).rejects.toThrow(tf.InvalidArgumentError);
    await expect(s.run([inc, bad], { 'p:0': [1, 2, 3] })).rejects.toThrow(/Assign requires shapes of both tensors to match/);
    expect(() => s.runSync([inc, incW, bad], { 'p:0': [1, 2, 3] })).toThrow(tf.InvalidArgumentError);
    expect(numTensors()).toBe(before);
    expect(await val(s, v)).toEqual([1, 2]);
    expect(await val(s, w)).toBe(10);
    // An uninitialized read mid-run also rolls back the earlier update.
    const u = new tf.Variable(0, { name: 'u' });
    const mixed = tf.group(inc, tf.identity(u));
    await expect(s.run(mixed)).rejects.toThrow(/^Attempting to use uninitialized value u/);
    expect(await val(s, v)).toEqual([1, 2]);
    await s.run(both, { 'p:0': [7, 8] });
    expect([await val(s, v), await val(s, w)]).toEqual([[7, 8], 11]);
  });

  it('a random op gives new values on every run of one session', async () => {
    const r = tf.randomUniform([8], { seed: 1 });
    const s = open();
    expect(await val(s, r)).not.toEqual(await val(s, r));
  });
});
