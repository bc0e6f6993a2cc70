import { afterEach, describe, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { runOpCase } from '../../util/op_cases.js';
import { filterRows, forwardRows, transposeRows, type ConvConfig } from './cases.js';

afterEach(() => tf.resetDefaultGraph());

const CONFIGS: ConvConfig[] = [
  {
    name: 'VALID 2x2x2',
    batch: 2,
    spatial: [3, 4, 3],
    inC: 2,
    k: [2, 2, 2],
    outC: 2,
    strides: [1, 1, 1],
    dil: [1, 1, 1],
    padding: 'VALID',
  },
  {
    name: 'SAME strides (2, 1, 2)',
    batch: 1,
    spatial: [5, 4, 5],
    inC: 1,
    k: [3, 2, 3],
    outC: 2,
    strides: [2, 1, 2],
    dil: [1, 1, 1],
    padding: 'SAME',
    unknownBatch: true,
    seed: 2,
  },
  {
    name: 'VALID stride 2 remainder',
    batch: 1,
    spatial: [6, 5, 4],
    inC: 2,
    k: [3, 2, 2],
    outC: 1,
    strides: [2, 2, 2],
    dil: [1, 1, 1],
    padding: 'VALID',
    seed: 3,
  },
  {
    name: 'SAME dilation 2',
    batch: 1,
    spatial: [5, 5, 4],
    inC: 1,
    k: [2, 3, 2],
    outC: 2,
    strides: [1, 1, 1],
    dil: [2, 2, 1],
    padding: 'SAME',
    seed: 4,
  },
  {
    name: 'SAME strides and dilations 2',
    batch: 1,
    spatial: [6, 5, 5],
    inC: 2,
    k: [2, 2, 2],
    outC: 1,
    strides: [2, 2, 2],
    dil: [2, 2, 2],
    padding: 'SAME',
    seed: 5,
  },
];

const conv = (x: tf.Tensor, w: tf.Tensor, c: ConvConfig, df: string): tf.Tensor =>
  tf.nn.conv3d(x, w, c.strides, c.padding, { dataFormat: df, dilations: c.dil });
const transpose = (
  dy: tf.Tensor,
  w: tf.Tensor,
  outShape: number[],
  c: ConvConfig,
  df: string,
): tf.Tensor =>
  tf.nn.conv3dTranspose(dy, w, outShape, c.strides, c.padding, {
    dataFormat: df,
    dilations: c.dil,
  });
const filter = (x: tf.Tensor, dy: tf.Tensor, ws: number[], c: ConvConfig, df: string): tf.Tensor =>
  tf.nn.conv3dBackpropFilterV2(x, ws, dy, c.strides, c.padding, {
    dataFormat: df,
    dilations: c.dil,
  });

describe('Conv3D values (reference loop, both data formats)', () => {
  for (const c of CONFIGS)
    for (const row of forwardRows(c, conv)) it(row.name, () => runOpCase(row));
});

describe('Conv3DBackpropInputV2 values (scatter reference)', () => {
  for (const c of CONFIGS)
    for (const row of transposeRows(c, transpose)) it(row.name, () => runOpCase(row));
});

describe('Conv3DBackpropFilterV2 values (reference loop)', () => {
  for (const c of CONFIGS)
    for (const row of filterRows(c, filter)) it(row.name, () => runOpCase(row));
});

describe('3-D convolutions on the wasm backend', () => {
  for (const c of CONFIGS.slice(1, 3)) {
    for (const row of [
      ...forwardRows(c, conv, 'wasm'),
      ...transposeRows(c, transpose, 'wasm'),
      ...filterRows(c, filter, 'wasm'),
    ])
      it(row.name, () => runOpCase(row));
  }
});
