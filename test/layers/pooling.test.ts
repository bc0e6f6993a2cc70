import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { build, expectArrClose, expectChannelsFirstMatches, randomInput, run } from './harness.js';
import { poolNd, type Pad } from './reference.js';

afterEach(() => tf.resetDefaultGraph());

type Cls = new (o: tf.layers.PoolingOptions) => tf.layers.Layer;
interface Case {
  cls: Cls;
  mode: 'max' | 'avg';
  input: number[];
  pool: number[];
  strides?: number[];
  padding?: string;
  shape: string;
  /** The pooling op TF1 builds. */
  op: string;
}

const L = tf.layers;
const CASES: Case[] = [
  {
    cls: L.MaxPooling1D,
    mode: 'max',
    input: [2, 7, 3],
    pool: [2],
    strides: [2],
    shape: '(?, 3, 3)',
    op: 'MaxPool',
  },
  {
    cls: L.AveragePooling1D,
    mode: 'avg',
    input: [2, 7, 3],
    pool: [3],
    strides: [2],
    padding: 'same',
    shape: '(?, 4, 3)',
    op: 'AvgPool',
  },
  {
    cls: L.MaxPooling2D,
    mode: 'max',
    input: [2, 5, 6, 2],
    pool: [2, 3],
    strides: [2, 2],
    padding: 'SAME',
    shape: '(?, 3, 3, 2)',
    op: 'MaxPool',
  },
  {
    cls: L.AveragePooling2D,
    mode: 'avg',
    input: [2, 5, 6, 2],
    pool: [2, 2],
    shape: '(?, 2, 3, 2)',
    op: 'AvgPool',
  },
  {
    cls: L.AveragePooling2D,
    mode: 'avg',
    input: [1, 5, 5, 1],
    pool: [3, 3],
    strides: [2, 2],
    padding: 'same',
    shape: '(?, 3, 3, 1)',
    op: 'AvgPool',
  },
  {
    cls: L.MaxPooling3D,
    mode: 'max',
    input: [1, 4, 5, 4, 2],
    pool: [2, 2, 2],
    strides: [2, 2, 2],
    shape: '(?, 2, 2, 2, 2)',
    op: 'MaxPool3D',
  },
  {
    cls: L.AveragePooling3D,
    mode: 'avg',
    input: [2, 3, 4, 5, 1],
    pool: [2, 2, 3],
    strides: [1, 2, 2],
    padding: 'same',
    shape: '(?, 3, 2, 3, 1)',
    op: 'AvgPool3D',
  },
];

describe('MaxPooling1D/2D/3D, AveragePooling1D/2D/3D', () => {
  for (const c of CASES) {
    it(`${c.cls.name} ${JSON.stringify(c.pool)} ${c.padding ?? 'valid'}: shape, values, channels_first`, async () => {
      const o = (dataFormat = 'channels_last'): tf.layers.PoolingOptions => ({
        poolSize: c.pool,
        strides: c.strides ?? null,
        padding: c.padding ?? 'valid',
        dataFormat,
      });
      const b = build(() => new c.cls(o()), [null, ...c.input.slice(1)]);
      expect(b.y.shape.toString()).toBe(c.shape);
      expect(b.layer.weights).toEqual([]);
      expect(b.layer.countParams()).toBe(0);
      expect(b.graph.getOperations().some((op) => op.type === c.op)).toBe(true);
      const x = randomInput(c.input, 13);
      const { y } = await run(b, x);
      const pad = (c.padding ?? 'valid').toUpperCase() as Pad;
      expectArrClose(y, poolNd(x, c.pool, c.strides ?? c.pool, pad, c.mode), 1e-5, c.cls.name);
      await expectChannelsFirstMatches(() => new c.cls(o('channels_first')), x, y, []);
      expect(build(() => new c.cls(o()), c.input).y.shape.toString()).toBe(
        c.shape.replace('?', String(c.input[0])),
      );
    });
  }

  it('functional forms and TF1 names', () => {
    const x = tf.placeholder('float32', [null, 8, 8, 3]);
    expect(tf.layers.maxPooling2d(x, { poolSize: 2, strides: 2 }).name).toBe(
      'max_pooling2d/MaxPool:0',
    );
    expect(tf.layers.averagePooling2d(x, { poolSize: 2, strides: 2, name: 'pool' }).name).toBe(
      'pool/AvgPool:0',
    );
    const s = tf.placeholder('float32', [null, 8, 3]);
    expect(tf.layers.maxPooling1d(s, { poolSize: 2, strides: 2 }).name).toBe(
      'max_pooling1d/Squeeze:0',
    );
    expect(tf.layers.averagePooling1d(s, { poolSize: 2, strides: 2 }).shape.toString()).toBe(
      '(?, 4, 3)',
    );
    const v = tf.placeholder('float32', [null, 4, 4, 4, 3]);
    expect(tf.layers.maxPooling3d(v, { poolSize: 2, strides: 2 }).name).toBe(
      'max_pooling3d/MaxPool3D:0',
    );
    expect(
      tf.layers.averagePooling3d(v, { poolSize: 2, strides: 2, dataFormat: 'channels_first' }).name,
    ).toBe('average_pooling3d/transpose_1:0');
    // strides default to the pool size.
    expect(new tf.layers.MaxPooling2D({ poolSize: [2, 3] }).strides).toEqual([2, 3]);
    expect(() =>
      tf.layers.maxPooling2d(tf.placeholder('float32', [null, 4, 4]), { poolSize: 2 }),
    ).toThrow(/expected ndim=4, found ndim=3/);
  });
});
