import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';

afterEach(() => tf.resetDefaultGraph());

const L = tf.layers;
type AnyConv = new (o: never) => tf.layers.Layer;
const CONVS: { cls: AnyConv; rank: number; extra?: Record<string, unknown> }[] = [
  { cls: L.Conv1D as AnyConv, rank: 1 },
  { cls: L.Conv2D as AnyConv, rank: 2 },
  { cls: L.Conv3D as AnyConv, rank: 3 },
  { cls: L.SeparableConv1D as AnyConv, rank: 1 },
  { cls: L.SeparableConv2D as AnyConv, rank: 2 },
  { cls: L.Conv2DTranspose as AnyConv, rank: 2 },
  { cls: L.Conv3DTranspose as AnyConv, rank: 3 },
];

function expectValueError(f: () => unknown, message: RegExp): void {
  let err: unknown = null;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, `expected a ValueError matching ${message}`).toBeInstanceOf(tf.ValueError);
  expect((err as Error).message).toMatch(message);
}

describe('bad options throw ValueError naming the option and the value', () => {
  for (const { cls, rank } of CONVS) {
    const make = (o: Record<string, unknown>) => () =>
      new cls({ filters: 2, kernelSize: 3, ...o } as never);
    const tooLong = new Array<number>(rank + 1).fill(2);

    it(`${cls.name}`, () => {
      expectValueError(
        make({ filters: 0 }),
        /Invalid value for argument `filters`\. Expected a strictly positive integer\. Received filters=0/,
      );
      expectValueError(make({ filters: -3 }), /filters=-3/);
      expectValueError(make({ filters: 1.5 }), /filters=1.5/);
      expectValueError(
        make({ kernelSize: tooLong }),
        new RegExp(
          `The \`kernelSize\` argument must be a tuple of ${rank} integers\\. Received: \\[${tooLong.join(', ')}\\]`,
        ),
      );
      expectValueError(
        make({ kernelSize: 0 }),
        new RegExp(
          `The \`kernelSize\` argument must be a tuple of ${rank} positive integers\\. Received: 0`,
        ),
      );
      expectValueError(
        make({ kernelSize: 'three' }),
        /The `kernelSize` argument must be a tuple of \d integers\. Received: three/,
      );
      expectValueError(
        make({ strides: tooLong }),
        /The `strides` argument must be a tuple of \d integers/,
      );
      expectValueError(
        make({ strides: 0 }),
        /The `strides` argument must be a tuple of \d positive integers\. Received: 0/,
      );
      expectValueError(
        make({ dilationRate: tooLong }),
        /The `dilationRate` argument must be a tuple of \d integers/,
      );
      expectValueError(
        make({ padding: 'full' }),
        /The `padding` argument must be one of "valid", "same"\. Received: full/,
      );
      expectValueError(make({ padding: 3 }), /The `padding` argument .* Received: 3/);
      expectValueError(
        make({ dataFormat: 'NHWC' }),
        /The `dataFormat` argument must be one of "channels_first", "channels_last"\. Received: NHWC/,
      );
      expectValueError(
        make({ strides: 2, dilationRate: 2 }),
        /`strides` > 1 not supported in conjunction with `dilationRate` > 1\. Received: strides=\(2(, 2)*,?\) and dilationRate=\(2(, 2)*,?\)/,
      );
      expectValueError(make({ activation: 'swishy' }), /Unknown activation function: swishy/);
      expectValueError(
        make({ useBias: 'yes' }),
        /The `useBias` argument must be a boolean\. Received: yes/,
      );
      expectValueError(
        make({ biasInitializer: 'nope' }),
        /The `biasInitializer` argument: Unknown initializer: nope/,
      );
      expectValueError(
        make({ biasRegularizer: 3 }),
        /The `biasRegularizer` argument must be a regularizer function/,
      );
      expectValueError(make({ trainable: 1 }), /The `trainable` argument must be a boolean/);
      expectValueError(make({ name: 5 }), /The `name` argument must be a string/);
      expect(make({ kernel_size: 3 })).toThrow(tf.TypeError);
      expect(make({ kernel_size: 3 })).toThrow(/keyword argument not understood: kernel_size/);
      // Accepted spellings: any-case padding, a number for every axis, channels_first.
      const ok = new cls({
        filters: 2,
        kernelSize: 3,
        padding: 'SAME',
        strides: 1,
        dataFormat: 'channels_first',
      } as never) as tf.layers.Conv2D;
      expect(ok.padding).toBe('same');
      expect(ok.kernelSize).toEqual(new Array<number>(rank).fill(3));
      expect(ok.dataFormat).toBe('channels_first');
    });
  }

  it('kernel options of Conv and transposed layers; separable ones of separable layers', () => {
    expectValueError(
      () => new L.Conv2D({ filters: 1, kernelSize: 1, kernelInitializer: 'bogus' }),
      /The `kernelInitializer` argument: Unknown initializer: bogus/,
    );
    expectValueError(
      () => new L.Conv2D({ filters: 1, kernelSize: 1, kernelConstraint: 'maxnorm' as never }),
      /The `kernelConstraint` argument must be a constraint function/,
    );
    expectValueError(
      () => new L.SeparableConv2D({ filters: 1, kernelSize: 1, depthMultiplier: 0 }),
      /Invalid value for argument `depthMultiplier`.*depthMultiplier=0/,
    );
    expectValueError(
      () => new L.SeparableConv2D({ filters: 1, kernelSize: 1, depthwiseRegularizer: 1 as never }),
      /The `depthwiseRegularizer` argument/,
    );
    expectValueError(
      () => new L.SeparableConv1D({ filters: 1, kernelSize: 1, pointwiseInitializer: 'x' }),
      /The `pointwiseInitializer` argument: Unknown initializer: x/,
    );
    expect(
      () =>
        new L.SeparableConv2D({ filters: 1, kernelSize: 1, kernelInitializer: 'ones' } as never),
    ).toThrow(/keyword argument not understood: kernelInitializer/);
    expect(() => new L.Conv2D({ filters: 1, kernelSize: 1, outputPadding: 1 } as never)).toThrow(
      /keyword argument not understood: outputPadding/,
    );
  });

  it('outputPadding: a tuple of the rank, each smaller than its stride', () => {
    expectValueError(
      () => new L.Conv2DTranspose({ filters: 1, kernelSize: 3, strides: 2, outputPadding: 2 }),
      /Stride \(2, 2\) must be greater than output padding \(2, 2\)/,
    );
    expectValueError(
      () => new L.Conv2DTranspose({ filters: 1, kernelSize: 3, outputPadding: 1 }),
      /Stride \(1, 1\) must be greater than output padding \(1, 1\)/,
    );
    expectValueError(
      () => new L.Conv3DTranspose({ filters: 1, kernelSize: 3, strides: 2, outputPadding: [1, 1] }),
      /The `outputPadding` argument must be a tuple of 3 integers\. Received: \[1, 1\]/,
    );
    expectValueError(
      () => new L.Conv2DTranspose({ filters: 1, kernelSize: 3, strides: 2, outputPadding: -1 }),
      /The `outputPadding` argument must be a tuple of 2 non-negative integers\. Received: -1/,
    );
    expect(
      new L.Conv2DTranspose({ filters: 1, kernelSize: 3, strides: [2, 3], outputPadding: [1, 2] })
        .outputPadding,
    ).toEqual([1, 2]);
  });

  it('Dense, pooling, Flatten, Dropout', () => {
    expectValueError(
      () => new L.Dense({ units: 0 }),
      /Invalid value for argument `units`\. Expected a strictly positive integer\. Received units=0/,
    );
    expectValueError(
      () => new L.Dense({ units: 2, activation: 'nope' }),
      /Unknown activation function: nope/,
    );
    expectValueError(
      () => new L.Dense({ units: 2, kernelRegularizer: {} as never }),
      /The `kernelRegularizer` argument must be a regularizer function/,
    );
    expect(() => new L.Dense({ units: 2, unit: 3 } as never)).toThrow(tf.TypeError);
    for (const [cls, rank] of [
      [L.MaxPooling1D, 1],
      [L.AveragePooling2D, 2],
      [L.MaxPooling3D, 3],
    ] as const) {
      expectValueError(
        () => new cls({ poolSize: new Array<number>(rank + 1).fill(2) }),
        new RegExp(`The \`poolSize\` argument must be a tuple of ${rank} integers`),
      );
      expectValueError(
        () => new cls({ poolSize: 2, strides: 0 }),
        /The `strides` argument must be a tuple of \d positive integers\. Received: 0/,
      );
      expectValueError(
        () => new cls({ poolSize: 2, padding: 'causal' }),
        /The `padding` argument must be one of "valid", "same"\. Received: causal/,
      );
      expectValueError(
        () => new cls({ poolSize: 2, dataFormat: 'channels_middle' }),
        /Received: channels_middle/,
      );
    }
    expectValueError(() => new L.Flatten({ dataFormat: 'x' }), /The `dataFormat` argument/);
    expectValueError(
      () => new L.Dropout({ rate: 1.5 }),
      /The `rate` argument must be a float in the range \[0, 1\)\. Received: 1.5/,
    );
    expectValueError(() => new L.Dropout({ seed: 0.5 }), /The `seed` argument must be an integer/);
  });

  it('activations by name or function', () => {
    const x = tf.placeholder('float32', [null, 3]);
    expect(tf.layers.dense(x, { units: 2, activation: 'relu' }).op.type).toBe('Relu');
    expect(tf.layers.dense(x, { units: 2, activation: 'linear' }).op.type).toBe('BiasAdd');
    expect(tf.layers.dense(x, { units: 2, activation: (t) => tf.multiply(t, 2) }).op.type).toBe(
      'Mul',
    );
    for (const [name, type] of [
      ['sigmoid', 'Sigmoid'],
      ['tanh', 'Tanh'],
      ['elu', 'Elu'],
      ['selu', 'Selu'],
      ['relu6', 'Relu6'],
      ['softplus', 'Softplus'],
      ['softmax', 'Softmax'],
    ] as const) {
      expect(tf.layers.dense(x, { units: 2, activation: name }).op.type).toBe(type);
    }
  });
});
