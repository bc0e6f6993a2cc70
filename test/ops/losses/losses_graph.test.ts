import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { expectClose, runOpCase } from '../../util/op_cases.js';

afterEach(() => tf.resetDefaultGraph());

describe('tf.losses graphs', () => {
  it('meanSquaredError builds TF1 names with the static assert as a control dependency', () => {
    const y = tf.losses.meanSquaredError(
      tf.placeholder('float32', [2, 3], 'l'),
      tf.placeholder('float32', [2, 3], 'p'),
    );
    expect(y.name).toBe('mean_squared_error/value:0');
    const g = tf.getDefaultGraph();
    const types = (names: string[]): string[] =>
      names.map((n) => g.getOperationByName(`mean_squared_error/${n}`).type);
    expect(
      types([
        'SquaredDifference',
        'Mul',
        'Sum',
        'num_present/Equal',
        'num_present/Select',
        'num_present',
        'value',
      ]),
    ).toEqual(['SquaredDifference', 'Mul', 'Sum', 'Equal', 'Select', 'Sum', 'DivNoNan']);
    const check = g.getOperationByName(
      'mean_squared_error/assert_broadcastable/static_scalar_check_success',
    );
    expect(check.type).toBe('NoOp');
    expect(g.getOperationByName('mean_squared_error/Mul').controlInputs).toEqual([]);
    expect(g.getOperationByName('mean_squared_error/Cast/x').controlInputs).toEqual([check]);
  });

  it('cross-entropy losses name their inner op xentropy; labels get no gradient', () => {
    const logits = tf.placeholder('float32', [2, 3], 'x');
    const y = tf.losses.softmaxCrossEntropy(tf.placeholder('float32', [2, 3], 'l'), logits);
    expect(y.name).toBe('softmax_cross_entropy_loss/value:0');
    const g = tf.getDefaultGraph();
    expect(g.getOperationByName('softmax_cross_entropy_loss/xentropy').type).toBe(
      'SoftmaxCrossEntropyWithLogits',
    );
    expect(g.getOperationByName('softmax_cross_entropy_loss/labels_stop_gradient').type).toBe(
      'StopGradient',
    );
    const s = tf.losses.sparseSoftmaxCrossEntropy(tf.placeholder('int32', [2, 1], 'ids'), logits, {
      weights: tf.placeholder('float32', [2, 1], 'w'),
    });
    expect(g.getOperationByName('sparse_softmax_cross_entropy_loss/xentropy/xentropy').type).toBe(
      'SparseSoftmaxCrossEntropyWithLogits',
    );
    expect(
      g.getOperationByName('sparse_softmax_cross_entropy_loss/remove_squeezable_dimensions/Squeeze')
        .type,
    ).toBe('Squeeze');
    expect(g.getOperationByName('sparse_softmax_cross_entropy_loss/Squeeze').type).toBe('Squeeze');
    expect(s.shape.toString()).toBe('()');
    const sig = tf.losses.sigmoidCrossEntropy(tf.placeholder('float32', [2, 3], 'z'), logits, {
      scope: 'bce',
    });
    expect(sig.name).toBe('bce/value:0');
    expect(g.getOperationByName('bce/xentropy').type).toMatch(/^Add/);
    const [gl] = tf.gradients(y, g.getTensorByName('l:0'));
    expect(gl).toBeNull();
  });

  it('lossCollection, NONE shape, unknown batch', async () => {
    const l = tf.placeholder('float32', [null, 3], 'l');
    const p = tf.placeholder('float32', [null, 3], 'p');
    const none = tf.losses.absoluteDifference(l, p, {
      reduction: tf.losses.Reduction.NONE,
      lossCollection: null,
    });
    expect(none.shape.toString()).toBe('(?, 3)');
    const mine = tf.losses.meanSquaredError(l, p, {
      lossCollection: 'mine',
      weights: tf.placeholder('float32', [null, 1], 'w'),
    });
    expect(tf.getCollection('mine')).toEqual([mine]);
    expect(tf.losses.getLosses()).toEqual([]);
    expect(tf.losses.getLosses(null, 'mine')).toEqual([mine]);
    const sess = new tf.Session();
    const v = (await sess.run(mine, {
      'l:0': [
        [1, 2, 3],
        [0, 0, 0],
      ],
      'p:0': [
        [1, 2, 4],
        [1, 1, 1],
      ],
      'w:0': [[2], [0]],
    })) as tf.NDArray;
    sess.close();
    expectClose(v.data as Float32Array, [2 / 3]);
  });

  it('getRegularizationLoss, getTotalLoss, getLosses as TF1', async () => {
    expect(tf.losses.getRegularizationLoss().op.type).toBe('Const');
    expect(() => tf.losses.getTotalLoss()).toThrow(
      /Inputs must be an iterable of at least one Tensor/,
    );
    const v = tf.getVariable('w', {
      shape: [2],
      initializer: tf.constantInitializer(3),
      regularizer: tf.contrib.layers.l2Regularizer(0.5),
    });
    const loss = tf.losses.meanSquaredError([0, 0], tf.multiply(v, 1));
    const reg = tf.losses.getRegularizationLoss();
    expect(reg.name).toBe('total_regularization_loss:0');
    expect(reg.op.type).toBe('Identity');
    const total = tf.losses.getTotalLoss();
    expect(total.name).toBe('total_loss:0');
    expect(total.op.type).toBe('AddN');
    const onlyData = tf.losses.getTotalLoss(false);
    expect(onlyData.name).toBe('total_loss_1:0');
    expect(tf.losses.getLosses()).toEqual([loss]);
    expect(tf.losses.getRegularizationLosses()).toHaveLength(1);
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    const [vr, vt, vd] = (await sess.run([reg, total, onlyData])) as tf.NDArray[];
    sess.close();
    expectClose(vr!.data as Float32Array, [0.5 * ((9 + 9) / 2)]);
    expectClose(vd!.data as Float32Array, [9]);
    expectClose(vt!.data as Float32Array, [9 + 4.5]);
  });

  const errors: [string, () => tf.Tensor, RegExp][] = [
    [
      'labels None',
      () => tf.losses.meanSquaredError(null as never, [1]),
      /Argument `labels` must not be None\./,
    ],
    [
      'shapes',
      () => tf.losses.meanSquaredError(tf.zeros([2, 3]), tf.zeros([2, 4])),
      /Shapes \(2, 4\) and \(2, 3\) are incompatible/,
    ],
    [
      'weights rank',
      () =>
        tf.losses.meanSquaredError(tf.zeros([2, 3]), tf.zeros([2, 3]), { weights: tf.zeros([3]) }),
      /weights can not be broadcast to values\. values\.rank=2\. weights\.rank=1\./,
    ],
    [
      'weights dims',
      () =>
        tf.losses.absoluteDifference(tf.zeros([2, 3]), tf.zeros([2, 3]), {
          weights: tf.zeros([2, 2]),
        }),
      /weights can not be broadcast to values\. Mismatch at dim 1\. values\.shape=\[2 3\], weights\.shape=\[2 2\]/,
    ],
    [
      'reduction',
      () => tf.losses.meanSquaredError(tf.zeros([2]), tf.zeros([2]), { reduction: 'mean' }),
      /Invalid Reduction Key mean\. Key should be one of/,
    ],
    [
      'logits None',
      () => tf.losses.softmaxCrossEntropy(tf.zeros([2, 3]), undefined as never),
      /Argument `logits` must not be None\./,
    ],
  ];
  for (const [name, build, re] of errors)
    it(`error: ${name}`, () => runOpCase({ name, build, throws: re, throwsClass: tf.ValueError }));
});
