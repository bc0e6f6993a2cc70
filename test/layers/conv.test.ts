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
import { biasAct, convNd, relu, type Pad } from './reference.js';

afterEach(() => tf.resetDefaultGraph());

type ConvClass = typeof tf.layers.Conv1D;
interface Case {
  name: string;
  cls: ConvClass;
  rank: number;
  input: number[];
  filters: number;
  kernel: number[];
  strides?: number[];
  dilation?: number[];
  padding?: string;
  activation?: 'relu';
  useBias?: boolean;
  /** The static output shape for an unknown batch, as TF prints it. */
  shape: string;
}

const CASES: Case[] = [
  {
    name: 'Conv1D valid',
    cls: tf.layers.Conv1D,
    rank: 1,
    input: [2, 7, 3],
    filters: 4,
    kernel: [3],
    shape: '(?, 5, 4)',
    activation: 'relu',
  },
  {
    name: 'Conv1D same stride 2',
    cls: tf.layers.Conv1D,
    rank: 1,
    input: [2, 7, 3],
    filters: 2,
    kernel: [2],
    strides: [2],
    padding: 'SAME',
    shape: '(?, 4, 2)',
  },
  {
    name: 'Conv1D dilated',
    cls: tf.layers.Conv1D,
    rank: 1,
    input: [1, 9, 2],
    filters: 3,
    kernel: [3],
    dilation: [2],
    shape: '(?, 5, 3)',
    useBias: false,
  },
  {
    name: 'Conv2D valid',
    cls: tf.layers.Conv2D,
    rank: 2,
    input: [2, 6, 5, 3],
    filters: 4,
    kernel: [3, 2],
    shape: '(?, 4, 4, 4)',
    activation: 'relu',
  },
  {
    name: 'Conv2D same strides',
    cls: tf.layers.Conv2D,
    rank: 2,
    input: [2, 6, 5, 2],
    filters: 3,
    kernel: [3, 3],
    strides: [2, 1],
    padding: 'Same',
    shape: '(?, 3, 5, 3)',
  },
  {
    name: 'Conv2D dilated same',
    cls: tf.layers.Conv2D,
    rank: 2,
    input: [1, 7, 6, 2],
    filters: 2,
    kernel: [3, 2],
    dilation: [2, 3],
    padding: 'same',
    shape: '(?, 7, 6, 2)',
  },
  {
    name: 'Conv3D valid',
    cls: tf.layers.Conv3D,
    rank: 3,
    input: [1, 4, 5, 4, 2],
    filters: 3,
    kernel: [2, 3, 2],
    shape: '(?, 3, 3, 3, 3)',
  },
  {
    name: 'Conv3D same strides',
    cls: tf.layers.Conv3D,
    rank: 3,
    input: [2, 4, 5, 3, 2],
    filters: 2,
    kernel: [3, 3, 3],
    strides: [2, 2, 1],
    padding: 'same',
    shape: '(?, 2, 3, 3, 2)',
  },
];

function options(c: Case, dataFormat = 'channels_last'): tf.layers.ConvOptions {
  return {
    filters: c.filters,
    kernelSize: c.kernel,
    strides: c.strides ?? 1,
    dilationRate: c.dilation ?? 1,
    padding: c.padding ?? 'valid',
    activation: c.activation ?? null,
    useBias: c.useBias ?? true,
    biasInitializer: tf.randomUniformInitializer({ minval: -1, maxval: 1 }),
    dataFormat,
  };
}

const snake = (cls: ConvClass): string =>
  ({ Conv1D: 'conv1d', Conv2D: 'conv2d', Conv3D: 'conv3d' })[cls.name]!;

