import { describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { randomArray, runOpCase, type OpCase } from '../../util/op_cases.js';
import { depthwiseBackpropCases, depthwiseValueCases } from './cases.js';
import { arr, depthwiseRef, pointwiseRef, toFirst, toLast, type DwGeometry } from './reference.js';

const fmt = (shape: readonly number[]): string => `(${shape.join(', ')})`;
const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
const full = (v: [number, number], cf: boolean): number[] => (cf ? [1, 1, ...v] : [1, ...v, 1]);

describe('depthwise convolution values (explicit-loop reference)', () => {
  for (const c of depthwiseValueCases()) it(c.name, () => runOpCase(c));
});

describe('depthwise backprop values (explicit-loop reference)', () => {
  const rows = [false, true].flatMap((cf) => [
    ...depthwiseBackpropCases(
      cf,
      [2, 5, 6, 3],
      [3, 3, 3, 1],
      { strides: [1, 1], dilations: [1, 1], padding: 'SAME' },
      21,
    ),
    ...depthwiseBackpropCases(
      cf,
      [1, 7, 6, 2],
      [3, 2, 2, 3],
      { strides: [2, 2], dilations: [1, 1], padding: 'SAME' },
      22,
    ),
    ...depthwiseBackpropCases(
      cf,
      [1, 7, 8, 2],
      [3, 3, 2, 2],
      { strides: [1, 1], dilations: [2, 2], padding: 'SAME' },
      23,
    ),
    ...depthwiseBackpropCases(
      cf,
      [2, 6, 7, 2],
      [2, 3, 2, 2],
      { strides: [2, 3], dilations: [1, 1], padding: 'VALID' },
      24,
    ),
    ...depthwiseBackpropCases(
      cf,
      [1, 8, 7, 1],
      [3, 2, 1, 2],
      { strides: [1, 1], dilations: [2, 3], padding: 'VALID' },
      25,
    ),
    ...depthwiseBackpropCases(
      cf,
      [1, 9, 9, 2],
      [2, 2, 2, 1],
      { strides: [3, 3], dilations: [1, 1], padding: 'SAME' },
      26,
    ),
  ]);
  for (const c of rows) it(c.name, () => runOpCase(c));
});

describe('separable convolution (depthwise then 1x1 Conv2D)', () => {
  function separableCase(
    cf: boolean,
    xShape: number[],
    dShape: number[],
    pShape: number[],
    g: DwGeometry,
    seed: number,
  ): OpCase {
    const x = arr(xShape, randomArray(size(xShape), seed));
    const dw = arr(dShape, randomArray(size(dShape), seed + 1));
    const pw = arr(pShape, randomArray(size(pShape), seed + 2));
    const want = pointwiseRef(depthwiseRef(x, dw, g), pw);
    const input = cf ? toFirst(x) : x;
    const out = cf ? toFirst(want) : want;
    return {
      name: `separableConv2d ${cf ? 'NCHW' : 'NHWC'} s${g.strides.join('x')} rate ${g.dilations.join('x')} ${g.padding}`,
      build: () =>
        tf.nn.separableConv2d(
          tf.constant(input.data, { shape: input.shape }),
          tf.constant(dw.data, { shape: dShape }),
          tf.constant(pw.data, { shape: pShape }),
          full(g.strides, cf),
          g.padding,
          {
            rate: g.dilations,
            dataFormat: cf ? 'NCHW' : 'NHWC',
          },
        ),
      staticShape: fmt(out.shape),
      expected: { shape: out.shape, values: out.data },
      tol: 1e-4,
    };
  }
  const rows = [false, true].flatMap((cf) => [
    separableCase(
      cf,
      [2, 5, 6, 3],
      [3, 3, 3, 2],
      [1, 1, 6, 4],
      { strides: [1, 1], dilations: [1, 1], padding: 'SAME' },
      31,
    ),
    separableCase(
      cf,
      [1, 7, 7, 2],
      [3, 3, 2, 1],
      [1, 1, 2, 3],
      { strides: [2, 2], dilations: [1, 1], padding: 'VALID' },
      32,
    ),
    separableCase(
      cf,
      [1, 8, 7, 2],
      [2, 3, 2, 2],
      [1, 1, 4, 2],
      { strides: [1, 1], dilations: [2, 2], padding: 'SAME' },
      33,
    ),
  ]);
  for (const c of rows) it(c.name, () => runOpCase(c));

  it('names its ops as TF1: separable_conv2d/depthwise then separable_conv2d', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      const x = tf.placeholder('float32', [null, 9, 9, 4]);
      const y = tf.nn.separableConv2d(
        x,
        tf.placeholder('float32', [3, 3, 4, 2]),
        tf.placeholder('float32', [1, 1, 8, 5]),
        [1, 1, 1, 1],
        'SAME',
      );
      expect(y.name).toBe('separable_conv2d:0');
      expect(y.op.type).toBe('Conv2D');
      expect(y.op.getAttr('padding')).toBe('VALID');
      expect(y.op.inputs[0]!.name).toBe('separable_conv2d/depthwise:0');
      expect(y.op.inputs[0]!.op.type).toBe('DepthwiseConv2dNative');
      expect(y.shape.toString()).toBe('(?, 9, 9, 5)');
      const z = tf.nn.separableConv2d(
        x,
        tf.placeholder('float32', [3, 3, 4, 2]),
        tf.placeholder('float32', [1, 1, 8, 5]),
        1,
        'SAME',
        { name: 'sep' },
      );
      expect(z.name).toBe('sep:0');
      expect(
        tf.nn.separableConv2d(
          x,
          tf.placeholder('float32', [3, 3, 4, 2]),
          tf.placeholder('float32', [1, 1, 8, 5]),
          1,
          'SAME',
        ).name,
      ).toBe('separable_conv2d_1:0');
    });
  });
});

