import { afterEach, describe, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase } from '../../util/op_cases.js';
import { filterRows, forwardRows, paddingArg, transposeRows, type ConvConfig } from './cases.js';

afterEach(() => tf.resetDefaultGraph());

const CONFIGS: ConvConfig[] = [
  {
    name: 'VALID 3x3',
    batch: 2,
    spatial: [5, 6],
    inC: 2,
    k: [3, 3],
    outC: 3,
    strides: [1, 1],
    dil: [1, 1],
    padding: 'VALID',
  },
  {
    name: 'SAME 3x3',
    batch: 1,
    spatial: [5, 5],
    inC: 2,
    k: [3, 3],
    outC: 2,
    strides: [1, 1],
    dil: [1, 1],
    padding: 'SAME',
    unknownBatch: true,
  },
  {
    name: 'SAME stride 2 odd',
    batch: 2,
    spatial: [7, 6],
    inC: 1,
    k: [3, 2],
    outC: 2,
    strides: [2, 2],
    dil: [1, 1],
    padding: 'SAME',
    seed: 3,
  },
  {
    name: 'VALID stride (2, 3) remainder',
    batch: 1,
    spatial: [8, 9],
    inC: 2,
    k: [3, 2],
    outC: 2,
    strides: [2, 3],
    dil: [1, 1],
    padding: 'VALID',
    seed: 4,
  },
  {
    name: 'SAME dilation 2',
    batch: 1,
    spatial: [7, 7],
    inC: 2,
    k: [3, 3],
    outC: 2,
    strides: [1, 1],
    dil: [2, 2],
    padding: 'SAME',
    seed: 5,
  },
  {
    name: 'VALID dilation (2, 1)',
    batch: 2,
    spatial: [7, 6],
    inC: 1,
    k: [2, 3],
    outC: 2,
    strides: [1, 1],
    dil: [2, 1],
    padding: 'VALID',
    seed: 6,
  },
  {
    name: 'SAME strides and dilations 2',
    batch: 1,
    spatial: [9, 8],
    inC: 2,
    k: [3, 3],
    outC: 2,
    strides: [2, 2],
    dil: [2, 2],
    padding: 'SAME',
    seed: 7,
  },
  {
    name: 'grouped (2 groups)',
    batch: 1,
    spatial: [5, 5],
    inC: 4,
    k: [3, 3],
    outC: 4,
    strides: [1, 1],
    dil: [1, 1],
    padding: 'SAME',
    groups: 2,
    seed: 8,
  },
  {
    name: 'explicit padding, stride 2',
    batch: 1,
    spatial: [6, 5],
    inC: 2,
    k: [3, 3],
    outC: 2,
    strides: [2, 2],
    dil: [1, 1],
    padding: 'VALID',
    explicit: [
      [1, 2],
      [0, 1],
    ],
    seed: 10,
  },
  {
    name: 'explicit padding, dilation 2',
    batch: 2,
    spatial: [5, 5],
    inC: 1,
    k: [2, 3],
    outC: 2,
    strides: [1, 1],
    dil: [2, 2],
    padding: 'VALID',
    explicit: [
      [3, 0],
      [1, 1],
    ],
    seed: 11,
  },
  {
    name: 'kernel larger than stride, VALID stride 2',
    batch: 2,
    spatial: [9, 9],
    inC: 1,
    k: [5, 5],
    outC: 2,
    strides: [2, 2],
    dil: [1, 1],
    padding: 'VALID',
    seed: 9,
  },
];

const conv = (x: tf.Tensor, w: tf.Tensor, c: ConvConfig, df: string): tf.Tensor =>
  tf.nn.conv2d(x, w, c.strides, paddingArg(c, df), { dataFormat: df, dilations: c.dil });

describe('Conv2D values (reference loop, both data formats)', () => {
  for (const c of CONFIGS)
    for (const row of forwardRows(c, conv)) it(row.name, () => runOpCase(row));
});

describe('Conv2DBackpropInput values (scatter reference)', () => {
  // TF1's conv2d_transpose rejects grouped filters (its output-depth check); the raw op takes them.
  const build = (
    dy: tf.Tensor,
    w: tf.Tensor,
    outShape: number[],
    c: ConvConfig,
    df: string,
  ): tf.Tensor =>
    c.groups || c.explicit
      ? tf.nn.conv2dBackpropInput(outShape, w, dy, c.strides, paddingArg(c, df), {
          dataFormat: df,
          dilations: c.dil,
        })
      : tf.nn.conv2dTranspose(dy, w, outShape, c.strides, c.padding, {
          dataFormat: df,
          dilations: c.dil,
        });
  for (const c of CONFIGS)
    for (const row of transposeRows(c, build)) it(row.name, () => runOpCase(row));
});

describe('Conv2DBackpropFilter values (reference loop)', () => {
  const build = (x: tf.Tensor, dy: tf.Tensor, ws: number[], c: ConvConfig, df: string): tf.Tensor =>
    tf.nn.conv2dBackpropFilter(x, ws, dy, c.strides, paddingArg(c, df), {
      dataFormat: df,
      dilations: c.dil,
    });
  for (const c of CONFIGS)
    for (const row of filterRows(c, build)) it(row.name, () => runOpCase(row));
});

describe('2-D convolutions on the wasm backend', () => {
  const picks = [CONFIGS[1]!, CONFIGS[2]!, CONFIGS[4]!, CONFIGS[6]!, CONFIGS[8]!];
  const transpose = (
    dy: tf.Tensor,
    w: tf.Tensor,
    outShape: number[],
    c: ConvConfig,
    df: string,
  ): tf.Tensor =>
    c.explicit
      ? tf.nn.conv2dBackpropInput(outShape, w, dy, c.strides, paddingArg(c, df), {
          dataFormat: df,
          dilations: c.dil,
        })
      : tf.nn.conv2dTranspose(dy, w, outShape, c.strides, c.padding, {
          dataFormat: df,
          dilations: c.dil,
        });
  const filter = (
    x: tf.Tensor,
    dy: tf.Tensor,
    ws: number[],
    c: ConvConfig,
    df: string,
  ): tf.Tensor =>
    tf.nn.conv2dBackpropFilter(x, ws, dy, c.strides, paddingArg(c, df), {
      dataFormat: df,
      dilations: c.dil,
    });
  for (const c of picks) {
    for (const row of [
      ...forwardRows(c, conv, 'wasm'),
      ...transposeRows(c, transpose, 'wasm'),
      ...filterRows(c, filter, 'wasm'),
    ])
      it(row.name, () => runOpCase(row));
  }
});
