import { describe, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { randomArray, runOpCase, type OpCase } from '../../util/op_cases.js';
import {
  depthwiseBackpropCases,
  depthwiseValueCases,
  poolGradCase,
  poolValueCases,
} from './cases.js';
import { arr, biasAddRef } from './reference.js';

/**
 * Key value rows on the wasm backend, where several stock kernels differ from cpu's (no
 * depthwise backprop kernels, a MaxPool3D that mishandles negative windows).
 */
const onWasm = (c: OpCase): OpCase => ({
  ...c,
  name: `[wasm] ${c.name}`,
  backend: 'wasm',
  tol: Math.max(c.tol ?? 1e-5, 1e-4),
});

describe('bias, pooling and depthwise on wasm', () => {
  const x = arr([2, 3, 4], randomArray(24, 1));
  const b = randomArray(3, 2);
  const rows: OpCase[] = [
    {
      name: 'biasAdd NCHW',
      build: () =>
        tf.nn.biasAdd(tf.constant(x.data, { shape: x.shape }), tf.constant(b), {
          dataFormat: 'NCHW',
        }),
      expected: { shape: x.shape, values: biasAddRef(x, b, 1).data },
    },
    ...poolValueCases(),
    {
      name: 'max pool 3-D of negative values',
      build: () =>
        tf.nn.maxPool3d(
          tf.constant(new Float32Array(27).fill(-1), { shape: [1, 3, 3, 3, 1] }),
          2,
          1,
          'SAME',
        ),
      expected: { shape: [1, 3, 3, 3, 1], values: new Float32Array(27).fill(-1) },
    },
    ...(['max', 'avg', 'maxgradgrad'] as const).flatMap((kind) => [
      poolGradCase(kind, false, [1, 5, 7, 2], [3, 3], [2, 2], 'SAME', 51),
      poolGradCase(kind, true, [1, 3, 5, 4, 2], [2, 3, 2], [2, 2, 2], 'SAME', 52),
    ]),
    ...depthwiseValueCases(),
    ...depthwiseBackpropCases(
      false,
      [1, 7, 6, 2],
      [3, 2, 2, 3],
      { strides: [2, 2], dilations: [1, 1], padding: 'SAME' },
      53,
    ),
    ...depthwiseBackpropCases(
      true,
      [1, 7, 8, 2],
      [3, 3, 2, 2],
      { strides: [1, 1], dilations: [2, 2], padding: 'SAME' },
      54,
    ),
  ].map(onWasm);
  for (const c of rows) it(c.name, () => runOpCase(c));
});
