import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { depthwiseBackpropInputKernel } from '../../../src/ops/nn/depthwise_kernels.js';
import {
  avgPool3dGradKernel,
  avgPool3dKernel,
  maxPool3dGradGradKernel,
  maxPool3dGradKernel,
  maxPool3dKernel,
} from '../../../src/ops/nn/pool3d_kernels.js';
import {
  maxPoolGradGradKernel,
  maxPoolGradKernel,
  type PoolAttrs,
} from '../../../src/ops/nn/pool_kernels.js';
import { expectClose, randomArray } from '../../util/op_cases.js';
import {
  arr,
  depthwiseBackpropInputRef,
  depthwiseRef,
  poolGradRef,
  poolRef,
  toFirst,
  type DwGeometry,
} from './reference.js';

/**
 * The composed fallbacks run where a backend lacks (or has a wrong) stock kernel. A backend
 * name with no kernels registered ('none') selects them while tfjs computes on cpu.
 */
const NONE = 'none';
const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

beforeAll(async () => {
  await tfc.setBackend('cpu');
});

function run(fn: () => tfc.Tensor): { shape: number[]; data: Float32Array } {
  const before = tfc.memory().numTensors;
  const y = tfc.tidy(fn);
  const out = { shape: y.shape, data: y.dataSync() as Float32Array };
  y.dispose();
  expect(tfc.memory().numTensors).toBe(before);
  return out;
}

describe('3-D pooling as two 2-D pools', () => {
  const cases: [number[], number[], number[], 'SAME' | 'VALID', boolean][] = [
    [[1, 3, 5, 4, 2], [2, 3, 2], [2, 2, 2], 'SAME', false],
    [[2, 4, 3, 5, 1], [3, 2, 2], [1, 2, 1], 'VALID', false],
    [[1, 3, 4, 4, 2], [2, 2, 3], [2, 1, 2], 'SAME', true],
  ];
  for (const [shape, k, s, padding, cf] of cases) {
    const df = cf ? 'NCDHW' : 'NDHWC';
    const full = (v: number[]): number[] => (cf ? [1, 1, ...v] : [1, ...v, 1]);
    const a: PoolAttrs = { ksize: full(k), strides: full(s), padding, data_format: df };
    const x = arr(shape, randomArray(size(shape), size(shape), -3, -1));
    const input = cf ? toFirst(x) : x;
    const layout = (t: ReturnType<typeof arr>) => (cf ? toFirst(t) : t);
    for (const kind of ['max', 'avg'] as const) {
      it(`${kind} ${df} k${k.join('x')} s${s.join('x')} ${padding} (negative values)`, () => {
        const want = layout(poolRef(x, k, s, padding, kind));
        const pool = kind === 'max' ? maxPool3dKernel : avgPool3dKernel;
        const got = run(() => pool(tfc.tensor(input.data, input.shape), a, NONE));
        expect(got.shape).toEqual(want.shape);
        expectClose(got.data, want.data, 1e-5);
      });
    }
    it(`avg gradient ${df} k${k.join('x')} s${s.join('x')} ${padding}`, () => {
      const yShape = poolRef(x, k, s, padding, 'avg').shape;
      const dy = arr(yShape, randomArray(size(yShape), 3));
      const want = layout(poolGradRef(x, dy, k, s, padding, 'avg'));
      const dyIn = layout(dy);
      const got = run(() =>
        avgPool3dGradKernel(input.shape, tfc.tensor(dyIn.data, dyIn.shape), a, NONE),
      );
      expectClose(got.data, want.data, 1e-5);
    });
  }
});

