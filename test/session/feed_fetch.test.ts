import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';

let sess: tf.Session | null = null;
let baseline = 0;
beforeEach(() => {
  baseline = numTensors();
});
afterEach(() => {
  sess?.close();
  sess = null;
  // Every test ends with nothing left on the backend.
  expect(numTensors()).toBe(baseline);
  tf.resetDefaultGraph();
});
const open = (): tf.Session => (sess = new tf.Session());
type Feeds = Parameters<tf.Session['run']>[1];

describe('fetch forms', () => {
  it('a tensor, an operation (null), a variable, names, nested arrays and objects, duplicates', async () => {
    const x = tf.placeholder('float32', [null, 2], 'x');
    const y = tf.multiply(x, 2, 'y');
    const v = new tf.Variable(3, { name: 'v' });
    const w = tf.getVariable('w', { shape: [2], initializer: tf.zerosInitializer() });
    const init = tf.globalVariablesInitializer();
    const s = open();
    expect(await s.run(init)).toBeNull();
    expect(await s.run('init')).toBeNull();
    const one = await s.run(y, { 'x:0': [[1, 2]] });
    expect(one).toBeInstanceOf(tf.NDArray);
    expect([one.dtype, one.shape, one.toArray()]).toEqual(['float32', [1, 2], [[2, 4]]]);
    expect((await s.run(v)).item()).toBe(3);
    const nested = await s.run([v, 'v:0', { a: v, b: [w, init] }, y, y], { 'x:0': [[1, 1]] });
    expect(nested[0].item()).toBe(3);
    expect(nested[1]!.item()).toBe(3);
    expect(nested[2].a.item()).toBe(3);
    expect(nested[2].b[0].toArray()).toEqual([0, 0]);
    expect(nested[2].b[1]).toBeNull();
    expect(nested[3].toArray()).toEqual([[2, 2]]);
    expect(nested[4].toArray()).toEqual([[2, 2]]);
    expect(await s.run([])).toEqual([]);
    expect(await s.run({})).toEqual({});
  });

  it('NDArray: dtype, shape, data, toArray, item; int, bool and string fetches', async () => {
    const i = tf.constant([[1, 2], [3, 4]], { dtype: 'int32' });
    const b = tf.constant([true, false]);
    const str = tf.constant(['a', 'bc']);
    const sc = tf.constant(2.5);
    const [ri, rb, rs, rsc] = await open().run([i, b, str, sc]);
    expect([ri.dtype, ri.shape, ri.data instanceof Int32Array, ri.toArray()]).toEqual(['int32', [2, 2], true, [[1, 2], [3, 4]]]);
    expect([rb.dtype, rb.toArray()]).toEqual(['bool', [true, false]]);
    expect([rs.dtype, rs.toArray()]).toEqual(['string', ['a', 'bc']]);
    expect([rsc.shape, rsc.item(), rsc.size, rsc.rank]).toEqual([[], 2.5, 1, 0]);
    expect(() => ri.item()).toThrow(new tf.ValueError('can only convert an array of size 1 to a scalar, got shape (2, 2)'));
  });

  it('runSync gives the same results', () => {
    const x = tf.placeholder('float32', [2], 'x');
    const y = tf.add(x, 1);
    const s = open();
    expect(s.runSync(y, { 'x:0': [1, 2] }).toArray()).toEqual([2, 3]);
    expect(s.runSync({ out: [y] }, [[x, [0, 0]]]).out[0].toArray()).toEqual([1, 1]);
  });
});

