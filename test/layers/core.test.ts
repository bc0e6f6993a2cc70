import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';
import { build, expectArrClose, randomInput, run, varInfo } from './harness.js';
import { arr, transposeArr, type Arr } from './reference.js';

afterEach(() => tf.resetDefaultGraph());

/** x (..., k) times w (k, n), row by row. */
function matmulLast(x: Arr, w: Arr, bias: ArrayLike<number> | null): Arr {
  const k = w.shape[0]!;
  const n = w.shape[1]!;
  const rows = x.data.length / k;
  const out = new Float64Array(rows * n);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      let s = bias ? bias[j]! : 0;
      for (let i = 0; i < k; i++) s += x.data[r * k + i]! * w.data[i * n + j]!;
      out[r * n + j] = s;
    }
  }
  return arr([...x.shape.slice(0, -1), n], out);
}

describe('Dense', () => {
  it('rank-3 inputs go through tensordot (known shape), values per row', async () => {
    const b = build(() => new tf.layers.Dense({ units: 3, biasInitializer: 'ones' }), [2, 4, 5]);
    expect(b.y.shape.toString()).toBe('(2, 4, 3)');
    expect(varInfo(b.layer.weights)).toEqual(['dense/kernel:0 (5, 3)', 'dense/bias:0 (3,)']);
    expect(b.y.op.inputs[0]!.op.name).toBe('dense/Tensordot');
    const x = randomInput([2, 4, 5], 1);
    const { y, weights } = await run(b, x);
    expectArrClose(y, matmulLast(x, weights[0]!, weights[1]!.data));
  });

  it('rank-3 inputs with unknown sizes: the shape is computed in the graph', async () => {
    const b = build(() => new tf.layers.Dense({ units: 2, activation: 'relu' }), [null, null, 3]);
    expect(b.y.shape.toString()).toBe('(?, ?, 2)');
    expect(b.graph.hasOperation('dense/Tensordot/GatherV2')).toBe(true);
    const x = randomInput([2, 3, 3], 2);
    const { y, weights } = await run(b, x);
    const ref = matmulLast(x, weights[0]!, weights[1]!.data);
    expectArrClose(
      y,
      arr(
        ref.shape,
        ref.data.map((v) => Math.max(0, v)),
      ),
    );
    const known = build(() => new tf.layers.Dense({ units: 2 }), [2, null, 3]);
    expect(known.y.shape.toString()).toBe('(2, ?, 2)');
  });

  it('without bias; kernel shape (in, units); errors of dtype and unknown last dimension', async () => {
    const b = build(
      () =>
        new tf.layers.Dense({ units: 4, useBias: false, kernelInitializer: tf.onesInitializer() }),
      [null, 2],
    );
    const d = b.layer as tf.layers.Dense;
    expect(d.bias).toBeNull();
    expect(varInfo(d.weights)).toEqual(['dense/kernel:0 (2, 4)']);
    expect(b.y.name).toBe('dense/MatMul:0');
    const { y } = await run(b, arr([1, 2], [1, 2]));
    expect(Array.from(y.data)).toEqual([3, 3, 3, 3]);
    expect(() => tf.layers.dense(tf.placeholder('int32', [null, 2]), { units: 2 })).toThrow(
      /Unable to build `Dense` layer with non-floating point dtype int32/,
    );
    expect(() => tf.layers.dense(tf.placeholder('float32', [null, null]), { units: 2 })).toThrow(
      /The last dimension of the inputs to `Dense` should be defined. Found `None`/,
    );
    expect(new tf.layers.Dense({ units: 3 }).computeOutputShape([null, 7, 2]).toString()).toBe(
      '(?, 7, 3)',
    );
  });
});

