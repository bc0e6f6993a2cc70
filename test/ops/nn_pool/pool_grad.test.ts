import { describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { avgPoolGrad } from '../../../src/ops/nn/avg_pool_grad.js';
import { maxPoolGrad } from '../../../src/ops/nn/max_pool_grad.js';
import { maxPoolGradGrad } from '../../../src/ops/nn/max_pool_grad_grad.js';
import type { PoolAttrs } from '../../../src/ops/nn/pool_kernels.js';
import { runOpCase, type OpCase } from '../../util/op_cases.js';
import { poolGradCase } from './cases.js';

describe('pooling gradient ops (explicit-loop reference)', () => {
  const rows: OpCase[] = [];
  for (const kind of ['max', 'avg', 'maxgradgrad'] as const) {
    for (const cf of [false, true]) {
      rows.push(poolGradCase(kind, cf, [1, 5, 7, 2], [3, 3], [2, 2], 'SAME', 41));
      rows.push(poolGradCase(kind, cf, [2, 4, 5, 1], [2, 2], [1, 2], 'VALID', 42));
      rows.push(poolGradCase(kind, cf, [1, 4, 4, 2], [3, 2], [1, 1], 'SAME', 43));
      rows.push(poolGradCase(kind, cf, [1, 3, 5, 4, 2], [2, 3, 2], [2, 2, 2], 'SAME', 44));
      rows.push(poolGradCase(kind, cf, [2, 3, 4, 4, 1], [2, 2, 3], [1, 1, 1], 'VALID', 45));
    }
  }
  for (const row of rows) it(row.name, () => runOpCase(row));

  it('AvgPoolGrad infers its shape from a constant shape, else rank 4', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      const attrs: PoolAttrs = {
        ksize: [1, 2, 2, 1],
        strides: [1, 2, 2, 1],
        padding: 'SAME',
        data_format: 'NHWC',
      };
      expect(
        avgPoolGrad(
          Int32Array.from([2, 5, 5, 3]),
          tf.placeholder('float32', [2, 3, 3, 3]),
          attrs,
        ).shape.toString(),
      ).toBe('(2, 5, 5, 3)');
      expect(
        avgPoolGrad(
          tf.placeholder('int32', [4]),
          tf.placeholder('float32', [2, 3, 3, 3]),
          attrs,
        ).shape.toString(),
      ).toBe('(?, ?, ?, ?)');
      expect(() =>
        avgPoolGrad(Int32Array.from([2, 5, 5]), tf.placeholder('float32', [2, 3, 3, 3]), attrs),
      ).toThrow(/Shape must be rank 4 but is rank 3/);
      expect(
        maxPoolGrad(
          tf.placeholder('float32'),
          tf.placeholder('float32'),
          tf.placeholder('float32'),
          attrs,
        ).shape.toString(),
      ).toBe('(?, ?, ?, ?)');
      expect(
        maxPoolGradGrad(
          tf.placeholder('float32', [2, 5, 5, 3]),
          tf.placeholder('float32'),
          tf.placeholder('float32'),
          attrs,
        ).shape.toString(),
      ).toBe('(2, 3, 3, 3)');
    });
  });

  it('tf.gradients builds TF1 gradient ops for pooling', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      const x = tf.placeholder('float32', [1, 4, 4, 1]);
      const x5 = tf.placeholder('float32', [1, 2, 4, 4, 1]);
      const grads = tf.gradients(
        [tf.nn.maxPool(x, 2, 2, 'SAME'), tf.nn.avgPool(x, 2, 2, 'SAME')],
        [x],
      );
      const types = grads[0]!.op.inputs.map((t) => t.op.type).sort();
      expect(types).toEqual(['AvgPoolGrad', 'MaxPoolGrad']);
      expect(tf.gradients(tf.nn.maxPool3d(x5, 2, 2, 'SAME'), [x5])[0]!.op.type).toBe(
        'MaxPool3DGrad',
      );
      expect(tf.gradients(tf.nn.avgPool3d(x5, 2, 2, 'SAME'), [x5])[0]!.op.name).toBe(
        'gradients_2/AvgPool3D_grad/AvgPool3DGrad',
      );
    });
  });
});
