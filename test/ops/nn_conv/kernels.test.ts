import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs' own gradients (for tf.grad of its conv2d); the project registers none.
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  convBackpropFilterChannelsLast,
  convBackpropInputChannelsLast,
} from '../../../src/ops/nn/conv_backprop_kernels.js';
import { expectClose, randomArray } from '../../util/op_cases.js';
import { padsFor, refConv, refConvTranspose, refFilterGrad } from './reference.js';

/**
 * The tfjs-level kernels against tfjs' own: the fast filter gradient (one forward conv) must
 * equal tfjs' stock Conv2DBackpropFilter / Conv3DBackpropFilterV2 and tf.grad of tfjs' conv,
 * and the composed input gradient must equal tfjs' stock transposed conv and the scatter loop.
 */

beforeAll(async () => {
  await tfc.setBackend('cpu');
});

interface K {
  name: string;
  xs: number[];
  k: number[];
  outC: number;
  strides: number[];
  dil: number[];
  padding: 'SAME' | 'VALID';
}

const CASES_2D: K[] = [
  {
    name: 'VALID stride 1',
    xs: [2, 6, 5, 2],
    k: [3, 3],
    outC: 3,
    strides: [1, 1],
    dil: [1, 1],
    padding: 'VALID',
  },
  {
    name: 'SAME stride 2 (odd input)',
    xs: [2, 7, 7, 1],
    k: [3, 3],
    outC: 2,
    strides: [2, 2],
    dil: [1, 1],
    padding: 'SAME',
  },
  {
    name: 'VALID stride 3 with skipped remainder rows',
    xs: [1, 11, 10, 2],
    k: [2, 3],
    outC: 2,
    strides: [3, 3],
    dil: [1, 1],
    padding: 'VALID',
  },
  {
    name: 'SAME stride (2, 1), 5x5 kernel',
    xs: [3, 9, 8, 2],
    k: [5, 5],
    outC: 2,
    strides: [2, 1],
    dil: [1, 1],
    padding: 'SAME',
  },
  {
    name: 'SAME even kernel stride 2',
    xs: [1, 8, 8, 1],
    k: [4, 2],
    outC: 1,
    strides: [2, 2],
    dil: [1, 1],
    padding: 'SAME',
  },
];

function data(c: K): {
  x: Float32Array;
  w: Float32Array;
  ws: number[];
  dy: Float32Array;
  dys: number[];
  pads: [number, number][];
} {
  const nd = c.k.length;
  const ws = [...c.k, c.xs[nd + 1]!, c.outC];
  const x = randomArray(
    c.xs.reduce((a, b) => a * b, 1),
    11,
  );
  const w = randomArray(
    ws.reduce((a, b) => a * b, 1),
    12,
  );
  const pads = padsFor(c.padding, c.xs.slice(1, nd + 1), c.k, c.strides, c.dil);
  const fwd = refConv(x, c.xs, w, ws, c.strides, c.dil, pads);
  const dy = randomArray(fwd.values.length, 13);
  return { x, w, ws, dy, dys: fwd.shape, pads };
}

const pad = (p: 'SAME' | 'VALID'): 'same' | 'valid' => (p === 'SAME' ? 'same' : 'valid');

