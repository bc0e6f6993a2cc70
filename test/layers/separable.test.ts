import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import {
  build,
  checkReuse,
  expectArrClose,
  expectChannelsFirstMatches,
  randomInput,
  run,
  varInfo,
} from './harness.js';
import { arr, biasAct, convNd, depthwiseNd, relu, type Arr, type Pad } from './reference.js';

afterEach(() => tf.resetDefaultGraph());

type Cls = typeof tf.layers.SeparableConv2D;
interface Case {
  name: string;
  cls: Cls;
  input: number[];
  filters: number;
  kernel: number[];
  depthMultiplier?: number;
  strides?: number[];
  dilation?: number[];
  padding?: string;
  activation?: 'relu';
  useBias?: boolean;
  shape: string;
}

const CASES: Case[] = [
  {
    name: 'SeparableConv1D valid',
    cls: tf.layers.SeparableConv1D,
    input: [2, 7, 3],
    filters: 4,
    kernel: [3],
    depthMultiplier: 2,
    shape: '(?, 5, 4)',
    activation: 'relu',
  },
  {
    name: 'SeparableConv1D same stride 2',
    cls: tf.layers.SeparableConv1D,
    input: [2, 7, 2],
    filters: 3,
    kernel: [3],
    strides: [2],
    padding: 'same',
    shape: '(?, 4, 3)',
  },
  {
    name: 'SeparableConv1D dilated',
    cls: tf.layers.SeparableConv1D,
    input: [1, 8, 2],
    filters: 2,
    kernel: [2],
    dilation: [3],
    shape: '(?, 5, 2)',
    useBias: false,
  },
  {
    name: 'SeparableConv2D valid',
    cls: tf.layers.SeparableConv2D,
    input: [2, 5, 6, 3],
    filters: 4,
    kernel: [3, 2],
    depthMultiplier: 2,
    shape: '(?, 3, 5, 4)',
  },
  {
    name: 'SeparableConv2D same strides',
    cls: tf.layers.SeparableConv2D,
    input: [1, 6, 5, 2],
    filters: 3,
    kernel: [3, 3],
    strides: [2, 2],
    padding: 'same',
    shape: '(?, 3, 3, 3)',
    activation: 'relu',
  },
  {
    name: 'SeparableConv2D dilated',
    cls: tf.layers.SeparableConv2D,
    input: [1, 7, 7, 2],
    filters: 2,
    kernel: [3, 3],
    dilation: [2, 2],
    depthMultiplier: 3,
    shape: '(?, 3, 3, 2)',
  },
];

function options(c: Case, dataFormat = 'channels_last'): tf.layers.SeparableConvOptions {
  return {
    filters: c.filters,
    kernelSize: c.kernel,
    depthMultiplier: c.depthMultiplier ?? 1,
    strides: c.strides ?? 1,
    dilationRate: c.dilation ?? 1,
    padding: c.padding ?? 'valid',
    activation: c.activation ?? null,
    useBias: c.useBias ?? true,
    biasInitializer: tf.randomUniformInitializer({ minval: -1, maxval: 1 }),
    dataFormat,
  };
}

/** Depthwise then pointwise (a 1x... convolution of the depthwise output). */
function separableRef(x: Arr, dw: Arr, pw: Arr, c: Case): Arr {
  const rank = c.kernel.length;
  const ones = new Array<number>(rank).fill(1);
  const pad = (c.padding ?? 'valid').toUpperCase() as Pad;
  const depth = depthwiseNd(x, dw, c.strides ?? ones, c.dilation ?? ones, pad);
  return convNd(depth, arr(pw.shape, pw.data), ones, ones, 'VALID');
}