describe('depthwise shapes, names and attrs', () => {
  it('infers shapes with unknown dims and unknown rank', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      expect(
        tf.nn
          .depthwiseConv2d(tf.placeholder('float32'), tf.placeholder('float32'), 1, 'SAME')
          .shape.toString(),
      ).toBe('(?, ?, ?, ?)');
      expect(
        tf.nn
          .depthwiseConv2d(
            tf.placeholder('float32', [null, null, null, 3]),
            tf.placeholder('float32', [3, 3, null, 2]),
            1,
            'SAME',
          )
          .shape.toString(),
      ).toBe('(?, ?, ?, 6)');
      expect(
        tf.nn
          .depthwiseConv2d(
            tf.placeholder('float32', [null, 4, 9, 9]),
            tf.placeholder('float32', [3, 3, 4, 2]),
            [1, 1, 2, 2],
            'SAME',
            { dataFormat: 'NCHW' },
          )
          .shape.toString(),
      ).toBe('(?, 8, 5, 5)');
      expect(
        tf.nn
          .depthwiseConv2d(
            tf.placeholder('float32', [2, 9, null, 4]),
            tf.placeholder('float32', [3, 3, 4, 1]),
            1,
            'VALID',
            { rate: 2 },
          )
          .shape.toString(),
      ).toBe('(2, 5, ?, 4)');
    });
  });

  it('names the op as TF1 and writes TF attrs', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      const x = tf.placeholder('float32', [1, 9, 9, 4]);
      const w = tf.placeholder('float32', [3, 3, 4, 2]);
      const y = tf.nn.depthwiseConv2d(x, w, 1, 'SAME', { rate: [2, 2] });
      expect(y.name).toBe('depthwise:0');
      expect(y.op.type).toBe('DepthwiseConv2dNative');
      expect(y.op.getAttr('dilations')).toEqual([1, 2, 2, 1]);
      expect(y.op.getAttr('strides')).toEqual([1, 1, 1, 1]);
      expect(y.op.getAttr('explicit_paddings')).toEqual([]);
      expect(tf.nn.depthwiseConv2d(x, w, [1, 2, 2, 1], 'VALID').name).toBe('depthwise_1:0');
      expect(tf.nn.depthwiseConv2d(x, w, 2, 'VALID', { name: 'dw' }).name).toBe('dw:0');
      expect(tf.nn.depthwiseConv2dNative(x, w, 1, 'SAME', { dilations: 2 }).name).toBe(
        'DepthwiseConv2dNative:0',
      );
      const [dx, dw] = tf.gradients(y, [x, w]);
      expect(dx!.op.type).toBe('DepthwiseConv2dNativeBackpropInput');
      expect(dw!.op.type).toBe('DepthwiseConv2dNativeBackpropFilter');
      expect(dx!.shape.toString()).toBe('(1, 9, 9, 4)');
      expect(dw!.shape.toString()).toBe('(3, 3, 4, 2)');
    });
  });
});

