import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';

afterEach(() => tf.resetDefaultGraph());

const ctrl = (x: tf.Tensor | tf.Operation): string[] => (x instanceof tf.Operation ? x : x.op).controlInputs.map((o) => o.name);

describe('controlDependencies (TF outputs)', () => {
  it('nests, clears with null, skips ops whose inputs were built in the frame', () => {
    const g = new tf.Graph();
    const got = g.asDefault(() => {
      const a = tf.constant(1, { name: 'a' });
      const b = tf.constant(2, { name: 'b' });
      const c = tf.constant(3, { name: 'c' });
      const out: Record<string, tf.Tensor> = {};
      tf.controlDependencies([a], () => {
        out.d = tf.identity(b, 'd');
        tf.controlDependencies([b.op], () => {
          out.e = tf.identity(c, 'e');
          out.f = tf.identity(a, 'f'); // a is an input: not also a control input
          tf.controlDependencies(null, () => {
            out.h = tf.identity(c, 'h');
            tf.controlDependencies([c], () => {
              out.i = tf.identity(b, 'i');
            });
          });
          out.j = tf.identity(out.e!, 'j'); // input built inside both frames
          out.k = tf.add(out.e!, c, 'k');
        });
        out.l = tf.identity(out.d!, 'l');
        out.m = tf.constant(5, { name: 'm' });
      });
      tf.controlDependencies([a, a, b], () => {
        out.n = tf.identity(c, 'n');
      });
      tf.controlDependencies([], () => {
        out.o = tf.identity(c, 'o');
      });
      tf.controlDependencies([a], () =>
        tf.controlDependencies([a], () => {
          out.p = tf.identity(c, 'p');
        }),
      );
      return Object.fromEntries(Object.entries(out).map(([k, t]) => [k, ctrl(t)]));
    });
    // TF: d ['a'] e ['a','b'] f ['b'] h [] i ['c'] j [] k [] l [] m ['a'] n ['a','b'] o [] p ['a']
    expect(got).toEqual({
      d: ['a'],
      e: ['a', 'b'],
      f: ['b'],
      h: [],
      i: ['c'],
      j: [],
      k: [],
      l: [],
      m: ['a'],
      n: ['a', 'b'],
      o: [],
      p: ['a'],
    });
  });

  it('an op built inside a cleared frame is not in the outer group', () => {
    tf.getDefaultGraph();
    const a = tf.constant(1, { name: 'a' });
    const c = tf.constant(3, { name: 'c' });
    const y = tf.controlDependencies([a], () => {
      const x = tf.controlDependencies(null, () => tf.identity(c, 'x'));
      expect(ctrl(x)).toEqual([]);
      return tf.identity(x, 'y');
    });
    expect(ctrl(y)).toEqual(['a']);
  });

  it('an outer dependency repeated in an inner frame is dropped there (TF)', () => {
    const a = tf.constant(1, { name: 'a' });
    const b = tf.constant(2, { name: 'b' });
    const c = tf.constant(3, { name: 'c' });
    const y = tf.controlDependencies([a], () => {
      const x = tf.identity(c, 'x'); // in the outer group
      return tf.controlDependencies([a, b], () => tf.identity(x, 'y'));
    });
    // Dominated for the outer frame; the inner frame only adds b.
    expect(ctrl(y)).toEqual(['b']);
  });

  it('variables are created outside control dependencies (TF init_scope)', () => {
    const a = tf.constant(1, { name: 'a' });
    tf.controlDependencies([a], () => {
      const v = new tf.Variable(1, { name: 'v2' });
      const w = tf.getVariable('gv', { shape: [1] });
      for (const x of [v.op, v.initializer, v.value().op, v.initialValue.op, w.op, w.initializer]) expect(ctrl(x)).toEqual([]);
    });
  });

  it('a Variable or tensor name is a valid dependency; its op is used', () => {
    const v = new tf.Variable(1, { name: 'v' });
    const c = tf.constant(3, { name: 'c' });
    const q = tf.controlDependencies([v], () => tf.identity(c, 'q'));
    expect(ctrl(q)).toEqual(['v']);
    const r = tf.controlDependencies(['c:0', 'v'], () => tf.constant(1, { name: 'r' }));
    expect(ctrl(r)).toEqual(['c', 'v']);
  });

  it('rejects a non-graph value and an element of another graph, with TF messages', () => {
    expect(() => tf.controlDependencies([1.5 as never], () => 0)).toThrow(new tf.TypeError('Can not convert a float into a Tensor or Operation.'));
    const g2 = new tf.Graph();
    const z = g2.asDefault(() => tf.constant(1));
    expect(() => tf.controlDependencies([z], () => 0)).toThrow(new tf.ValueError('Tensor Tensor("Const:0", shape=(), dtype=float32) is not an element of this graph.'));
  });

  it('the frame ends with the callback, also when it throws', () => {
    const a = tf.constant(1, { name: 'a' });
    expect(() => tf.controlDependencies([a], () => {
      throw new Error('inside');
    })).toThrow('inside');
    expect(ctrl(tf.identity(a, 'after'))).toEqual([]);
  });

  it('group makes a NoOp depending on its arguments in creation order', () => {
    const a = tf.constant(1, { name: 'a' });
    const b = tf.constant(2, { name: 'b' });
    const g = tf.group(b, a, b.op);
    expect(g.type).toBe('NoOp');
    expect(g.name).toBe('group_deps');
    expect(ctrl(g)).toEqual(['a', 'b']);
  });
});
