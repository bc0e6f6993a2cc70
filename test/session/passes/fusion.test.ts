import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { compile } from '../../../src/session/compile.js';
import { randomArray } from '../../util/op_cases.js';
import { ALL_OFF, only, plan, rewritesOf, sameValues, steps } from './util.js';

afterEach(() => tf.resetDefaultGraph());

const FUSE = only('fusion');
const nd = (shape: number[], seed: number): tf.NDArray =>
  new tf.NDArray(
    'float32',
    shape,
    randomArray(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
  );
const c = (shape: number[], seed: number, name: string): tf.Tensor =>
  tf.constant(nd(shape, seed), { name });

const ACTIVATIONS: [string, (x: tf.Tensor) => tf.Tensor][] = [
  ['Relu', (x) => tf.nn.relu(x)],
  ['Relu6', (x) => tf.nn.relu6(x)],
  ['Elu', (x) => tf.nn.elu(x)],
  ['LeakyRelu', (x) => tf.nn.leakyRelu(x, { alpha: 0.3 })],
  ['Sigmoid', (x) => tf.nn.sigmoid(x)],
];

describe('fusion', () => {
  it.each(['cpu', 'wasm'])(
    'conv / depthwise / matmul + bias + each activation agree with the ops one by one (%s)',
    async (backend) => {
      for (const [act, f] of ACTIVATIONS) {
        const g = new tf.Graph();
        const { x, ys } = g.asDefault(() => {
          const x = tf.placeholder('float32', [null, 6, 6, 2], 'x');
          const conv = f(
            tf.nn.biasAdd(tf.nn.conv2d(x, c([3, 3, 2, 4], 1, 'w'), [1, 2], 'SAME'), c([4], 2, 'b')),
          );
          const dw = f(
            tf.nn.biasAdd(
              tf.nn.depthwiseConv2d(x, c([3, 3, 2, 2], 3, 'dw'), [1, 1, 1, 1], 'VALID'),
              c([4], 4, 'db'),
            ),
          );
          const flat = tf.reshape(x, [-1, 72]);
          const mm = f(tf.add(tf.matmul(flat, c([72, 5], 5, 'm')), c([5], 6, 'mb'), 'addb'));
          const mmFirst = tf.add(
            c([3], 7, 'fb'),
            tf.matmul(flat, c([3, 72], 8, 'mt'), { transposeB: true }),
            'addf',
          );
          return { x, ys: [conv, dw, mm, mmFirst] };
        });
        const p = plan(g, ys, [x], FUSE);
        expect(rewritesOf(p, 'fusion'), act).toHaveLength(4);
        expect(
          p.steps.filter((s) => s.type.startsWith('_Fused')).map((s) => s.ops.length),
          act,
        ).toEqual([3, 3, 3, 2]);
        await sameValues(g, ys, { 'x:0': nd([2, 6, 6, 2], 9) }, [ALL_OFF, FUSE], 1e-5, backend);
      }
    },
  );

  it("on wasm a transposed MatMul keeps its bias apart (tfjs' wasm kernel adds it wrongly)", () => {
    const g = new tf.Graph();
    const { x, y, z } = g.asDefault(() => {
      const x = tf.placeholder('float32', [2, 3], 'x');
      const b = c([4], 1, 'b');
      return {
        x,
        y: tf.nn.biasAdd(tf.matmul(x, c([4, 3], 2, 'w'), { transposeB: true }), b),
        z: tf.nn.biasAdd(tf.matmul(x, c([3, 4], 3, 'v')), b),
      };
    });
    const fusedOn = (backendName: string): string[] =>
      compile(g, [y, z], [], [x], { optimize: FUSE, backendName })
        .steps.filter((s) => s.ops.length > 1)
        .map((s) => s.ops.join('+'));
    expect(fusedOn('cpu')).toHaveLength(2);
    expect(fusedOn('wasm')).toEqual(['MatMul_1+BiasAdd_1']);
  });

  it('an intermediate that is fetched or read elsewhere stops the chain there', () => {
    const g = new tf.Graph();
    const { x, conv, biased, y, z } = g.asDefault(() => {
      const x = tf.placeholder('float32', [1, 4, 4, 1], 'x');
      const conv = tf.nn.conv2d(x, c([2, 2, 1, 2], 1, 'w'), 1, 'VALID', { name: 'conv' });
      const biased = tf.nn.biasAdd(conv, c([2], 2, 'b'), { name: 'biased' });
      const y = tf.nn.relu(biased, 'y');
      const z = tf.nn.relu(
        tf.matmul(tf.reshape(x, [1, 16]), c([16, 3], 3, 'm'), { name: 'mm' }),
        'z',
      );
      return { x, conv, biased, y, z };
    });
    // The bias add is fetched: conv + bias fuse, the relu stays.
    expect(steps(plan(g, [y, biased], [x], FUSE))).toEqual(
      expect.arrayContaining(['biased:_FusedConv2D', 'y:Relu']),
    );
    // The conv output is fetched: nothing fuses with it.
    expect(rewritesOf(plan(g, [y, conv], [x], FUSE), 'fusion')).toEqual([]);
    // A second reader of the matmul (its square) keeps it apart.
    const sq = g.asDefault(() => tf.square(g.getTensorByName('mm:0')));
    expect(rewritesOf(plan(g, [z, sq], [x], FUSE), 'fusion')).toEqual([]);
    // Matmul + relu without a bias fuses.
    expect(steps(plan(g, [z], [x], FUSE))).toContain('z:_FusedMatMul');
  });

  it("leaves what tfjs' fused kernels cannot do to the conv kernels (NCHW, strides with dilations)", () => {
    const g = new tf.Graph();
    const { x, ys } = g.asDefault(() => {
      const x = tf.placeholder('float32', [1, 2, 7, 7], 'x');
      const nchw = tf.nn.relu(
        tf.nn.biasAdd(
          tf.nn.conv2d(x, c([3, 3, 2, 2], 1, 'w'), 1, 'SAME', { dataFormat: 'NCHW' }),
          c([2], 2, 'b'),
          { dataFormat: 'NCHW' },
        ),
      );
      const xt = tf.transpose(x, [0, 2, 3, 1]);
      const both = tf.nn.relu(
        tf.nn.conv2d(xt, c([3, 3, 2, 2], 3, 'w2'), 2, 'SAME', { dilations: 2 }),
      );
      return { x, ys: [nchw, both] };
    });
    expect(rewritesOf(plan(g, ys, [x], FUSE), 'fusion')).toEqual([]);
  });

  it('a grouped filter (known only at run time) runs the ops one by one, with the same values', async () => {
    const g = new tf.Graph();
    const { x, y } = g.asDefault(() => {
      const x = tf.placeholder('float32', [null, 5, 5, null], 'x');
      return {
        x,
        y: tf.nn.relu(
          tf.nn.biasAdd(tf.nn.conv2d(x, c([3, 3, 2, 4], 1, 'w'), 1, 'SAME'), c([4], 2, 'b')),
        ),
      };
    });
    expect(steps(plan(g, [y], [x], FUSE))).toContain(`${y.op.name}:_FusedConv2D`);
    await sameValues(g, [y], { 'x:0': nd([1, 5, 5, 4], 3) }, [ALL_OFF, FUSE], 1e-5);
  });

  it('in a training step: Relu fuses (ReluGrad reads its output), LeakyRelu does not (its gradient reads the bias add)', () => {
    const g = new tf.Graph();
    const { x, train } = g.asDefault(() => {
      const x = tf.placeholder('float32', [null, 4], 'x');
      const h = tf.layers.dense(x, { units: 3, activation: tf.nn.relu, name: 'h' });
      const k = tf.layers.dense(h, {
        units: 3,
        activation: (t: tf.Tensor) => tf.nn.leakyRelu(t),
        name: 'k',
      });
      return { x, train: new tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduceSum(k)) };
    });
    const p = plan(g, [], [x], FUSE, [train]);
    const fused = p.steps.filter((s) => s.ops.length > 1).map((s) => s.ops);
    expect(fused).toEqual([
      ['h/MatMul', 'h/BiasAdd', 'h/Relu'],
      ['k/MatMul', 'k/BiasAdd'],
    ]);
  });
});
