import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { expectClose } from '../../util/op_cases.js';

interface Arr {
  shape: number[];
  values: number[];
}
interface FixtureCase {
  name: string;
  inputs: Record<string, Arr>;
  output: Arr;
  gw: Arr;
  grads: Record<string, Arr>;
}

// Made by test/fixtures/conv/make_conv_fixture.py with real TensorFlow (tf.compat.v1).
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/conv/conv_fixture.json'), 'utf8'),
) as { cases: FixtureCase[] };

type Build = (p: Record<string, tf.Tensor>) => tf.Tensor;
const BUILDERS: Record<string, Build> = {
  'conv2d_transpose SAME stride 2': (p) =>
    tf.nn.conv2dTranspose(p['value']!, p['filter']!, [2, 8, 8, 2], [1, 2, 2, 1], 'SAME'),
  'conv2d_transpose SAME stride 2 odd output': (p) =>
    tf.nn.conv2dTranspose(p['value']!, p['filter']!, [1, 7, 7, 2], [1, 2, 2, 1], 'SAME'),
  'conv2d NCHW dilated SAME': (p) =>
    tf.nn.conv2d(p['input']!, p['filter']!, [1, 1, 1, 1], 'SAME', {
      dataFormat: 'NCHW',
      dilations: [1, 1, 2, 2],
    }),
  'conv2d NHWC stride 2 SAME': (p) => tf.nn.conv2d(p['input']!, p['filter']!, [1, 2, 2, 1], 'SAME'),
  'conv3d SAME strides (2, 1, 2)': (p) =>
    tf.nn.conv3d(p['input']!, p['filter']!, [1, 2, 1, 2, 1], 'SAME'),
  'conv3d_transpose VALID stride 2': (p) =>
    tf.nn.conv3dTranspose(p['value']!, p['filter']!, [1, 4, 6, 5, 2], [1, 2, 2, 2, 1], 'VALID'),
};

afterEach(() => tf.resetDefaultGraph());

describe('convolutions against real TensorFlow (fixture)', () => {
  it('covers every fixture case', () => {
    expect(fixture.cases.map((c) => c.name).sort()).toEqual(Object.keys(BUILDERS).sort());
  });

  for (const backend of ['cpu', 'wasm']) {
    for (const c of fixture.cases) {
      it(`${c.name} (${backend}): output and gradients`, async () => {
        const g = new tf.Graph();
        await g.asDefault(async () => {
          const names = Object.keys(c.inputs);
          const phs = Object.fromEntries(
            names.map((k) => [k, tf.placeholder('float32', c.inputs[k]!.shape, k)]),
          );
          const y = BUILDERS[c.name]!(phs);
          expect(y.shape.toString()).toBe(new tf.TensorShape(c.output.shape).toString());
          const loss = tf.reduceSum(
            tf.multiply(y, tf.constant(Float32Array.from(c.gw.values), { shape: c.gw.shape })),
          );
          const gradNames = Object.keys(c.grads);
          const grads = tf.gradients(
            loss,
            gradNames.map((k) => phs[k]!),
          ) as tf.Tensor[];
          const before = tfc.memory().numTensors;
          const sess = new tf.Session({ graph: g, backend });
          const feeds = Object.fromEntries(
            names.map((k) => [
              `${k}:0`,
              new tf.NDArray('float32', c.inputs[k]!.shape, Float32Array.from(c.inputs[k]!.values)),
            ]),
          );
          const [out, ...gv] = (await sess.run([y, ...grads], feeds)) as tf.NDArray[];
          sess.close();
          expect(tfc.memory().numTensors).toBe(before);
          expect(out!.shape).toEqual(c.output.shape);
          expectClose(out!.data as Float32Array, c.output.values, 1e-4, `${c.name} output`);
          gradNames.forEach((k, i) => {
            expect(gv[i]!.shape).toEqual(c.grads[k]!.shape);
            expectClose(gv[i]!.data as Float32Array, c.grads[k]!.values, 1e-4, `${c.name} d/d${k}`);
          });
        });
      });
    }
  }
});
