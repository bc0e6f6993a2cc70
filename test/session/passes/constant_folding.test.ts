import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { FOLD_LIMIT_BYTES } from '../../../src/session/passes/constant_folding.js';
import { numTensors } from '../../util/leaks.js';
import { ALL_OFF, only, plan, rewritesOf, sameValues, steps } from './util.js';

afterEach(() => tf.resetDefaultGraph());

describe('constantFolding', () => {
  it('computes a constant subgraph once; the plan holds the value until disposed', async () => {
    const g = new tf.Graph();
    const { x, y } = g.asDefault(() => {
      const x = tf.placeholder('float32', [2, 2], 'x');
      const c = tf.exp(
        tf.add(
          tf.constant(
            [
              [0, 1],
              [2, 3],
            ],
            { name: 'a' },
          ),
          tf.ones([2, 2]),
          'c',
        ),
        'e',
      );
      return { x, y: tf.matmul(x, tf.transpose(c, undefined, 't'), { name: 'y' }) };
    });
    const before = numTensors();
    const p = plan(g, [y], [x], only('constantFolding'));
    // The constant chain (ones' Fill, the Add, the Exp, the Transpose) became one constant.
    expect(steps(p)).toEqual(['t:Const', 'y:MatMul']);
    expect(rewritesOf(p, 'constantFolding').length).toBeGreaterThanOrEqual(3);
    expect(p.constants).toHaveLength(1);
    expect(numTensors() - before).toBe(1);
    expect(Array.from(p.constants[0]!.dataSync())).toEqual(
      Array.from(tfc.tidy(() => tfc.exp(tfc.tensor([1, 3, 2, 4])).dataSync())),
    );
    p.dispose();
    expect(numTensors()).toBe(before);
    await sameValues(
      g,
      [y],
      {
        'x:0': [
          [1, 2],
          [3, 4],
        ],
      },
      [ALL_OFF, only('constantFolding'), {}],
    );
  });

  it('never folds what depends on a placeholder, a variable, or a stateful op', () => {
    const g = new tf.Graph();
    const { x, ys } = g.asDefault(() => {
      const x = tf.placeholder('float32', [2], 'x');
      const d = tf.placeholderWithDefault(tf.constant([1, 2]), [2], 'd');
      const v = new tf.Variable([1, 2], { name: 'v' });
      const r = tf.randomUniform([2], { seed: 1, name: 'r' });
      return {
        x,
        ys: [tf.add(x, 1, 'fx'), tf.add(d, 1, 'fd'), tf.add(v, 1, 'fv'), tf.add(r, 1, 'fr')],
      };
    });
    const p = plan(g, ys, [x], only('constantFolding'));
    // Only randomUniform's (max - min), made of two Consts, folds.
    expect(rewritesOf(p, 'constantFolding')).toEqual(["folded Sub 'r/sub' -> float32[]"]);
    expect(steps(p)).toEqual(
      expect.arrayContaining([
        'fx:Add',
        'd:PlaceholderWithDefault',
        'fd:Add',
        'v/read:Identity',
        'fv:Add',
        'r/RandomUniform:RandomUniform',
        'fr:Add',
      ]),
    );
  });

  it('leaves large results and failing kernels to run time', async () => {
    const g = new tf.Graph();
    const n = FOLD_LIMIT_BYTES / 4 + 1;
    const { big, bad } = g.asDefault(() => ({
      big: tf.fill([n], 2, 'big'),
      bad: tf.reshape(
        tf.constant([1, 2, 3]),
        tf.add(tf.constant([2, 2], { dtype: 'int32' }), 0),
        'bad',
      ),
    }));
    const p = plan(g, [big], [], only('constantFolding'));
    expect(steps(p)).toContain('big:Fill');
    const pb = plan(g, [bad], [], only('constantFolding'));
    expect(steps(pb)).toContain('bad:Reshape');
    const sess = new tf.Session({ graph: g, backend: 'cpu' });
    await expect(sess.run(bad)).rejects.toThrow(/Input to reshape is a tensor with 3 values/);
    sess.close();
  });

  it('folds on cpu for a wasm session, and the held values serve every run', async () => {
    const g = new tf.Graph();
    const y = g.asDefault(() =>
      tf.multiply(tf.placeholder('float32', [3], 'x'), tf.sqrt(tf.constant([4, 9, 16]), 's'), 'y'),
    );
    const before = numTensors();
    const sess = new tf.Session({ graph: g, backend: 'wasm', optimize: only('constantFolding') });
    for (let i = 0; i < 3; i++)
      expect((await sess.run(y, { 'x:0': [1, 2, 3] })).toArray()).toEqual([2, 6, 12]);
    const e = sess.explain(y, { 'x:0': [1, 2, 3] }, { print: false });
    expect(e.constants).toEqual({ count: 1, bytes: 12 });
    expect(numTensors() - before).toBe(1);
    sess.close();
    expect(numTensors()).toBe(before);
  });

  it("folds inside a cond's branches (compiled mid-run) and keeps those values across runs", async () => {
    const g = new tf.Graph();
    const { p, y } = g.asDefault(() => {
      const p = tf.placeholder('bool', [], 'p');
      const x = tf.constant([1, 2], { name: 'x' });
      return {
        p,
        y: tf.cond(
          p,
          () => tf.multiply(x, tf.sqrt(tf.constant(4, { name: 'four' }))),
          () => tf.negative(x),
        ),
      };
    });
    const before = numTensors();
    const sess = new tf.Session({ graph: g, backend: 'cpu' });
    for (let i = 0; i < 3; i++) {
      expect((await sess.run(y, [[p, true]])).toArray()).toEqual([2, 4]);
      expect((await sess.run(y, [[p, false]])).toArray()).toEqual([-1, -2]);
    }
    // The branch's plan holds sqrt(4).
    expect(numTensors() - before).toBe(1);
    sess.close();
    expect(numTensors()).toBe(before);
  });

  it('a graph that grows drops the old plans and their constants', async () => {
    const g = new tf.Graph();
    const y = g.asDefault(() => tf.exp(tf.constant([0, 1]), 'y'));
    const before = numTensors();
    const sess = new tf.Session({ graph: g, backend: 'cpu' });
    await sess.run(y);
    expect(numTensors() - before).toBe(1);
    g.asDefault(() => tf.constant(1));
    await sess.run(y);
    expect(numTensors() - before).toBe(1);
    sess.close();
    expect(numTensors()).toBe(before);
  });
});
