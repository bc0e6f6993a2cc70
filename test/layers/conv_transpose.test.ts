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
import { biasAct, convTransposeNd, relu, type Pad } from './reference.js';

afterEach(() => tf.resetDefaultGraph());

type Cls = typeof tf.layers.Conv2DTranspose;
interface Case {
  name: string;
  cls: Cls;
  input: number[];
  filters: number;
  kernel: number[];
  strides: number[];
  padding?: string;
  outputPadding?: number[];
  dilation?: number[];
  activation?: 'relu';
  /** Spatial output sizes, from keras' deconv_output_length worked by hand. */
  out: number[];
}

const CASES: Case[] = [
  // valid: n * s + max(k - s, 0)
  {
    name: '2D valid stride 2',
    cls: tf.layers.Conv2DTranspose,
    input: [2, 4, 3, 3],
    filters: 2,
    kernel: [3, 3],
    strides: [2, 2],
    out: [9, 7],
    activation: 'relu',
  },
  // same: n * s
  {
    name: '2D same stride 2',
    cls: tf.layers.Conv2DTranspose,
    input: [2, 4, 3, 2],
    filters: 3,
    kernel: [3, 3],
    strides: [2, 2],
    padding: 'same',
    out: [8, 6],
  },
  // output padding: (n - 1) * s + k - 2 * pad + op, pad 0 (valid)
  {
    name: '2D valid output padding',
    cls: tf.layers.Conv2DTranspose,
    input: [1, 4, 3, 2],
    filters: 2,
    kernel: [3, 3],
    strides: [2, 2],
    outputPadding: [1, 1],
    out: [10, 8],
  },
  // same: pad = floor(k / 2)
  {
    name: '2D same output padding',
    cls: tf.layers.Conv2DTranspose,
    input: [1, 4, 3, 2],
    filters: 2,
    kernel: [3, 3],
    strides: [2, 2],
    padding: 'same',
    outputPadding: [1, 0],
    out: [8, 5],
  },
  // dilation: effective kernel (k - 1) * d + 1 = 5; 4 + 4 = 8
  {
    name: '2D dilated',
    cls: tf.layers.Conv2DTranspose,
    input: [1, 4, 4, 2],
    filters: 2,
    kernel: [3, 2],
    strides: [1, 1],
    dilation: [2, 1],
    out: [8, 5],
  },
  {
    name: '3D valid stride 2',
    cls: tf.layers.Conv3DTranspose,
    input: [1, 2, 3, 2, 2],
    filters: 2,
    kernel: [2, 2, 2],
    strides: [2, 2, 2],
    out: [4, 6, 4],
  },
  {
    name: '3D same strides',
    cls: tf.layers.Conv3DTranspose,
    input: [2, 2, 3, 2, 1],
    filters: 3,
    kernel: [3, 3, 2],
    strides: [2, 1, 2],
    padding: 'SAME',
    out: [4, 3, 4],
  },
  {
    name: '3D output padding',
    cls: tf.layers.Conv3DTranspose,
    input: [1, 2, 2, 2, 2],
    filters: 1,
    kernel: [2, 2, 2],
    strides: [3, 2, 2],
    outputPadding: [2, 1, 0],
    out: [7, 5, 4],
  },
];

function options(c: Case, dataFormat = 'channels_last'): tf.layers.ConvTransposeOptions {
  return {
    filters: c.filters,
    kernelSize: c.kernel,
    strides: c.strides,
    padding: c.padding ?? 'valid',
    outputPadding: c.outputPadding ?? null,
    dilationRate: c.dilation ?? 1,
    activation: c.activation ?? null,
    biasInitializer: tf.randomUniformInitializer({ minval: -1, maxval: 1 }),
    dataFormat,
  };
}