describe('depthwise errors', () => {
  const P = (shape: number[]) => tf.placeholder('float32', shape);
  const rows: OpCase[] = [
    {
      name: 'rank 3 input',
      build: () => tf.nn.depthwiseConv2d(P([2, 4, 4]), P([3, 3, 4, 1]), 1, 'SAME'),
      throws: /Shape must be rank 4 but is rank 3 for input 'input'/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'rank 3 filter',
      build: () => tf.nn.depthwiseConv2d(P([2, 4, 4, 4]), P([3, 3, 4]), 1, 'SAME'),
      throws: /Shape must be rank 4 but is rank 3 for input 'filter'/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'channel mismatch',
      build: () => tf.nn.depthwiseConv2d(P([2, 4, 4, 4]), P([3, 3, 3, 2]), 1, 'SAME'),
      throws: /DepthwiseConv2dNative 'depthwise': Dimensions must be equal, but are 4 and 3/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'channel mismatch (NCHW)',
      build: () =>
        tf.nn.depthwiseConv2d(P([2, 4, 5, 5]), P([3, 3, 5, 2]), 1, 'SAME', { dataFormat: 'NCHW' }),
      throws: /Dimensions must be equal, but are 4 and 5/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'strides and rate both > 1',
      build: () => tf.nn.depthwiseConv2d(P([2, 9, 9, 4]), P([3, 3, 4, 2]), 2, 'SAME', { rate: 2 }),
      throws: /strides > 1 not supported in conjunction with dilation_rate > 1/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'VALID filter larger than the input',
      build: () => tf.nn.depthwiseConv2d(P([2, 2, 2, 4]), P([3, 3, 4, 2]), 1, 'VALID'),
      throws: /Negative dimension size caused by subtracting 3 from 2/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'dilated VALID filter larger than the input',
      build: () => tf.nn.depthwiseConv2d(P([2, 4, 4, 4]), P([3, 3, 4, 2]), 1, 'VALID', { rate: 2 }),
      throws: /Negative dimension size caused by subtracting 5 from 4/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'unknown padding',
      build: () => tf.nn.depthwiseConv2d(P([2, 4, 4, 4]), P([3, 3, 4, 2]), 1, 'same'),
      throws: /Attr 'padding' of 'DepthwiseConv2dNative' Op passed string 'same'/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'strides of length 3',
      build: () => tf.nn.depthwiseConv2d(P([2, 4, 4, 4]), P([3, 3, 4, 2]), [1, 1, 1], 'SAME'),
      throws: /strides should be of length 1, 2 or 4/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'batch stride',
      build: () => tf.nn.depthwiseConv2d(P([2, 4, 4, 4]), P([3, 3, 4, 2]), [2, 1, 1, 1], 'SAME'),
      throws: /strides in the batch and depth dimensions must be 1/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'integer input',
      build: () =>
        tf.nn.depthwiseConv2d(
          tf.placeholder('int32', [1, 4, 4, 1]),
          tf.placeholder('int32', [3, 3, 1, 1]),
          1,
          'SAME',
        ),
      throws: /DataType int32 not in list of allowed values/,
      throwsClass: tf.errors.TypeError,
    },
    {
      name: 'separable: 3x3 pointwise filter',
      build: () =>
        tf.nn.separableConv2d(P([2, 9, 9, 4]), P([3, 3, 4, 2]), P([3, 3, 8, 5]), 1, 'SAME'),
      throws: /Dimensions 3 and 1 are not compatible/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'separable: pointwise channels mismatch',
      build: () =>
        tf.nn.separableConv2d(P([2, 9, 9, 4]), P([3, 3, 4, 2]), P([1, 1, 7, 5]), 1, 'SAME'),
      throws: /8.*7|7.*8/,
      throwsClass: tf.errors.ValueError,
    },
    {
      name: 'separable: strides and rate both > 1',
      build: () =>
        tf.nn.separableConv2d(P([2, 9, 9, 4]), P([3, 3, 4, 2]), P([1, 1, 8, 5]), 2, 'SAME', {
          rate: 2,
        }),
      throws: /strides > 1 not supported in conjunction with dilation_rate > 1/,
      throwsClass: tf.errors.ValueError,
    },
  ];
  for (const c of rows) it(c.name, () => runOpCase(c));
});

describe('reference self-check', () => {
  it('layout helpers invert each other', () => {
    const x = arr([2, 3, 4, 5], randomArray(120, 9));
    expect(Array.from(toLast(toFirst(x)).data)).toEqual(Array.from(x.data));
  });
});
