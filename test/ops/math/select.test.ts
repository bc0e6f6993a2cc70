import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase, type OpCase } from '../../util/op_cases.js';
import { arr, broadcastN, nd, size } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

const cond = { shape: [2, 3], data: [1, 0, 0, 1, 1, 0] };
const xa = arr([2, 3], 1);
const ya = arr([2, 3], 2);

describe('Select (TF1 tf.where with x and y)', () => {
  it.each<OpCase>([
    {
      name: 'elementwise condition',
      build: () =>
        tf.where(
          tf.placeholder('bool', [2, 3], 'c'),
          tf.placeholder('float32', [2, 3], 'x'),
          tf.placeholder('float32', [2, 3], 'y'),
        ),
      feeds: { 'c:0': nd('bool', cond), 'x:0': nd('float32', xa), 'y:0': nd('float32', ya) },
      staticShape: '(2, 3)',
      expected: broadcastN([cond, xa, ya], (c, x, y) => (c ? x : y)),
    },
    {
      name: 'vector condition picks rows',
      build: () =>
        tf.where(
          tf.placeholder('bool', [2], 'c'),
          tf.placeholder('float32', [2, 3], 'x'),
          tf.placeholder('float32', [2, 3], 'y'),
        ),
      feeds: {
        'c:0': nd('bool', { shape: [2], data: [0, 1] }),
        'x:0': nd('float32', xa),
        'y:0': nd('float32', ya),
      },
      staticShape: '(2, 3)',
      expected: {
        shape: [2, 3],
        values: [...Array.from(ya.data).slice(0, 3), ...Array.from(xa.data).slice(3)],
      },
    },
    {
      name: 'scalar condition',
      build: () =>
        tf.where(
          tf.placeholder('bool', [], 'c'),
          tf.placeholder('float32', [2, 3], 'x'),
          tf.placeholder('float32', [2, 3], 'y'),
        ),
      feeds: {
        'c:0': nd('bool', { shape: [], data: [1] }),
        'x:0': nd('float32', xa),
        'y:0': nd('float32', ya),
      },
      expected: { shape: [2, 3], values: Array.from(xa.data) },
    },
    {
      name: 'unknown dims merge across t, e and the condition',
      build: () =>
        tf.where(
          tf.placeholder('bool', [null, 3], 'c'),
          tf.placeholder('float32', [2, null], 'x'),
          tf.placeholder('float32', null, 'y'),
        ),
      feeds: { 'c:0': nd('bool', cond), 'x:0': nd('float32', xa), 'y:0': nd('float32', ya) },
      staticShape: '(2, 3)',
      expected: broadcastN([cond, xa, ya], (c, x, y) => (c ? x : y)),
    },
    {
      name: 'unknown-rank condition',
      build: () =>
        tf.where(
          tf.placeholder('bool', null, 'c'),
          tf.placeholder('int32', [2, null], 'x'),
          tf.placeholder('int32', null, 'y'),
        ),
      feeds: {
        'c:0': nd('bool', cond),
        'x:0': nd('int32', { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] }),
        'y:0': nd('int32', { shape: [2, 3], data: [0, 0, 0, 0, 0, 0] }),
      },
      staticShape: '(2, ?)',
      dtype: 'int32',
      expected: { shape: [2, 3], values: [1, 0, 0, 4, 5, 0] },
    },
    {
      name: 't and e of different shapes',
      build: () =>
        tf.where(
          tf.placeholder('bool', [2, 3], 'c'),
          tf.placeholder('float32', [2, 3], 'x'),
          tf.placeholder('float32', [3, 3], 'y'),
        ),
      throws:
        /Dimension 0 in both shapes must be equal, but are 2 and 3\. Shapes are \[2,3\] and \[3,3\]\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'vector condition of the wrong length',
      build: () =>
        tf.where(
          tf.placeholder('bool', [3], 'c'),
          tf.placeholder('float32', [2, 3], 'x'),
          tf.placeholder('float32', [2, 3], 'y'),
        ),
      throws:
        /Dimension 0 in both shapes must be equal, but are 3 and 2\. Shapes are \[3\] and \[2\]\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'condition that would broadcast (Select does not)',
      build: () =>
        tf.where(
          tf.placeholder('bool', [2, 1], 'c'),
          tf.placeholder('float32', [2, 3], 'x'),
          tf.placeholder('float32', [2, 3], 'y'),
        ),
      throws:
        /Dimension 1 in both shapes must be equal, but are 3 and 1\. Shapes are \[2,3\] and \[2,1\]\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'float condition',
      build: () =>
        tf.where(
          tf.placeholder('float32', [2, 3], 'c'),
          tf.placeholder('float32', [2, 3], 'x'),
          tf.placeholder('float32', [2, 3], 'y'),
        ),
      throws:
        /^Input 'condition' of 'Select' Op has type float32 that does not match expected type of bool\.$/,
      throwsClass: tf.TypeError,
    },
    {
      name: 't and e of different dtypes',
      build: () =>
        tf.where(
          tf.placeholder('bool', [2, 3], 'c'),
          tf.placeholder('float32', [2, 3], 'x'),
          tf.placeholder('int32', [2, 3], 'y'),
        ),
      throws:
        /^Input 'e' of 'Select' Op has type int32 that does not match type float32 of argument 't'\.$/,
      throwsClass: tf.TypeError,
    },
    {
      name: 'shapes that disagree at run time',
      build: () =>
        tf.where(
          tf.placeholder('bool', null, 'c'),
          tf.placeholder('float32', null, 'x'),
          tf.placeholder('float32', null, 'y'),
        ),
      feeds: {
        'c:0': nd('bool', cond),
        'x:0': nd('float32', xa),
        'y:0': nd('float32', arr([3, 3], 4)),
      },
      throws: /'then' and 'else' must have the same size/,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runOpCase);

  it('needs both x and y or neither', () => {
    expect(() => tf.where(tf.constant([true]), tf.constant([1]))).toThrow(
      new tf.ValueError('x and y must both be non-None or both be None.'),
    );
  });
});

describe('SelectV2 (tf.whereV2: broadcasting)', () => {
  const c = { shape: [3], data: [1, 0, 1] };
  const x = arr([2, 1], 5);
  it.each<OpCase>([
    {
      name: 'all three broadcast',
      build: () =>
        tf.whereV2(tf.placeholder('bool', [3], 'c'), tf.placeholder('float32', [2, 1], 'x'), 0),
      feeds: { 'c:0': nd('bool', c), 'x:0': nd('float32', x) },
      staticShape: '(2, 3)',
      expected: broadcastN([c, x, { shape: [], data: [0] }], (cc, xx, yy) => (cc ? xx : yy)),
    },
    {
      name: 'unknown dims',
      build: () =>
        tf.whereV2(
          tf.placeholder('bool', [null], 'c'),
          tf.placeholder('float32', [null, 1], 'x'),
          tf.placeholder('float32', null, 'y'),
        ),
      feeds: {
        'c:0': nd('bool', c),
        'x:0': nd('float32', x),
        'y:0': nd('float32', { shape: [], data: [7] }),
      },
      staticShape: '<unknown>',
      expected: broadcastN([c, x, { shape: [], data: [7] }], (cc, xx, yy) => (cc ? xx : yy)),
    },
    {
      name: 'shapes that do not broadcast',
      build: () =>
        tf.whereV2(tf.placeholder('bool', [3], 'c'), tf.placeholder('float32', [2, 4], 'x'), 0),
      throws: /Dimensions must be equal, but are 3 and 4/,
      throwsClass: tf.ValueError,
    },
  ])('$name', runOpCase);
});

describe('Where (tf.where with the condition only)', () => {
  /** Row-major coordinates of the non-zero elements, by explicit loops. */
  const coords = (shape: number[], data: number[]): number[] => {
    const out: number[] = [];
    for (let k = 0; k < size(shape); k++) {
      if (!data[k]) continue;
      let rem = k;
      const idx: number[] = [];
      for (let i = shape.length - 1; i >= 0; i--) {
        idx.unshift(rem % shape[i]!);
        rem = Math.floor(rem / shape[i]!);
      }
      out.push(...idx);
    }
    return out;
  };
  const m = { shape: [2, 1, 3], data: [1, 0, 1, 0, 0, 1] };
  it.each<OpCase>([
    {
      name: 'coordinates of true elements (int64)',
      build: () => tf.where(tf.placeholder('bool', [2, 1, 3], 'c')),
      feeds: { 'c:0': nd('bool', m) },
      staticShape: '(?, 3)',
      dtype: 'int64',
      expected: { shape: [3, 3], values: coords(m.shape, m.data) },
    },
    {
      name: 'unknown rank',
      build: () => tf.where(tf.placeholder('bool', null, 'c')),
      feeds: { 'c:0': nd('bool', m) },
      staticShape: '(?, ?)',
      expected: { shape: [3, 3], values: coords(m.shape, m.data) },
    },
    {
      name: 'no true element',
      build: () => tf.where(tf.placeholder('bool', [null], 'c')),
      feeds: { 'c:0': nd('bool', { shape: [2], data: [0, 0] }) },
      expected: { shape: [0, 1], values: [] },
    },
    {
      name: 'Where of a string tensor',
      build: () => tf.where(tf.constant(['a'])),
      throws: /Value passed to parameter 'input' has DataType string not in list of allowed values/,
      throwsClass: tf.TypeError,
    },
  ])('$name', runOpCase);
});