describe('Conv2DTranspose, Conv3DTranspose', () => {
  for (const c of CASES) {
    it(`${c.name}: output size, variables, values, channels_first`, async () => {
      const rank = c.kernel.length;
      const b = build(() => new c.cls(options(c)), [null, ...c.input.slice(1)]);
      const shape = `(?, ${c.out.join(', ')}, ${c.filters})`;
      expect(b.y.shape.toString()).toBe(shape);
      const scope = rank === 2 ? 'conv2d_transpose' : 'conv3d_transpose';
      const inDim = c.input[c.input.length - 1]!;
      // TF's transposed kernel: (k..., filters, in).
      expect(varInfo(b.layer.weights)).toEqual([
        `${scope}/kernel:0 (${[...c.kernel, c.filters, inDim].join(', ')})`,
        `${scope}/bias:0 (${c.filters},)`,
      ]);
      b.graph.asDefault(() => expect(tf.trainableVariables()).toEqual(b.layer.weights));
      const x = randomInput(c.input, 11);
      const { y, weights } = await run(b, x);
      expect(y.shape).toEqual([c.input[0], ...c.out, c.filters]);
      const pad = (c.padding ?? 'valid').toUpperCase() as Pad;
      const expected = biasAct(
        convTransposeNd(
          x,
          weights[0]!,
          c.strides,
          c.dilation ?? new Array<number>(rank).fill(1),
          pad,
          c.out,
        ),
        weights[1]!.data,
        c.activation ? relu : undefined,
      );
      expectArrClose(y, expected, 1e-4, c.name);
      await expectChannelsFirstMatches(
        () => new c.cls(options(c, 'channels_first')),
        x,
        y,
        weights,
      );
      // Unknown spatial sizes: computed in the graph from the input's shape.
      const dyn = build(
        () => new c.cls(options(c)),
        [null, ...new Array<null>(rank).fill(null), inDim],
      );
      expect(dyn.y.shape.toString()).toBe(
        `(?, ${new Array<string>(rank).fill('?').join(', ')}, ${c.filters})`,
      );
      const r2 = await run(dyn, x, weights);
      expectArrClose(r2.y, expected, 1e-4, `${c.name} (dynamic sizes)`);
      // A known batch size stays known.
      expect(build(() => new c.cls(options(c)), c.input).y.shape.toString()).toBe(
        shape.replace('?', String(c.input[0])),
      );
    });
  }

  it('the keras example: (4, 10, 8, 128) through Conv2DTranspose(32, 2, strides 2, relu) is (4, 20, 16, 32)', async () => {
    const layer = new tf.layers.Conv2DTranspose({
      filters: 32,
      kernelSize: 2,
      strides: 2,
      activation: 'relu',
    });
    const b = build(() => layer, [4, 10, 8, 128]);
    expect(b.y.shape.toString()).toBe('(4, 20, 16, 32)');
    expect(b.layer.outputShape).toEqual([4, 20, 16, 32]);
    expect(layer.computeOutputShape([null, 10, 8, 128]).toString()).toBe('(?, 20, 16, 32)');
    const unknownBatch = build(
      () =>
        new tf.layers.Conv2DTranspose({
          filters: 32,
          kernelSize: 2,
          strides: 2,
          activation: 'relu',
        }),
      [null, 10, 8, 128],
    );
    expect(unknownBatch.y.shape.toString()).toBe('(?, 20, 16, 32)');
    const { y } = await run(b, randomInput([4, 10, 8, 128], 3));
    expect(y.shape).toEqual([4, 20, 16, 32]);
    expect(y.data.every((v) => v >= 0)).toBe(true);
  });

  it('builds the output shape and names as TF1 does', () => {
    const x = tf.placeholder('float32', [null, 5, 4, 3]);
    const y = tf.layers.conv2dTranspose(x, {
      filters: 2,
      kernelSize: 3,
      strides: 2,
      padding: 'same',
    });
    expect(y.name).toBe('conv2d_transpose/BiasAdd:0');
    const deconv = y.op.inputs[0]!;
    expect(deconv.op.name).toBe('conv2d_transpose/conv2d_transpose');
    expect(deconv.op.type).toBe('Conv2DBackpropInput');
    expect(deconv.op.inputs[0]!.op.type).toBe('Pack');
    expect(tf.getDefaultGraph().hasOperation('conv2d_transpose/strided_slice')).toBe(true);
    const z = tf.layers.conv3dTranspose(tf.placeholder('float32', [null, 2, 2, 2, 1]), {
      filters: 2,
      kernelSize: 2,
    });
    expect(z.op.inputs[0]!.op.type).toBe('Conv3DBackpropInputV2');
    // Aliases are the same classes and functions.
    for (const alias of [
      tf.layers.Convolution2DTranspose,
      tf.layers.Deconvolution2D,
      tf.layers.Deconv2D,
    ])
      expect(alias).toBe(tf.layers.Conv2DTranspose);
    for (const alias of [
      tf.layers.Convolution3DTranspose,
      tf.layers.Deconvolution3D,
      tf.layers.Deconv3D,
    ])
      expect(alias).toBe(tf.layers.Conv3DTranspose);
    for (const alias of [
      tf.layers.convolution2dTranspose,
      tf.layers.deconvolution2d,
      tf.layers.deconv2d,
    ])
      expect(alias).toBe(tf.layers.conv2dTranspose);
    for (const alias of [
      tf.layers.convolution3dTranspose,
      tf.layers.deconvolution3d,
      tf.layers.deconv3d,
    ])
      expect(alias).toBe(tf.layers.conv3dTranspose);
    new tf.Graph().asDefault(() =>
      expect(new tf.layers.Deconv2D({ filters: 1, kernelSize: 1 }).name).toBe('conv2d_transpose_1'),
    );
  });

  it('shares variables through the object, name + reuse and an enclosing reuse scope', () => {
    checkReuse(
      [null, 3, 3, 2],
      (o) => new tf.layers.Conv2DTranspose({ filters: 3, kernelSize: 2, strides: 2, ...o }),
      (x, o) => tf.layers.conv2dTranspose(x, { filters: 3, kernelSize: 2, strides: 2, ...o }),
      ['kernel:0', 'bias:0'],
    );
    checkReuse(
      [null, 2, 2, 2, 1],
      (o) => new tf.layers.Conv3DTranspose({ filters: 2, kernelSize: 2, ...o }),
      (x, o) => tf.layers.conv3dTranspose(x, { filters: 2, kernelSize: 2, ...o }),
      ['kernel:0', 'bias:0'],
    );
  });

  it('input spec and channel errors', () => {
    expect(() =>
      tf.layers.conv2dTranspose(tf.placeholder('float32', [null, 4, 4]), {
        filters: 2,
        kernelSize: 2,
      }),
    ).toThrow(/expected ndim=4, found ndim=3/);
    expect(() =>
      tf.layers.conv3dTranspose(tf.placeholder('float32', [null, 4, 4, 4]), {
        filters: 2,
        kernelSize: 2,
      }),
    ).toThrow(/expected ndim=5, found ndim=4/);
    expect(() =>
      tf.layers.conv2dTranspose(tf.placeholder('float32', [null, 4, 4, null]), {
        filters: 2,
        kernelSize: 2,
      }),
    ).toThrow(/channel dimension of the inputs should be defined/);
  });
});
