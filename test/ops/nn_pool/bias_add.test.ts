import { describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { biasAddGrad } from '../../../src/ops/nn/bias_add_grad.js';
import { randomArray, runOpCase, type OpCase } from '../../util/op_cases.js';
import { arr, biasAddGradRef, biasAddRef } from './reference.js';

const fmt = (shape: readonly number[]): string =>
  shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;

function biasCase(shape: number[], dataFormat: string | undefined, seed: number): OpCase {
  const axis = dataFormat?.startsWith('NC') ? 1 : shape.length - 1;
  const x = arr(
    shape,
    randomArray(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
  );
  const b = randomArray(shape[axis]!, seed + 1);
  const want = biasAddRef(x, b, axis);
  return {
    name: `biasAdd ${dataFormat ?? 'default'} on ${fmt(shape)}`,
    build: () => tf.nn.biasAdd(tf.constant(x.data, { shape }), tf.constant(b), { dataFormat }),
    staticShape: fmt(shape),
    expected: { shape, values: want.data },
  };
}

function biasGradCase(shape: number[], dataFormat: 'NHWC' | 'NCHW', seed: number): OpCase {
  const axis = dataFormat === 'NCHW' ? 1 : shape.length - 1;
  const g = arr(
    shape,
    randomArray(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
  );
  return {
    name: `BiasAddGrad ${dataFormat} on ${fmt(shape)}`,
    build: () => biasAddGrad(tf.constant(g.data, { shape }), { dataFormat }),
    staticShape: fmt([shape[axis]!]),
    expected: { shape: [shape[axis]!], values: biasAddGradRef(g, axis) },
  };
}

describe('BiasAdd values (explicit-loop reference)', () => {
  const rows = [
    biasCase([3, 4], undefined, 1),
    biasCase([2, 3, 4], 'NHWC', 2),
    biasCase([2, 3, 4, 5], 'NHWC', 3),
    biasCase([2, 2, 3, 2, 3], 'NDHWC', 4),
    biasCase([2, 4, 3], 'NCHW', 5),
    biasCase([2, 4, 3, 5], 'NCHW', 6),
    biasCase([1, 3, 2, 2, 3], 'NCDHW', 7),
    biasGradCase([3, 4], 'NHWC', 8),
    biasGradCase([2, 3, 4, 5], 'NHWC', 9),
    biasGradCase([2, 4, 3], 'NCHW', 10),
    biasGradCase([2, 4, 3, 5], 'NCHW', 11),
    biasGradCase([2, 3, 2, 2, 2], 'NCHW', 12),
  ];
  for (const c of rows) it(c.name, () => runOpCase(c));

  it('adds an int32 bias to int32 values', () =>
    runOpCase({
      name: 'int32 bias add',
      build: () =>
        tf.nn.biasAdd(
          tf.constant(
            [
              [1, 2],
              [3, 4],
            ],
            { dtype: 'int32' },
          ),
          tf.constant([10, 20], { dtype: 'int32' }),
        ),
      dtype: 'int32',
      expected: { shape: [2, 2], values: [11, 22, 13, 24] },
    }));
});

describe('BiasAdd shapes and names', () => {
  it('infers shapes with unknown dims and unknown rank', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      expect(
        tf.nn
          .biasAdd(tf.placeholder('float32', [null, 4]), tf.placeholder('float32', [null]))
          .shape.toString(),
      ).toBe('(?, 4)');
      expect(
        tf.nn
          .biasAdd(tf.placeholder('float32', [null, null, 3]), tf.placeholder('float32', [5]), {
            dataFormat: 'NCHW',
          })
          .shape.toString(),
      ).toBe('(?, 5, 3)');
      expect(
        tf.nn
          .biasAdd(tf.placeholder('float32'), tf.placeholder('float32', [4]), {
            dataFormat: 'NCHW',
          })
          .shape.toString(),
      ).toBe('<unknown>');
      expect(biasAddGrad(tf.placeholder('float32')).shape.toString()).toBe('(?,)');
      expect(
        biasAddGrad(tf.placeholder('float32', [null, 7, 2]), {
          dataFormat: 'NCHW',
        }).shape.toString(),
      ).toBe('(7,)');
    });
  });

  it('names the op and its host-value constants as TF1', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      const y = tf.nn.biasAdd([[1, 2]], [3, 4]);
      expect(y.name).toBe('BiasAdd:0');
      expect(y.op.inputs.map((t) => t.name)).toEqual(['BiasAdd/input:0', 'BiasAdd/bias:0']);
      expect(y.op.getAttr('data_format')).toBe('NHWC');
      const z = tf.nn.biasAdd(
        tf.placeholder('float32', [1, 2, 3]),
        tf.placeholder('float32', [2]),
        { dataFormat: 'NCDHW', name: 'b1' },
      );
      expect(z.name).toBe('b1:0');
      expect(z.op.getAttr('data_format')).toBe('NCHW');
    });
  });

  it('builds BiasAddGrad as the bias gradient', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      const x = tf.placeholder('float32', [2, 3]);
      const b = tf.placeholder('float32', [3]);
      const [, db] = tf.gradients(tf.nn.biasAdd(x, b), [x, b]);
      expect(db!.op.type).toBe('BiasAddGrad');
      expect(db!.op.name).toBe('gradients/BiasAdd_grad/BiasAddGrad');
    });
  });
});

describe('BiasAdd errors', () => {
  const P = (shape: number[]) => tf.placeholder('float32', shape);
  const rows: OpCase[] = [
    {
      name: 'rank 1 value',
      build: () => tf.nn.biasAdd(P([4]), P([4])),
      throws: /Shape must be at least rank 2 but is rank 1/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'rank 2 value in NCHW',
      build: () => tf.nn.biasAdd(P([2, 4]), P([4]), { dataFormat: 'NCHW' }),
      throws: /Shape must be at least rank 3 but is rank 2/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'rank 2 bias',
      build: () => tf.nn.biasAdd(P([2, 4]), P([1, 4])),
      throws: /Shape must be rank 1 but is rank 2/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'channel mismatch (NHWC)',
      build: () => tf.nn.biasAdd(P([2, 4]), P([3])),
      throws: /BiasAdd 'BiasAdd': Dimensions must be equal, but are 4 and 3/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'channel mismatch (NCHW)',
      build: () => tf.nn.biasAdd(P([2, 4, 5, 5]), P([5]), { dataFormat: 'NCHW' }),
      throws: /Dimensions must be equal, but are 4 and 5/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'bad data format',
      build: () => tf.nn.biasAdd(P([2, 4]), P([4]), { dataFormat: 'HWC' }),
      throws: /data_format must be of the form `N...C` or `NC...`/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'string value',
      build: () => tf.nn.biasAdd(tf.constant([['a']]), tf.constant(['b'])),
      throws: /DataType string not in list of allowed values/,
      throwsClass: tf.errors.TypeError,
    },
  ];
  for (const c of rows) it(c.name, () => runOpCase(c));
});
