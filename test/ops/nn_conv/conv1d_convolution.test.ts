import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase, type OpCase } from '../../util/op_cases.js';
import { forwardRows, type ConvConfig } from './cases.js';

afterEach(() => tf.resetDefaultGraph());

const ph = (shape: (number | null)[] | null, name = 'x'): tf.Tensor =>
  tf.placeholder('float32', shape ?? undefined, name);

const CONV1D: ConvConfig[] = [
  {
    name: 'conv1d VALID',
    batch: 2,
    spatial: [7],
    inC: 2,
    k: [3],
    outC: 3,
    strides: [1],
    dil: [1],
    padding: 'VALID',
  },
  {
    name: 'conv1d SAME stride 2',
    batch: 2,
    spatial: [9],
    inC: 3,
    k: [4],
    outC: 2,
    strides: [2],
    dil: [1],
    padding: 'SAME',
    unknownBatch: true,
    seed: 2,
  },
  {
    name: 'conv1d SAME dilation 2',
    batch: 1,
    spatial: [8],
    inC: 2,
    k: [3],
    outC: 2,
    strides: [1],
    dil: [2],
    padding: 'SAME',
    seed: 3,
  },
];

describe('conv1d values (ExpandDims + Conv2D + Squeeze)', () => {
  const build = (x: tf.Tensor, w: tf.Tensor, c: ConvConfig, df: string): tf.Tensor =>
    tf.nn.conv1d(x, w, c.strides[0]!, c.padding, { dataFormat: df, dilations: c.dil[0]! });
  for (const c of CONV1D)
    for (const row of forwardRows(c, build)) it(row.name, () => runOpCase(row));
  for (const row of forwardRows(CONV1D[1]!, build, 'wasm')) it(row.name, () => runOpCase(row));
});

const CONVOLUTION: ConvConfig[] = [
  CONV1D[2]!,
  {
    name: '2-D SAME dilation (2, 3)',
    batch: 1,
    spatial: [7, 8],
    inC: 2,
    k: [3, 2],
    outC: 2,
    strides: [1, 1],
    dil: [2, 3],
    padding: 'SAME',
    seed: 4,
  },
  {
    name: '2-D VALID strides 2',
    batch: 2,
    spatial: [7, 6],
    inC: 1,
    k: [3, 3],
    outC: 2,
    strides: [2, 2],
    dil: [1, 1],
    padding: 'VALID',
    unknownBatch: true,
    seed: 5,
  },
  {
    name: '3-D SAME dilation 2',
    batch: 1,
    spatial: [5, 4, 5],
    inC: 1,
    k: [2, 2, 2],
    outC: 2,
    strides: [1, 1, 1],
    dil: [2, 1, 2],
    padding: 'SAME',
    seed: 6,
  },
];

describe('tf.nn.convolution values (dispatch by rank)', () => {
  const build = (x: tf.Tensor, w: tf.Tensor, c: ConvConfig, df: string): tf.Tensor =>
    tf.nn.convolution(x, w, c.padding, { strides: c.strides, dilationRate: c.dil, dataFormat: df });
  for (const c of CONVOLUTION)
    for (const row of forwardRows(c, build)) it(`convolution ${row.name}`, () => runOpCase(row));
});

describe('tf.nn.atrousConv2d values', () => {
  const rows = [
    {
      name: 'atrous rate 2 SAME',
      batch: 1,
      spatial: [9, 8],
      inC: 2,
      k: [3, 3],
      outC: 2,
      strides: [1, 1],
      dil: [2, 2],
      padding: 'SAME',
      seed: 7,
    },
    {
      name: 'atrous rate 3 VALID',
      batch: 2,
      spatial: [9, 9],
      inC: 1,
      k: [2, 3],
      outC: 2,
      strides: [1, 1],
      dil: [3, 3],
      padding: 'VALID',
      unknownBatch: true,
      seed: 8,
    },
  ] satisfies ConvConfig[];
  const build = (x: tf.Tensor, w: tf.Tensor, c: ConvConfig): tf.Tensor =>
    tf.nn.atrousConv2d(x, w, c.dil[0]!, c.padding);
  // atrous_conv2d is NHWC only: keep the channels-last row of each pair.
  for (const c of rows) {
    const row = forwardRows(c, build)[0]!;
    it(row.name, () => runOpCase(row));
    const wasm = forwardRows(c, build, 'wasm')[0]!;
    it(wasm.name, () => runOpCase(wasm));
  }
});

