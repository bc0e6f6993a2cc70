import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { applyOp } from '../../../src/ops/core/apply.js';
import { Cast } from '../../../src/ops/math/cast.js';
import { ALL_OFF, only, plan, rewritesOf, sameValues, steps } from './util.js';

afterEach(() => tf.resetDefaultGraph());

const ARITH = only('arithmeticSimplification');

describe('arithmeticSimplification', () => {
  it('x*1, 1*x, x/1, x+0, 0+x, x-0 and a same-dtype Cast read x directly', async () => {
    const g = new tf.Graph();
    const { x, ys } = g.asDefault(() => {
      const x = tf.placeholder('float32', [null, 3], 'x');
      const one = tf.constant(1, { name: 'one' });
      const zero = tf.constant([[0]], { name: 'zero' });
      return {
        x,
        ys: [
          tf.multiply(x, one, 'm1'),
          tf.multiply(one, x, 'm2'),
          tf.divide(x, one, 'd'),
          tf.add(x, zero, 'a1'),
          tf.add(zero, x, 'a2'),
          tf.subtract(x, zero, 's'),
          // tf.cast to the same dtype adds no op; an imported GraphDef can hold one.
          applyOp(Cast, [x], { SrcT: 'float32', DstT: 'float32' }, { name: 'c' })[0]!,
        ],
      };
    });
    const p = plan(g, ys, [x], ARITH);
    expect(rewritesOf(p, 'arithmeticSimplification')).toHaveLength(7);
    expect(steps(p)).toEqual([]);
    expect(new Set(p.fetchSlots)).toEqual(new Set([p.feedSlots.get(x)]));
    await sameValues(g, ys, { 'x:0': [[1, -2, 3.5]] }, [ALL_OFF, ARITH]);
  });

  it('keeps what would change a shape, a value or a variable read', () => {
    const g = new tf.Graph();
    const { x, ys } = g.asDefault(() => {
      const x = tf.placeholder('float32', [3], 'x');
      const v = new tf.Variable([1, 2, 3], { name: 'v' });
      return {
        x,
        ys: [
          tf.multiply(x, tf.ones([2, 3]), 'grows'), // broadcasting makes [2, 3]
          tf.multiply(x, tf.constant([[1]]), 'rank'), // [1, 3]
          tf.multiply(x, 2, 'two'),
          tf.divide(tf.constant(1), x, 'inv'), // 1 / x
          tf.subtract(tf.constant(0), x, 'neg'), // 0 - x
          tf.multiply(v.variableRef(), 1, 'var'), // read when the Mul runs
          tf.cast(x, 'int32', 'toInt'),
        ],
      };
    });
    const p = plan(g, ys, [x], ARITH);
    expect(rewritesOf(p, 'arithmeticSimplification')).toEqual([]);
  });

  it('reshape to its own shape, reshape chains, cancelling transposes', async () => {
    const g = new tf.Graph();
    const { x, same, chain, back, ident, kept } = g.asDefault(() => {
      const x = tf.placeholder('float32', [2, 3, 4], 'x');
      const same = tf.reshape(x, [2, 3, 4], 'same');
      const chain = tf.reshape(tf.reshape(x, [6, 4], 'r1'), [4, 6], 'chain');
      const back = tf.transpose(tf.transpose(x, [1, 2, 0], 't1'), [2, 0, 1], 'back');
      const ident = tf.transpose(x, [0, 1, 2], 'ident');
      const kept = tf.transpose(tf.transpose(x, [1, 2, 0], 't2'), [1, 2, 0], 'kept');
      return { x, same, chain, back, ident, kept };
    });
    const p = plan(g, [same, chain, back, ident, kept], [x], ARITH);
    const rw = rewritesOf(p, 'arithmeticSimplification');
    expect(rw).toHaveLength(4);
    expect(steps(p)).toEqual([
      'chain/shape:Const',
      'chain:Reshape',
      't2/perm:Const',
      't2:Transpose',
      'kept/perm:Const',
      'kept:Transpose',
    ]);
    // The chain's Reshape now reads x itself.
    expect(p.steps[1]!.inputs[0]).toBe(p.feedSlots.get(x));
    const data = new tf.NDArray(
      'float32',
      [2, 3, 4],
      Float32Array.from({ length: 24 }, (_, i) => i - 7.5),
    );
    await sameValues(g, [same, chain, back, ident, kept], { 'x:0': data }, [ALL_OFF, ARITH]);
  });

  it('an inner reshape of an unknown shape is not skipped (its check could fail at run time)', () => {
    const g = new tf.Graph();
    const { x, y } = g.asDefault(() => {
      const x = tf.placeholder('float32', [null, 4], 'x');
      return { x, y: tf.reshape(tf.reshape(x, [-1, 2], 'r1'), [-1], 'y') };
    });
    expect(rewritesOf(plan(g, [y], [x], ARITH), 'arithmeticSimplification')).toEqual([]);
  });
});