describe('SeparableConv1D, SeparableConv2D', () => {
  for (const c of CASES) {
    it(`${c.name}: shapes, kernels, values, channels_first`, async () => {
      const rank = c.kernel.length;
      const b = build(() => new c.cls(options(c)), [null, ...c.input.slice(1)]);
      expect(b.y.shape.toString()).toBe(c.shape);
      const scope = rank === 1 ? 'separable_conv1d' : 'separable_conv2d';
      const inDim = c.input[c.input.length - 1]!;
      const dm = c.depthMultiplier ?? 1;
      const expectedVars = [
        `${scope}/depthwise_kernel:0 (${[...c.kernel, inDim, dm].join(', ')})`,
        `${scope}/pointwise_kernel:0 (${[...new Array<number>(rank).fill(1), inDim * dm, c.filters].join(', ')})`,
      ];
      if (c.useBias !== false) expectedVars.push(`${scope}/bias:0 (${c.filters},)`);
      expect(varInfo(b.layer.weights)).toEqual(expectedVars);
      const layer = b.layer as InstanceType<Cls>;
      expect(layer.depthwiseKernel).toBe(b.layer.weights[0]);
      expect(layer.pointwiseKernel).toBe(b.layer.weights[1]);
      expect(layer.bias).toBe(c.useBias === false ? null : b.layer.weights[2]);
      b.graph.asDefault(() => expect(tf.trainableVariables()).toEqual(b.layer.weights));
      const x = randomInput(c.input, 5);
      const { y, weights } = await run(b, x);
      const expected = biasAct(
        separableRef(x, weights[0]!, weights[1]!, c),
        c.useBias === false ? null : weights[2]!.data,
        c.activation ? relu : undefined,
      );
      expectArrClose(y, expected, 1e-4, c.name);
      await expectChannelsFirstMatches(
        () => new c.cls(options(c, 'channels_first')),
        x,
        y,
        weights,
      );
      expect(build(() => new c.cls(options(c)), c.input).y.shape.toString()).toBe(
        c.shape.replace('?', String(c.input[0])),
      );
    });
  }

  it('names the ops as TF1 does', () => {
    const y = tf.layers.separableConv2d(tf.placeholder('float32', [null, 6, 6, 3]), {
      filters: 4,
      kernelSize: 3,
      depthMultiplier: 2,
    });
    expect(y.name).toBe('separable_conv2d/BiasAdd:0');
    const g = tf.getDefaultGraph();
    expect(g.getOperationByName('separable_conv2d/separable_conv2d/depthwise').type).toBe(
      'DepthwiseConv2dNative',
    );
    expect(g.getOperationByName('separable_conv2d/separable_conv2d').type).toBe('Conv2D');
    const z = tf.layers.separableConv1d(tf.placeholder('float32', [null, 6, 3]), {
      filters: 4,
      kernelSize: 3,
    });
    expect(z.name).toBe('separable_conv1d/Squeeze:0');
    expect(tf.layers.SeparableConvolution2D).toBe(tf.layers.SeparableConv2D);
    expect(tf.layers.separableConvolution2d).toBe(tf.layers.separableConv2d);
  });

  it('regularizers and constraints of both kernels', () => {
    const reg = (w: tf.Tensor): tf.Tensor => tf.reduceSum(w);
    const cons = (w: tf.Tensor): tf.Tensor => w;
    const l = new tf.layers.SeparableConv2D({
      filters: 2,
      kernelSize: 2,
      depthwiseRegularizer: reg,
      pointwiseRegularizer: reg,
      depthwiseConstraint: cons,
      pointwiseConstraint: cons,
      depthwiseInitializer: 'ones',
      pointwiseInitializer: tf.zerosInitializer(),
    });
    l.apply(tf.placeholder('float32', [null, 4, 4, 2]));
    expect(l.losses.map((t) => t.name.split('/').slice(0, 3).join('/'))).toEqual([
      'separable_conv2d/depthwise_kernel/Regularizer',
      'separable_conv2d/pointwise_kernel/Regularizer',
    ]);
    expect(l.depthwiseKernel!.constraint).toBe(cons);
    expect(l.pointwiseKernel!.constraint).toBe(cons);
  });

  it('shares variables through the object, name + reuse and an enclosing reuse scope', () => {
    const vars = ['depthwise_kernel:0', 'pointwise_kernel:0', 'bias:0'];
    checkReuse(
      [null, 5, 5, 2],
      (o) => new tf.layers.SeparableConv2D({ filters: 3, kernelSize: 3, ...o }),
      (x, o) => tf.layers.separableConv2d(x, { filters: 3, kernelSize: 3, ...o }),
      vars,
    );
    checkReuse(
      [null, 5, 2],
      (o) => new tf.layers.SeparableConv1D({ filters: 3, kernelSize: 3, ...o }),
      (x, o) => tf.layers.separableConv1d(x, { filters: 3, kernelSize: 3, ...o }),
      vars,
    );
  });
});