describe('conv1d / convolution graph structure as TF1 builds it', () => {
  it('conv1d: ExpandDims, ExpandDims_1, a Conv2D named conv1d, Squeeze', () => {
    const y = tf.nn.conv1d(ph([null, 10, 3]), ph([3, 3, 4], 'w'), 2, 'SAME');
    expect(y.name).toBe('conv1d/Squeeze:0');
    expect(y.shape.toString()).toBe('(?, 5, 4)');
    const g = tf.getDefaultGraph();
    const conv = g.getOperationByName('conv1d');
    expect(conv.type).toBe('Conv2D');
    expect(conv.getAttr('strides')).toEqual([1, 1, 2, 1]);
    expect(conv.getAttr('data_format')).toBe('NHWC');
    expect(conv.inputs.map((t) => t.name)).toEqual([
      'conv1d/ExpandDims:0',
      'conv1d/ExpandDims_1:0',
    ]);
    expect(conv.outputs[0]!.shape.toString()).toBe('(?, 1, 5, 4)');
    expect(y.op.getAttr('squeeze_dims')).toEqual([1]);
    const z = tf.nn.conv1d(ph([null, 3, 10], 'x2'), ph([3, 3, 4], 'w2'), 2, 'SAME', {
      dataFormat: 'NCW',
    });
    expect(z.name).toBe('conv1d_1/Squeeze:0');
    expect(z.shape.toString()).toBe('(?, 4, 5)');
    expect(z.op.getAttr('squeeze_dims')).toEqual([2]);
    const conv2 = g.getOperationByName('conv1d_1');
    expect(conv2.getAttr('strides')).toEqual([1, 1, 1, 2]);
    expect(conv2.getAttr('data_format')).toBe('NCHW');
  });

  it('convolution: ops named convolution for 1, 2 and 3 spatial dims', () => {
    const g = tf.getDefaultGraph();
    const y2 = tf.nn.convolution(ph([2, 9, 9, 1]), ph([3, 3, 1, 2], 'w'), 'SAME', {
      strides: [2, 2],
    });
    expect(y2.name).toBe('convolution:0');
    expect(y2.shape.toString()).toBe('(2, 5, 5, 2)');
    const y1 = tf.nn.convolution(ph([null, 10, 3], 'x1'), ph([3, 3, 4], 'w1'), 'VALID', {
      dilationRate: [2],
    });
    expect(y1.name).toBe('convolution_1/Squeeze:0');
    expect(y1.shape.toString()).toBe('(?, 6, 4)');
    expect(g.getOperationByName('convolution_1').getAttr('dilations')).toEqual([1, 1, 2, 1]);
    const y3 = tf.nn.convolution(ph([2, 9, 9, 9, 1], 'x3'), ph([3, 3, 3, 1, 2], 'w3'), 'SAME', {
      strides: 2,
    });
    expect(y3.op.type).toBe('Conv3D');
    expect(y3.shape.toString()).toBe('(2, 5, 5, 5, 2)');
    const y4 = tf.nn.convolution(ph([2, 1, 9, 9], 'x4'), ph([3, 3, 1, 2], 'w4'), 'SAME', {
      dataFormat: 'NCHW',
      dilationRate: 2,
    });
    expect(y4.shape.toString()).toBe('(2, 2, 9, 9)');
    const a = tf.nn.atrousConv2d(
      ph([null, null, null, 1], 'x5'),
      ph([3, 3, 1, 2], 'w5'),
      2,
      'VALID',
    );
    expect(a.op.type).toBe('Conv2D');
    expect(a.op.getAttr('dilations')).toEqual([1, 2, 2, 1]);
    expect(a.shape.toString()).toBe('(?, ?, ?, 2)');
  });

  it('convolution infers with an unknown input or filter rank', () => {
    expect(tf.nn.convolution(ph(null), ph([3, 3, 1, 2], 'w'), 'SAME').shape.toString()).toBe(
      '(?, ?, ?, 2)',
    );
    expect(tf.nn.convolution(ph(null, 'x1'), ph([3, 1, 2], 'w1'), 'SAME').shape.toString()).toBe(
      '(?, ?, 2)',
    );
    expect(tf.nn.convolution(ph([2, 9, 9, 1], 'x2'), ph(null, 'w2'), 'SAME').shape.toString()).toBe(
      '(2, 9, 9, ?)',
    );
  });
});

