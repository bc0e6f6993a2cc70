import { describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase, type OpCase } from '../../util/op_cases.js';
import { poolValueCases } from './cases.js';

const x4 = (shape: number[]) =>
  tf.constant(new Float32Array(shape.reduce((a, b) => a * b, 1)), { shape });

describe('pooling values (explicit-loop reference)', () => {
  for (const c of poolValueCases()) it(c.name, () => runOpCase(c));

  it('average at SAME borders counts only in-bounds cells', () =>
    runOpCase({
      name: 'avg of ones is one everywhere',
      build: () =>
        tf.nn.avgPool(
          tf.constant(new Float32Array(16).fill(1), { shape: [1, 4, 4, 1] }),
          3,
          1,
          'SAME',
        ),
      expected: { shape: [1, 4, 4, 1], values: new Float32Array(16).fill(1) },
    }));

  it('max at SAME borders ignores the padding (all-negative input)', () =>
    runOpCase({
      name: 'max of -1 stays -1',
      build: () =>
        tf.nn.maxPool3d(
          tf.constant(new Float32Array(27).fill(-1), { shape: [1, 3, 3, 3, 1] }),
          2,
          1,
          'SAME',
        ),
      expected: { shape: [1, 3, 3, 3, 1], values: new Float32Array(27).fill(-1) },
    }));

  it('max pooling keeps int32', () =>
    runOpCase({
      name: 'int32 max pool',
      build: () =>
        tf.nn.maxPool(
          tf.constant([1, 5, 3, 2, 4, 6, 9, 0, 7], { dtype: 'int32', shape: [1, 3, 3, 1] }),
          2,
          1,
          'VALID',
        ),
      dtype: 'int32',
      expected: { shape: [1, 2, 2, 1], values: [5, 6, 9, 7] },
    }));
});

describe('pooling shapes', () => {
  const shapeOf = (build: () => tf.Tensor): string => {
    const g = new tf.Graph();
    return g.asDefault(() => build().shape.toString());
  };

  it('infers unknown batch and spatial dims', () => {
    expect(
      shapeOf(() => tf.nn.maxPool(tf.placeholder('float32', [null, null, 7, 3]), 3, 2, 'VALID')),
    ).toBe('(?, ?, 3, 3)');
    expect(
      shapeOf(() =>
        tf.nn.avgPool(tf.placeholder('float32', [null, 3, null, 9]), [2, 2], [2, 2], 'SAME', {
          dataFormat: 'NCHW',
        }),
      ),
    ).toBe('(?, 3, ?, 5)');
    expect(
      shapeOf(() =>
        tf.nn.maxPool3d(tf.placeholder('float32', [null, 5, 8, null, 2]), 2, 2, 'SAME'),
      ),
    ).toBe('(?, 3, 4, ?, 2)');
    expect(
      shapeOf(() =>
        tf.nn.avgPool3d(tf.placeholder('float32', [2, 3, 4, 5, 6]), 2, 2, 'SAME', {
          dataFormat: 'NCDHW',
        }),
      ),
    ).toBe('(2, 3, 2, 3, 3)');
  });

  it('gives rank-4 / rank-5 unknown shapes for unknown rank', () => {
    expect(shapeOf(() => tf.nn.maxPool(tf.placeholder('float32'), 3, 2, 'SAME'))).toBe(
      '(?, ?, ?, ?)',
    );
    expect(shapeOf(() => tf.nn.avgPool3d(tf.placeholder('float32'), 3, 2, 'SAME'))).toBe(
      '(?, ?, ?, ?, ?)',
    );
  });

  it('names ops as TF1 does and keeps the attrs TF writes', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      const x = tf.placeholder('float32', [1, 4, 4, 1]);
      expect(tf.nn.maxPool(x, 2, 2, 'SAME').name).toBe('MaxPool:0');
      const y = tf.nn.maxPool(x, [1, 2, 2, 1], [1, 2, 2, 1], 'VALID');
      expect(y.name).toBe('MaxPool_1:0');
      expect(y.op.getAttr('ksize')).toEqual([1, 2, 2, 1]);
      expect(y.op.getAttr('explicit_paddings')).toEqual([]);
      expect(y.op.getAttr('data_format')).toBe('NHWC');
      expect(tf.nn.avgPool(x, 2, 2, 'SAME', { name: 'pool1' }).name).toBe('pool1:0');
      const x5 = tf.placeholder('float32', [1, 2, 4, 4, 1]);
      expect(tf.nn.maxPool3d(x5, 2, 2, 'SAME').op.getAttr('strides')).toEqual([1, 2, 2, 2, 1]);
      expect(tf.nn.avgPool3d(x5, 2, 2, 'SAME').name).toBe('AvgPool3D:0');
      expect(
        tf.nn
          .avgPool(tf.placeholder('float32', [1, 3, 4, 4]), [2, 1], 2, 'SAME', {
            dataFormat: 'NCHW',
          })
          .op.getAttr('ksize'),
      ).toEqual([1, 1, 2, 1]);
    });
  });
});