describe('Conv1D, Conv2D, Conv3D', () => {
  for (const c of CASES) {
    it(`${c.name}: shapes, variables, collections, values, channels_first`, async () => {
      const b = build(() => new c.cls(options(c)), [null, ...c.input.slice(1)]);
      const scope = snake(c.cls);
      expect(b.y.shape.toString()).toBe(c.shape);
      const inDim = c.input[c.input.length - 1]!;
      const expectedVars = [`${scope}/kernel:0 (${[...c.kernel, inDim, c.filters].join(', ')})`];
      if (c.useBias !== false) expectedVars.push(`${scope}/bias:0 (${c.filters},)`);
      expect(varInfo(b.layer.weights)).toEqual(expectedVars);
      b.graph.asDefault(() => {
        expect(varInfo(tf.trainableVariables())).toEqual(expectedVars);
        expect(tf.getCollection(tf.GraphKeys.REGULARIZATION_LOSSES)).toEqual([]);
        expect(tf.getCollection(tf.GraphKeys.UPDATE_OPS)).toEqual([]);
      });
      const layer = b.layer as InstanceType<ConvClass>;
      expect(layer.kernel).toBe(b.layer.weights[0]);
      expect(layer.bias).toBe(c.useBias === false ? null : b.layer.weights[1]);
      expect(layer.computeOutputShape([null, ...c.input.slice(1)]).toString()).toBe(c.shape);

      const x = randomInput(c.input, 7);
      const { y, weights } = await run(b, x);
      const pad: Pad = (c.padding ?? 'valid').toUpperCase() as Pad;
      const rank = c.rank;
      const expected = biasAct(
        convNd(
          x,
          weights[0]!,
          c.strides ?? new Array<number>(rank).fill(1),
          c.dilation ?? new Array<number>(rank).fill(1),
          pad,
        ),
        c.useBias === false ? null : weights[1]!.data,
        c.activation ? relu : undefined,
      );
      expectArrClose(y, expected, 1e-4, c.name);
      await expectChannelsFirstMatches(
        () => new c.cls(options(c, 'channels_first')),
        x,
        y,
        weights,
      );

      // A known batch size stays known.
      const known = build(() => new c.cls(options(c)), c.input);
      expect(known.y.shape.toString()).toBe(c.shape.replace('?', String(c.input[0])));
    });
  }

  it('names the ops as TF1 does', () => {
    const x = tf.placeholder('float32', [null, 8, 8, 3]);
    const y = tf.layers.conv2d(x, { filters: 4, kernelSize: 3, activation: tf.nn.relu });
    expect(y.name).toBe('conv2d/Relu:0');
    const names = tf
      .getDefaultGraph()
      .getOperations()
      .map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'conv2d/kernel',
        'conv2d/bias',
        'conv2d/Conv2D',
        'conv2d/BiasAdd',
        'conv2d/Relu',
      ]),
    );
    const z = tf.layers.conv1d(tf.placeholder('float32', [null, 8, 3]), {
      filters: 2,
      kernelSize: 3,
    });
    expect(z.name).toBe('conv1d/BiasAdd:0');
    expect(tf.getDefaultGraph().getOperationByName('conv1d/conv1d').type).toBe('Conv2D');
    const w = tf.layers.conv1d(tf.placeholder('float32', [null, 3, 8]), {
      filters: 2,
      kernelSize: 3,
      dataFormat: 'channels_first',
    });
    // TF1 adds a reshaped bias to a 3-D channels-first output.
    expect(w.name).toBe('conv1d_1/add:0');
    const v = tf.layers.conv3d(tf.placeholder('float32', [null, 4, 4, 4, 1]), {
      filters: 2,
      kernelSize: 2,
    });
    expect(v.name).toBe('conv3d/BiasAdd:0');
    expect(v.op.inputs[0]!.op.type).toBe('Conv3D');
    expect(new tf.layers.Convolution2D({ filters: 1, kernelSize: 1 })).toBeInstanceOf(
      tf.layers.Conv2D,
    );
    expect(tf.layers.convolution2d).toBe(tf.layers.conv2d);
    expect(tf.layers.Convolution1D).toBe(tf.layers.Conv1D);
    expect(tf.layers.Convolution3D).toBe(tf.layers.Conv3D);
    expect(tf.layers.convolution1d).toBe(tf.layers.conv1d);
    expect(tf.layers.convolution3d).toBe(tf.layers.conv3d);
  });

  it('shares variables through the object, name + reuse and an enclosing reuse scope', () => {
    checkReuse(
      [null, 6, 6, 2],
      (o) => new tf.layers.Conv2D({ filters: 3, kernelSize: 3, ...o }),
      (x, o) => tf.layers.conv2d(x, { filters: 3, kernelSize: 3, ...o }),
      ['kernel:0', 'bias:0'],
    );
    checkReuse(
      [null, 6, 2],
      (o) => new tf.layers.Conv1D({ filters: 3, kernelSize: 3, ...o }),
      (x, o) => tf.layers.conv1d(x, { filters: 3, kernelSize: 3, ...o }),
      ['kernel:0', 'bias:0'],
    );
    checkReuse(
      [null, 3, 3, 3, 1],
      (o) => new tf.layers.Conv3D({ filters: 2, kernelSize: 2, ...o }),
      (x, o) => tf.layers.conv3d(x, { filters: 2, kernelSize: 2, ...o }),
      ['kernel:0', 'bias:0'],
    );
  });

  it('regularizers and constraints of kernel and bias; non-trainable layers', () => {
    const x = tf.placeholder('float32', [null, 5, 5, 2]);
    const reg = (w: tf.Tensor): tf.Tensor => tf.reduceSum(tf.multiply(w, w));
    const cons = (w: tf.Tensor): tf.Tensor => tf.multiply(w, 1);
    const layer = new tf.layers.Conv2D({
      filters: 2,
      kernelSize: 3,
      kernelRegularizer: reg,
      biasRegularizer: reg,
      kernelConstraint: cons,
      biasConstraint: cons,
      name: 'c',
    });
    layer.apply(x);
    const losses = tf.getCollection<tf.Tensor>(tf.GraphKeys.REGULARIZATION_LOSSES);
    expect(losses.length).toBe(2);
    expect(losses.map((l) => l.name.split('/').slice(0, 3).join('/'))).toEqual([
      'c/kernel/Regularizer',
      'c/bias/Regularizer',
    ]);
    expect(layer.losses).toEqual(losses);
    expect(layer.kernel!.constraint).toBe(cons);
    expect(layer.bias!.constraint).toBe(cons);
    const frozen = new tf.layers.Conv2D({ filters: 2, kernelSize: 3, trainable: false });
    frozen.apply(x);
    expect(tf.trainableVariables().map((v) => v.name)).toEqual(['c/kernel:0', 'c/bias:0']);
    expect(frozen.nonTrainableWeights.map((v) => v.name)).toEqual([
      'conv2d/kernel:0',
      'conv2d/bias:0',
    ]);
  });

  it('input spec: rank and, once built, the channel count', () => {
    const layer = new tf.layers.Conv2D({ filters: 2, kernelSize: 3 });
    expect(() => layer.apply(tf.placeholder('float32', [null, 5, 5]))).toThrow(
      /expected ndim=4, found ndim=3/,
    );
    layer.apply(tf.placeholder('float32', [null, 5, 5, 2]));
    expect(() => layer.apply(tf.placeholder('float32', [null, 5, 5, 3]))).toThrow(
      /expected axis -1 of input shape to have value 2/,
    );
    expect(() =>
      tf.layers.conv2d(tf.placeholder('float32', [null, 5, 5, null]), {
        filters: 2,
        kernelSize: 3,
      }),
    ).toThrow(/The channel dimension of the inputs should be defined. Found `None`/);
    expect(() =>
      tf.layers.conv2d(tf.placeholder('float32', [null, null, 5, 5]), {
        filters: 2,
        kernelSize: 3,
        dataFormat: 'channels_first',
      }),
    ).toThrow(/The channel dimension of the inputs should be defined/);
  });
});
