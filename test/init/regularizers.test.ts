import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { expectClose } from '../util/op_cases.js';

afterEach(() => tf.resetDefaultGraph());

const W = [
  [0.5, -1.5, 2],
  [-0.25, 1, 3],
];
const flat = W.flat();
const sumAbs = flat.reduce((s, v) => s + Math.abs(v), 0);
const sumSq = flat.reduce((s, v) => s + v * v, 0);

async function value(t: tf.Tensor): Promise<number> {
  const sess = new tf.Session();
  await sess.run(tf.globalVariablesInitializer());
  const v = (await sess.run(t)) as tf.NDArray;
  sess.close();
  return v.item() as number;
}

function variable(regularizer: (w: tf.Tensor) => tf.Tensor | null): tf.Variable {
  return tf.getVariable('w', {
    shape: [2, 3],
    initializer: tf.constantInitializer(W),
    regularizer,
  });
}

describe('tf.regularizers (Keras)', () => {
  it('l2(scale) = scale * sum(w^2), without the 1/2', async () => {
    variable(tf.regularizers.l2(0.1));
    const [loss] = tf.losses.getRegularizationLosses();
    expect(loss!.name.startsWith('w/Regularizer/')).toBe(true);
    expect(await value(loss!)).toBeCloseTo(0.1 * sumSq, 5);
  });

  it('l1(scale) = scale * sum(|w|); l1l2 adds both; defaults are 0.01', async () => {
    const x = tf.constant(W);
    expect(await value(tf.regularizers.l1(0.2)(x)!)).toBeCloseTo(0.2 * sumAbs, 5);
    expect(await value(tf.regularizers.l1l2(0.2, 0.3)(x)!)).toBeCloseTo(
      0.2 * sumAbs + 0.3 * sumSq,
      5,
    );
    expect(await value(tf.regularizers.l1l2()(x)!)).toBeCloseTo(0.01 * sumAbs + 0.01 * sumSq, 5);
    expect(await value(tf.regularizers.l1l2(0, 0)(x)!)).toBe(0);
  });

  it('builds Keras ops: Abs, Sum, mul, add (0. + l1 * sum)', () => {
    const y = tf.regularizers.l1l2(0.2, 0.3)(tf.constant(W))!;
    const types = tf
      .getDefaultGraph()
      .getOperations()
      .map((o) => o.type);
    expect(types).toEqual(expect.arrayContaining(['Abs', 'Sum', 'Square', 'Mul']));
    expect(y.op.name).toBe('add_1');
  });
});

describe('tf.contrib.layers regularizers (TF1)', () => {
  it('l2Regularizer(scale) = scale * l2_loss(w) = scale * sum(w^2) / 2, named as TF1', async () => {
    variable(tf.contrib.layers.l2Regularizer(0.1));
    const [loss] = tf.getCollection<tf.Tensor>(tf.GraphKeys.REGULARIZATION_LOSSES);
    expect(loss!.name).toBe('w/Regularizer/l2_regularizer:0');
    expect(loss!.op.type).toBe('Mul');
    const g = tf.getDefaultGraph();
    expect(g.getOperationByName('w/Regularizer/l2_regularizer/scale').type).toBe('Const');
    expect(g.getOperationByName('w/Regularizer/l2_regularizer/L2Loss').type).toBe('L2Loss');
    expectClose([await value(loss!)], [(0.1 * sumSq) / 2]);
  });

  it('l1Regularizer(scale) = scale * sum(|w|) in an l1_regularizer scope; custom scope', async () => {
    const y = tf.contrib.layers.l1Regularizer(0.3, 'reg')(tf.constant(W))!;
    expect(y.name).toBe('reg:0');
    expectClose([await value(y)], [0.3 * sumAbs]);
    expect(tf.contrib.layers.l1Regularizer(0.3)(tf.constant(W))!.name).toBe('l1_regularizer:0');
  });

  it('a zero scale adds no loss; a negative one is a ValueError', () => {
    variable(tf.contrib.layers.l2Regularizer(0));
    expect(tf.losses.getRegularizationLosses()).toEqual([]);
    expect(() => tf.contrib.layers.l2Regularizer(-1)).toThrow(tf.ValueError);
    expect(() => tf.contrib.layers.l1Regularizer(-0.5)).toThrow(
      /Setting a scale less than 0 on a regularizer: -0\.5\./,
    );
  });

  it('a variable scope regularizer applies to its variables', async () => {
    tf.variableScope('enc', { regularizer: tf.contrib.layers.l2Regularizer(1) }, () =>
      tf.getVariable('k', { shape: [2], initializer: tf.onesInitializer() }),
    );
    const losses = tf.losses.getRegularizationLosses('enc');
    expect(losses.map((l) => l.name)).toEqual(['enc/k/Regularizer/l2_regularizer:0']);
    expect(await value(tf.losses.getRegularizationLoss())).toBeCloseTo(1, 6);
  });
});