describe('fast Conv2DBackpropFilter vs tfjs stock kernel, tf.grad and the loop', () => {
  for (const c of CASES_2D) {
    it(c.name, () => {
      const d = data(c);
      const before = tfc.memory().numTensors;
      const [fast, stock, viaGrad] = tfc.tidy(() => {
        const x = tfc.tensor4d(d.x, c.xs as [number, number, number, number]);
        const dy = tfc.tensor4d(d.dy, d.dys as [number, number, number, number]);
        const w = tfc.tensor4d(d.w, d.ws as [number, number, number, number]);
        const s = c.strides as [number, number];
        const f = convBackpropFilterChannelsLast(x, dy, d.ws, c.strides, c.dil, d.pads);
        const st = tfc
          .engine()
          .runKernel(
            'Conv2DBackpropFilter',
            { x, dy },
            { strides: s, pad: pad(c.padding), dataFormat: 'NHWC', filterShape: d.ws },
          ) as tfc.Tensor;
        const g = tfc.grad((ww: tfc.Tensor) =>
          tfc.sum(tfc.mul(tfc.conv2d(x, ww as tfc.Tensor4D, s, pad(c.padding)), dy)),
        )(w);
        return [f.dataSync(), st.dataSync(), g.dataSync()];
      });
      expect(tfc.memory().numTensors).toBe(before);
      const ref = refFilterGrad(d.x, c.xs, d.dy, d.dys, d.ws, c.strides, c.dil, d.pads);
      expectClose(fast, ref.values, 1e-4, `${c.name} fast vs loop`);
      expectClose(fast, stock, 1e-4, `${c.name} fast vs stock`);
      expectClose(fast, viaGrad, 1e-4, `${c.name} fast vs tf.grad`);
    });
  }

  it('dilated filter gradient (no stock tfjs kernel takes dilations) vs the loop', () => {
    const c: K = {
      name: 'dil',
      xs: [2, 9, 8, 2],
      k: [3, 2],
      outC: 2,
      strides: [1, 1],
      dil: [2, 3],
      padding: 'SAME',
    };
    const d = data(c);
    const fast = tfc.tidy(() =>
      convBackpropFilterChannelsLast(
        tfc.tensor(d.x, c.xs),
        tfc.tensor(d.dy, d.dys),
        d.ws,
        c.strides,
        c.dil,
        d.pads,
      ).dataSync(),
    );
    expectClose(
      fast,
      refFilterGrad(d.x, c.xs, d.dy, d.dys, d.ws, c.strides, c.dil, d.pads).values,
      1e-4,
      'dilated',
    );
  });

  it('fast Conv3DBackpropFilterV2 vs tfjs stock kernel and the loop', () => {
    const c: K = {
      name: '3d',
      xs: [2, 5, 6, 5, 2],
      k: [2, 3, 2],
      outC: 3,
      strides: [2, 1, 2],
      dil: [1, 1, 1],
      padding: 'SAME',
    };
    const d = data(c);
    const [fast, stock] = tfc.tidy(() => {
      const x = tfc.tensor(d.x, c.xs);
      const dy = tfc.tensor(d.dy, d.dys);
      const st = tfc
        .engine()
        .runKernel(
          'Conv3DBackpropFilterV2',
          { x, dy },
          { strides: c.strides, pad: 'same', filterShape: d.ws },
        ) as tfc.Tensor;
      return [
        convBackpropFilterChannelsLast(x, dy, d.ws, c.strides, c.dil, d.pads).dataSync(),
        st.dataSync(),
      ];
    });
    expectClose(
      fast,
      refFilterGrad(d.x, c.xs, d.dy, d.dys, d.ws, c.strides, c.dil, d.pads).values,
      1e-4,
      '3d vs loop',
    );
    expectClose(fast, stock, 1e-4, '3d vs stock');
  });
});

describe('composed and stock input gradients agree with the scatter loop', () => {
  const cases = [
    ...CASES_2D,
    {
      name: '3-D SAME strides (2, 2, 1)',
      xs: [1, 5, 6, 4, 2],
      k: [3, 2, 2],
      outC: 2,
      strides: [2, 2, 1],
      dil: [1, 1, 1],
      padding: 'SAME',
    } satisfies K,
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = data(c);
      const ref = refConvTranspose(d.dy, d.dys, d.w, d.ws, c.xs, c.strides, c.dil, d.pads);
      for (const stock of [true, false]) {
        const out = tfc.tidy(() =>
          convBackpropInputChannelsLast(
            tfc.tensor(d.dy, d.dys),
            tfc.tensor(d.w, d.ws),
            c.xs,
            c.strides,
            c.dil,
            d.pads,
            { impl: stock ? 'native' : 'zero-insertion', padding: c.padding },
          ).dataSync(),
        );
        expectClose(out, ref.values, 1e-4, `${c.name} (${stock ? 'stock' : 'composed'})`);
      }
    });
  }
});