const err = (name: string, build: () => tf.Tensor, throws: RegExp): OpCase => ({
  name,
  build,
  throws,
  throwsClass: tf.ValueError,
});

describe('conv1d / convolution / atrousConv2d errors', () => {
  const rows: OpCase[] = [
    err(
      'conv1d data format',
      () => tf.nn.conv1d(ph([2, 10, 3]), ph([3, 3, 4], 'w'), 1, 'SAME', { dataFormat: 'NDHWC' }),
      /data_format must be "NWC" or "NCW"/,
    ),
    err(
      'conv1d channels',
      () => tf.nn.conv1d(ph([2, 10, 2]), ph([3, 3, 4], 'w'), 1, 'SAME'),
      /Depth of input \(2\) is not a multiple of input depth of filter \(3\)/,
    ),
    err(
      'conv1d padding',
      () => tf.nn.conv1d(ph([2, 10, 3]), ph([3, 3, 4], 'w'), 1, 'same'),
      /Attr 'padding' of 'Conv2D' Op passed string 'same'/,
    ),
    err(
      'conv1d stride list',
      () => tf.nn.conv1d(ph([2, 10, 3]), ph([3, 3, 4], 'w'), [1, 2], 'SAME'),
      /stride should be of length 1 or 3/,
    ),
    err(
      'convolution unknown ranks',
      () => tf.nn.convolution(ph(null), ph(null, 'w'), 'SAME'),
      /rank of input or filter must be known/,
    ),
    err(
      'convolution rank mismatch',
      () => tf.nn.convolution(ph([2, 9, 9, 1]), ph([3, 3, 3, 1, 2], 'w'), 'SAME'),
      /Shape \(2, 9, 9, 1\) must have rank 5/,
    ),
    err(
      'convolution rank 6',
      () => tf.nn.convolution(ph([2, 9, 9, 9, 9, 1]), ph([3, 3, 3, 3, 1, 2], 'w'), 'SAME'),
      /Input tensor must be of rank 3, 4 or 5 but was 6/,
    ),
    err(
      'convolution channels',
      () => tf.nn.convolution(ph([2, 9, 9, 3]), ph([3, 3, 1, 2], 'w'), 'SAME'),
      /number of input channels does not match corresponding dimension of filter, 3 != 1/,
    ),
    err(
      'convolution strides with dilation',
      () =>
        tf.nn.convolution(ph([2, 9, 9, 1]), ph([3, 3, 1, 2], 'w'), 'SAME', {
          strides: [2, 2],
          dilationRate: [2, 2],
        }),
      /strides > 1 not supported in conjunction with dilation_rate > 1/,
    ),
    err(
      'convolution dilation length',
      () =>
        tf.nn.convolution(ph([2, 9, 9, 1]), ph([3, 3, 1, 2], 'w'), 'SAME', {
          dilationRate: [2, 2, 2],
        }),
      /len\(dilation_rate\)=3 but should be 2/,
    ),
    err(
      'convolution padding',
      () => tf.nn.convolution(ph([2, 9, 9, 1]), ph([3, 3, 1, 2], 'w'), 'FOO'),
      /Attr 'padding' of 'Conv2D' Op passed string 'FOO'/,
    ),
    err(
      'atrous rate 0',
      () => tf.nn.atrousConv2d(ph([2, 9, 9, 1]), ph([3, 3, 1, 2], 'w'), 0, 'SAME'),
      /all values of dilation_rate must be positive/,
    ),
    err(
      'atrous VALID too small',
      () => tf.nn.atrousConv2d(ph([2, 4, 4, 1]), ph([3, 3, 1, 2], 'w'), 2, 'VALID'),
      /Negative dimension size caused by subtracting 5 from 4/,
    ),
  ];
  for (const row of rows) it(row.name, () => runOpCase(row));
});
