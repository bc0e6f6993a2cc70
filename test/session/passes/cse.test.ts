import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { ALL_OFF, only, plan, rewritesOf, sameValues, steps } from './util.js';

afterEach(() => tf.resetDefaultGraph());

const CSE = only('commonSubexpressionElimination');

describe('commonSubexpressionElimination', () => {
  it('merges equal constants and equal ops on the same inputs, transitively', async () => {
    const g = new tf.Graph();
    const { x, y } = g.asDefault(() => {
      const x = tf.placeholder('float32', [null, 2], 'x');
      const a = tf.exp(tf.multiply(x, 2, 'm1'), 'e1');
      const b = tf.exp(tf.multiply(x, 2, 'm2'), 'e2');
      return {
        x,
        y: tf.add(
          tf.add(a, b, 's'),
          tf.shape(a, 'sh1').dtype === 'int32' ? tf.cast(tf.shape(b, 'sh2'), 'float32') : a,
          'y',
        ),
      };
    });
    const p = plan(g, [y], [x], CSE);
    expect(rewritesOf(p, 'commonSubexpressionElimination')).toEqual([
      "merged Const 'm2/y' into 'm1/y'",
      "merged Mul 'm2' into 'm1'",
      "merged Exp 'e2' into 'e1'",
    ]);
    expect(steps(p)).not.toContain('e2:Exp');
    await sameValues(g, [y], { 'x:0': [[0.5, -1]] }, [ALL_OFF, CSE]);
  });

  it('compares attrs and constant values, including -0 and NaN', () => {
    const g = new tf.Graph();
    const { x, ys } = g.asDefault(() => {
      const x = tf.placeholder('float32', [2, 2], 'x');
      return {
        x,
        ys: [
          tf.matmul(x, x, { name: 'p' }),
          tf.matmul(x, x, { transposeA: true, name: 'q' }),
          tf.add(x, tf.constant(0, { name: 'z' }), 'a'),
          tf.add(x, tf.constant(-0, { name: 'nz' }), 'b'),
          tf.add(x, tf.constant(NaN, { name: 'n1' }), 'c'),
          tf.add(x, tf.constant(NaN, { name: 'n2' }), 'd'),
        ],
      };
    });
    const p = plan(g, ys, [x], CSE);
    expect(rewritesOf(p, 'commonSubexpressionElimination')).toEqual([
      "merged Const 'n2' into 'n1'",
      "merged Add 'd' into 'c'",
    ]);
  });

  it('never merges random ops, variable reads or placeholders', async () => {
    const g = new tf.Graph();
    const { ys, v } = g.asDefault(() => {
      const v = new tf.Variable([1, 2], { name: 'v' });
      const r1 = tf.randomUniform([2], { name: 'r1' });
      const r2 = tf.randomUniform([2], { name: 'r2' });
      const before = tf.identity(v.variableRef(), 'before');
      const inc = tf.controlDependencies([before], () => tf.assignAdd(v, [10, 10], 'inc'));
      const after = tf.controlDependencies([inc], () => tf.identity(v.variableRef(), 'after'));
      return {
        v,
        ys: [
          r1,
          r2,
          before,
          after,
          tf.placeholderWithDefault(1, [], 'p1'),
          tf.placeholderWithDefault(1, [], 'p2'),
        ],
      };
    });
    const p = plan(g, ys, [], CSE);
    // r1 and r2 draw separately; the two reads see different values.
    expect(
      rewritesOf(p, 'commonSubexpressionElimination').filter((r) =>
        /RandomUniform|Identity|Placeholder/.test(r),
      ),
    ).toEqual([]);
    const sess = new tf.Session({ graph: g, backend: 'cpu', optimize: CSE });
    await sess.run(v.initializer);
    const [r1, r2, before, after] = (await sess.run(ys)) as tf.NDArray[];
    expect(r1!.toArray()).not.toEqual(r2!.toArray());
    expect(before!.toArray()).toEqual([1, 2]);
    expect(after!.toArray()).toEqual([11, 12]);
    sess.close();
  });
});
