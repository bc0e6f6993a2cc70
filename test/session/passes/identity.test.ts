import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { ALL_OFF, only, plan, rewritesOf, sameValues, steps } from './util.js';

afterEach(() => tf.resetDefaultGraph());

describe('identityElimination', () => {
  it('readers of an Identity / StopGradient take its input; the value is the same', async () => {
    const g = new tf.Graph();
    const { x, y } = g.asDefault(() => {
      const x = tf.placeholder('float32', [2], 'x');
      const a = tf.identity(tf.multiply(x, 2, 'm'), 'a');
      return { x, y: tf.add(tf.stopGradient(a, 'sg'), a, 'y') };
    });
    const p = plan(g, [y], [x], only('identityElimination'));
    expect(steps(p)).toEqual(['m/y:Const', 'm:Mul', 'y:Add']);
    expect(rewritesOf(p, 'identityElimination')).toHaveLength(2);
    // The Add now reads the Mul's slot twice.
    expect(p.steps[2]!.inputs).toEqual([p.steps[1]!.outputs[0], p.steps[1]!.outputs[0]]);
    const [v] = await sameValues(g, [y], { 'x:0': [1, 2] }, [ALL_OFF, only('identityElimination')]);
    expect(Array.from(v!.data as Float32Array)).toEqual([4, 8]);
  });

  it('a fetched Identity returns its input value', async () => {
    const g = new tf.Graph();
    const { x, a } = g.asDefault(() => {
      const x = tf.placeholder('float32', [2], 'x');
      return { x, a: tf.identity(x, 'a') };
    });
    expect(steps(plan(g, [a], [x], only('identityElimination')))).toEqual([]);
    await sameValues(g, [a, x], { 'x:0': [3, 4] }, [ALL_OFF, only('identityElimination')]);
  });

  it('keeps a variable snapshot (w/read) and an Identity under control dependencies', () => {
    const g = new tf.Graph();
    const { y, after } = g.asDefault(() => {
      const v = new tf.Variable([1, 2], { name: 'v' });
      const inc = tf.assignAdd(v, [1, 1]);
      const after = tf.controlDependencies([inc], () => tf.identity(v.value(), 'after'));
      return { y: tf.multiply(v.value(), 3, 'y'), after };
    });
    const p = plan(g, [y, after], [], only('identityElimination'));
    expect(steps(p)).toContain('v/read:Identity');
    expect(steps(p)).toContain('after:Identity');
    expect(rewritesOf(p, 'identityElimination')).toEqual([]);
  });

  it('a NoOp hands its control inputs to its dependents; a NoOp target stays', async () => {
    const g = new tf.Graph();
    const { grp, z, v } = g.asDefault(() => {
      const v = new tf.Variable(0, { name: 'v' });
      const inc = tf.assignAdd(v, 1, 'inc');
      const grp = tf.group(inc);
      const z = tf.controlDependencies([grp], () => tf.constant(5, { name: 'z' }));
      return { grp, z, v };
    });
    const p = plan(g, [z], [], only('identityElimination'));
    expect(steps(p)).toEqual(['inc/value:Const', 'inc:AssignAdd', 'z:Const']);
    expect(p.steps.find((s) => s.name === 'z')).toBeDefined();
    const withTarget = plan(g, [], [], only('identityElimination'), [grp]);
    expect(steps(withTarget)).toContain(`${grp.name}:NoOp`);
    // The assignment still runs before z, once per run.
    const sess = new tf.Session({ graph: g, optimize: only('identityElimination') });
    await sess.run(v.initializer);
    await sess.run(z);
    await sess.run(z);
    expect((await sess.run(v)).item()).toBe(2);
    sess.close();
  });
});