describe('depthwise input gradient as a depthwise convolution', () => {
  const cases: [boolean, number[], number[], DwGeometry][] = [
    [false, [2, 7, 6, 2], [3, 2, 2, 3], { strides: [2, 2], dilations: [1, 1], padding: 'SAME' }],
    [false, [1, 9, 9, 2], [2, 2, 2, 1], { strides: [3, 3], dilations: [1, 1], padding: 'SAME' }],
    [true, [2, 6, 7, 2], [2, 3, 2, 2], { strides: [2, 3], dilations: [1, 1], padding: 'VALID' }],
    [false, [1, 8, 7, 1], [3, 2, 1, 2], { strides: [1, 1], dilations: [2, 3], padding: 'SAME' }],
  ];
  for (const [cf, xShape, fShape, g] of cases) {
    it(`${cf ? 'NCHW' : 'NHWC'} f${fShape.join('x')} s${g.strides.join('x')} d${g.dilations.join('x')} ${g.padding}`, () => {
      const f = arr(fShape, randomArray(size(fShape), 5));
      const yShape = depthwiseRef(arr(xShape, new Float32Array(size(xShape))), f, g).shape;
      const dy = arr(yShape, randomArray(size(yShape), 6));
      const want = depthwiseBackpropInputRef(xShape, f, dy, g);
      const full = (v: [number, number]): number[] => (cf ? [1, 1, ...v] : [1, ...v, 1]);
      const dyIn = cf ? toFirst(dy) : dy;
      const inShape = cf ? toFirst(want).shape : want.shape;
      const attrs = {
        strides: full(g.strides),
        dilations: full(g.dilations),
        padding: g.padding,
        data_format: cf ? 'NCHW' : 'NHWC',
      };
      const got = run(() =>
        depthwiseBackpropInputKernel(
          inShape,
          tfc.tensor(f.data, fShape),
          tfc.tensor(dyIn.data, dyIn.shape),
          attrs,
          NONE,
        ),
      );
      expectClose(got.data, (cf ? toFirst(want) : want).data, 1e-4);
    });
  }
});

describe('max-pool gradients from strided slices (ties go to the first maximum, as TF)', () => {
  // Few distinct values: most windows hold ties.
  const tied = (shape: number[], seed: number) =>
    arr(
      shape,
      Array.from(randomArray(size(shape), seed, 0, 3), (v) => Math.floor(v) - 1),
    );
  const cases: [number[], number[], number[], 'SAME' | 'VALID'][] = [
    [[2, 5, 7, 2], [3, 3], [2, 2], 'SAME'],
    [[1, 4, 6, 1], [2, 3], [1, 2], 'VALID'],
    [[1, 3, 5, 4, 2], [2, 3, 2], [2, 1, 2], 'SAME'],
  ];
  for (const [shape, k, s, padding] of cases) {
    const x = tied(shape, size(shape));
    const a: PoolAttrs = {
      ksize: [1, ...k, 1],
      strides: [1, ...s, 1],
      padding,
      data_format: k.length === 2 ? 'NHWC' : 'NDHWC',
    };
    const yShape = poolRef(x, k, s, padding, 'max').shape;
    const dy = arr(yShape, randomArray(size(yShape), 8));
    const g = arr(shape, randomArray(size(shape), 9));
    for (const backend of ['cpu', NONE]) {
      it(`${backend === NONE ? 'composed' : 'stock'} MaxPool${k.length === 3 ? '3D' : ''}Grad k${k.join('x')} s${s.join('x')} ${padding}`, () => {
        const want = poolGradRef(x, dy, k, s, padding, 'max');
        const xt = () => tfc.tensor(x.data, x.shape);
        const got = run(() =>
          k.length === 2
            ? maxPoolGradKernel(
                xt(),
                tfc.maxPool(
                  xt() as tfc.Tensor4D,
                  [k[0]!, k[1]!],
                  [s[0]!, s[1]!],
                  padding === 'SAME' ? 'same' : 'valid',
                ),
                tfc.tensor(dy.data, yShape),
                a,
                backend,
              )
            : maxPool3dGradKernel(xt(), tfc.tensor(dy.data, yShape), a, backend),
        );
        expectClose(got.data, want.data, 1e-6);
      });
      it(`${backend === NONE ? 'composed' : 'stock'} MaxPool${k.length === 3 ? '3D' : ''}GradGrad k${k.join('x')} s${s.join('x')} ${padding}`, () => {
        const want = poolGradRef(x, g, k, s, padding, 'maxgradgrad');
        const xt = tfc.tensor(x.data, x.shape);
        const got = run(() =>
          k.length === 2
            ? maxPoolGradGradKernel(xt, tfc.tensor(g.data, shape), a, backend)
            : maxPool3dGradGradKernel(xt, tfc.tensor(g.data, shape), a, backend),
        );
        xt.dispose();
        expect(got.shape).toEqual(want.shape);
        expectClose(got.data, want.data, 1e-6);
      });
    }
  }
});