describe('pooling errors', () => {
  const rows: OpCase[] = [
    {
      name: 'rank 3 input',
      build: () => tf.nn.maxPool(x4([2, 4, 4]), 2, 2, 'SAME'),
      throws: /MaxPool 'MaxPool'.*Shape must be rank 4 but is rank 3/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'rank 4 input to 3-D pooling',
      build: () => tf.nn.maxPool3d(x4([2, 4, 4, 1]), 2, 2, 'SAME'),
      throws: /Shape must be rank 5 but is rank 4/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'VALID window larger than the input',
      build: () => tf.nn.maxPool(x4([2, 4, 4, 1]), 5, 1, 'VALID'),
      throws: /Negative dimension size caused by subtracting 5 from 4/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'VALID 3-D window larger than the input',
      build: () => tf.nn.avgPool3d(x4([2, 3, 4, 5, 6]), 4, 1, 'VALID'),
      throws: /Negative dimension size caused by subtracting 4 from 3/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'unknown padding',
      build: () => tf.nn.maxPool(x4([2, 4, 4, 1]), 2, 2, 'FULL'),
      throws: /Attr 'padding' of 'MaxPool' Op passed string 'FULL' not in: "SAME", "VALID"/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'ksize of length 3',
      build: () => tf.nn.maxPool(x4([2, 4, 4, 1]), [2, 2, 2], 2, 'SAME'),
      throws: /ksize should be of length 1, 2 or 4/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'pooling over the batch',
      build: () => tf.nn.avgPool(x4([2, 4, 4, 1]), [2, 2, 2, 1], 1, 'SAME'),
      throws: /ksize in the batch and depth dimensions must be 1/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'zero stride',
      build: () => tf.nn.avgPool(x4([2, 4, 4, 1]), 2, 0, 'SAME'),
      throws: /strides must be positive integers/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'integer average pooling',
      build: () =>
        tf.nn.avgPool(tf.constant(new Int32Array(16), { shape: [1, 4, 4, 1] }), 2, 1, 'SAME'),
      throws: /Value passed to parameter 'value' has DataType int32 not in list of allowed values/,
      throwsClass: tf.errors.TypeError,
    },
    {
      name: '3-D data format on 2-D pooling',
      build: () => tf.nn.maxPool(x4([2, 4, 4, 1]), 2, 2, 'SAME', { dataFormat: 'NCDHW' }),
      throws: /Attr 'data_format' of 'MaxPool' Op passed string 'NCDHW' not in: "NHWC", "NCHW"/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: '2-D data format on 3-D pooling',
      build: () => tf.nn.avgPool3d(x4([2, 4, 4, 4, 1]), 2, 2, 'SAME', { dataFormat: 'NHWC' }),
      throws: /Attr 'data_format' of 'AvgPool3D' Op passed string 'NHWC'/,
      throwsClass: tf.errors.ValueError,
    },
  ];
  for (const c of rows) it(c.name, () => runOpCase(c));
});