describe('Dropout', () => {
  const x = randomInput([4, 50], 3);
  const feedX = (t: tf.Tensor) =>
    new Map<tf.Tensor, tf.NDArray | boolean>([
      [t, new tf.NDArray('float32', x.shape, Float32Array.from(x.data))],
    ]);

  it('training false (the default) passes the input through as dropout/Identity', async () => {
    const b = build(() => new tf.layers.Dropout({ rate: 0.5 }), [null, 50]);
    expect(b.y.name).toBe('dropout/Identity:0');
    const { y } = await run(b, x);
    expectArrClose(y, x, 1e-6);
    const f = build(() => new tf.layers.Dropout({ rate: 0.5 }), [null, 50], { training: false });
    expect(f.y.op.type).toBe('Identity');
  });

  it('training true: each value dropped or scaled by 1 / (1 - rate)', async () => {
    const b = build(() => new tf.layers.Dropout({ rate: 0.25, seed: 3 }), [null, 50], {
      training: true,
    });
    expect(b.y.name.startsWith('dropout/dropout/')).toBe(true);
    expect(b.y.shape.toString()).toBe('(?, 50)');
    const { y } = await run(b, x);
    let dropped = 0;
    y.data.forEach((v, i) => {
      if (v === 0) dropped += 1;
      else expect(v).toBeCloseTo(x.data[i]! / 0.75, 4);
    });
    expect(dropped).toBeGreaterThan(20);
    expect(dropped).toBeLessThan(85);
  });

  it('training as a boolean tensor decides at run time', async () => {
    const g = new tf.Graph();
    await g.asDefault(async () => {
      const t = tf.placeholder('bool', [], 'training');
      const xin = tf.placeholder('float32', [null, 50], 'x');
      const y = tf.layers.dropout(xin, { rate: 0.5, training: t });
      expect(y.shape.toString()).toBe('(?, 50)');
      const before = numTensors();
      const sess = new tf.Session({ graph: g });
      const on = await sess.run(
        y,
        new Map<tf.Tensor, tf.NDArray | boolean>([...feedX(xin), [t, true]]),
      );
      const off = await sess.run(
        y,
        new Map<tf.Tensor, tf.NDArray | boolean>([...feedX(xin), [t, false]]),
      );
      sess.close();
      expect(numTensors()).toBe(before);
      expectArrClose(arr(off.shape, off.data as Float32Array), x, 1e-6);
      const zeros = Array.from(on.data as Float32Array).filter((v) => v === 0).length;
      expect(zeros).toBeGreaterThan(50);
      // A constant tensor is known while building: no cond.
      const c = tf.layers.dropout(xin, { rate: 0.5, training: tf.constant(false) });
      expect(c.op.type).toBe('Identity');
    });
  });

  it('noiseShape shares the mask along axes of size 1, read at run time where unknown', async () => {
    for (const shape of [
      [4, 50],
      [null, 50],
    ] as (number | null)[][]) {
      const b = build(() => new tf.layers.Dropout({ rate: 0.5, noiseShape: [null, 1] }), shape, {
        training: true,
      });
      const { y } = await run(b, x);
      for (let r = 0; r < 4; r++) {
        const row = Array.from(y.data.slice(r * 50, r * 50 + 50));
        const kept = row.filter((v, i) => v !== 0 || x.data[r * 50 + i] === 0).length;
        expect(kept === 0 || kept === 50).toBe(true);
      }
    }
  });

  it('rejects a rate outside [0, 1)', () => {
    expect(() => new tf.layers.Dropout({ rate: 1 })).toThrow(tf.ValueError);
    expect(() => new tf.layers.Dropout({ rate: 1 })).toThrow(
      /The `rate` argument must be a float in the range \[0, 1\). Received: 1/,
    );
    expect(() => new tf.layers.Dropout({ rate: -0.1 })).toThrow(/rate/);
    expect(() => new tf.layers.Dropout({ noiseShape: 3 as never })).toThrow(/noiseShape/);
    expect(new tf.layers.Dropout().rate).toBe(0.5);
  });
});

describe('Flatten', () => {
  it('keeps the batch axis and what is known of the rest', async () => {
    const b = build(() => new tf.layers.Flatten(), [null, 4, 5]);
    expect(b.y.shape.toString()).toBe('(?, 20)');
    expect(b.y.name).toBe('flatten/Reshape:0');
    const x = randomInput([3, 4, 5], 4);
    const { y } = await run(b, x);
    expectArrClose(y, arr([3, 20], x.data));
    const u = build(() => new tf.layers.Flatten(), [null, null, 5]);
    expect(u.y.shape.toString()).toBe('(?, ?)');
    const r = await run(u, x);
    expect(r.y.shape).toEqual([3, 20]);
    expect(build(() => new tf.layers.Flatten(), [3, null, 2]).y.shape.toString()).toBe('(3, ?)');
    expect(build(() => new tf.layers.Flatten(), [5]).y.shape.toString()).toBe('(5, 1)');
    expect(tf.layers.flatten(tf.placeholder('float32', [null, 2, 3])).shape.toString()).toBe(
      '(?, 6)',
    );
  });

  it('channels_first flattens in channels_last order', async () => {
    const b = build(() => new tf.layers.Flatten({ dataFormat: 'channels_first' }), [null, 2, 3, 4]);
    expect(b.y.shape.toString()).toBe('(?, 24)');
    const x = randomInput([2, 2, 3, 4], 9);
    const { y } = await run(b, x);
    expectArrClose(y, arr([2, 24], transposeArr(x, [0, 2, 3, 1]).data));
    expect(() => new tf.layers.Flatten({ dataFormat: 'NCHW' })).toThrow(
      /The `dataFormat` argument must be one of "channels_first", "channels_last". Received: NCHW/,
    );
  });
});