describe('feed forms', () => {
  const build = (): { x: tf.Tensor; y: tf.Tensor } => {
    const x = tf.placeholder('float32', [null, 2], 'x');
    return { x, y: tf.reduceSum(x) };
  };

  it.each([
    ['Map keyed by tensor', (x: tf.Tensor) => new Map([[x, [[1, 2]]]])],
    ['Map keyed by name', () => new Map([['x:0', [[1, 2]]]])],
    ['pairs', (x: tf.Tensor) => [[x, [[1, 2]]]] as const],
    ['object keyed by name', () => ({ 'x:0': [[1, 2]] })],
    ['a Float32Array', (x: tf.Tensor) => [[x, new tf.NDArray('float32', [1, 2], new Float32Array([1, 2]))]] as const],
    ['an NDArray', (x: tf.Tensor) => new Map([[x, new tf.NDArray('float32', [1, 2], new Float32Array([1, 2]))]])],
  ] as const)('%s', async (_n, feeds) => {
    const { x, y } = build();
    expect((await open().run(y, feeds(x) as Feeds)).item()).toBe(3);
  });

  it('TypedArrays of any kind, nested arrays, scalars, booleans', async () => {
    const v = tf.placeholder('float32', [3], 'v');
    const i = tf.placeholder('int32', [3], 'i');
    const b = tf.placeholder('bool', [], 'b');
    const s = tf.placeholder('float32', [], 's');
    const str = tf.placeholder('string', [2], 'str');
    const sess = open();
    expect((await sess.run(v, { 'v:0': new Float64Array([1, 2, 3]) })).toArray()).toEqual([1, 2, 3]);
    expect((await sess.run(v, { 'v:0': new Int32Array([1, 2, 3]) })).toArray()).toEqual([1, 2, 3]);
    expect((await sess.run(i, { 'i:0': new Uint8Array([1, 2, 3]) })).toArray()).toEqual([1, 2, 3]);
    expect((await sess.run(b, { 'b:0': true })).item()).toBe(true);
    expect((await sess.run(s, { 's:0': 4 })).item()).toBe(4);
    expect((await sess.run(str, { 'str:0': ['a', 'b'] })).toArray()).toEqual(['a', 'b']);
  });

  it('a tfjs Tensor is fed (cast to the placeholder dtype) and is not disposed', async () => {
    const { x, y } = build();
    const t = tfc.tensor2d([[1, 2]]);
    const ti = tfc.tensor2d([[1, 5]], undefined, 'int32');
    const sess = open();
    expect((await sess.run(y, new Map([[x, t]]))).item()).toBe(3);
    expect((await sess.run(y, { 'x:0': ti })).item()).toBe(6);
    const tf32 = tfc.tensor1d([1.7, -2.9]);
    const i = tf.placeholder('int32', [2], 'i');
    expect((await sess.run(i, { 'i:0': tf32 })).toArray()).toEqual([1, -2]);
    tf32.dispose();
    expect(t.isDisposed).toBe(false);
    expect(Array.from(t.dataSync())).toEqual([1, 2]);
    t.dispose();
    ti.dispose();
  });

  it('values are cast as TF1 feeds cast them (numpy): truncation, bools, numeric strings', async () => {
    const i = tf.placeholder('int32', [2], 'i');
    const f = tf.placeholder('float32', [1, 4], 'f');
    const b = tf.placeholder('bool', [2], 'b');
    const sess = open();
    // TF: [-1.7, 2.9] -> [-1, 2]; [True, False] -> [1, 0]; [0, 2] -> [False, True]; NaN -> INT32_MIN
    expect((await sess.run(i, { 'i:0': [-1.7, 2.9] })).toArray()).toEqual([-1, 2]);
    expect((await sess.run(i, { 'i:0': [true, false] })).toArray()).toEqual([1, 0]);
    expect((await sess.run(i, { 'i:0': [NaN, 2] })).toArray()).toEqual([-2147483648, 2]);
    expect((await sess.run(f, { 'f:0': [[true, false, true, true]] })).toArray()).toEqual([[1, 0, 1, 1]]);
    expect((await sess.run(f, { 'f:0': [['1.5', ' 2', '3', '4']] })).toArray()).toEqual([[1.5, 2, 3, 4]]);
    expect((await sess.run(b, { 'b:0': [0, 2] })).toArray()).toEqual([false, true]);
    expect((await sess.run(i, { 'i:0': new Float32Array([2.5, -0.5]) })).toArray()).toEqual([2, 0]);
  });

  it('feeding an intermediate tensor cuts its upstream (an upstream placeholder needs no feed)', async () => {
    const { y } = build();
    const z = tf.multiply(y, 2, 'z');
    expect((await open().run(z, { [y.name]: 4 })).item()).toBe(8);
  });

  it('a fed tensor is returned as fed; a fed variable reads the fed value; the same key twice: the last wins', async () => {
    const { x, y } = build();
    const v = new tf.Variable(3, { name: 'v' });
    const doubled = tf.multiply(v, 2);
    const sess = open();
    expect((await sess.run(x, { 'x:0': [[5, 6]] })).toArray()).toEqual([[5, 6]]);
    expect((await sess.run(v, new Map([[v, 7]]))).item()).toBe(7);
    expect((await sess.run(doubled, new Map([[v.value(), 7]]))).item()).toBe(14);
    const both = new Map<tf.Tensor | string, number[][]>([
      [x, [[0, 0]]],
      ['x:0', [[1, 1]]],
    ]);
    expect((await sess.run(y, both)).item()).toBe(2);
  });

  it('a feed nothing reads is accepted', async () => {
    build();
    const c = tf.constant(1);
    expect((await open().run(c, { 'x:0': [[1, 2]] })).item()).toBe(1);
  });
});

describe('makeCallable', () => {
  it('compiles once and takes feed values in order', async () => {
    const a = tf.placeholder('float32', [], 'a');
    const b = tf.placeholder('float32', [], 'b');
    const v = new tf.Variable(0, { name: 'v' });
    const inc = tf.assignAdd(v, tf.add(a, b));
    const sess = open();
    await sess.run(v.initializer);
    const step = sess.makeCallable([inc, { sum: tf.add(a, b) }], [a, 'b:0']);
    const r1 = await step(1, 2);
    expect([r1[0].item(), r1[1].sum.item()]).toEqual([3, 3]);
    const r2 = await step(10, 20);
    expect(r2[0].item()).toBe(33);
    await expect(step(1)).rejects.toThrow(new tf.TypeError('This callable takes 2 feed values, got 1'));
    expect(sess.makeCallable(tf.globalVariablesInitializer()) ? true : false).toBe(true);
  });
});
