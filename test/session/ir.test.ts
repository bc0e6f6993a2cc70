import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { buildIr, deadCodeElimination, out, refKey, rewire } from '../../src/session/ir.js';

afterEach(() => tf.resetDefaultGraph());

describe('the compiler IR', () => {
  it('is built from the pruned graph without touching it: refs name feeds, variables and node outputs', () => {
    const g = new tf.Graph();
    const { x, y } = g.asDefault(() => {
      const x = tf.placeholder('float32', [2], 'x');
      const v = new tf.Variable([1, 2], { name: 'v' });
      return { x, y: tf.add(tf.multiply(x, v.variableRef(), 'm'), 1, 'y') };
    });
    const version = g.version;
    const { graph: ir, unfedPlaceholders } = buildIr([y], [], [x]);
    expect(g.version).toBe(version);
    expect(unfedPlaceholders).toEqual([]);
    expect(ir.nodes.map((n) => n.key)).toEqual(['m', 'y/y', 'y']);
    expect(ir.nodes[0]!.inputs.map(refKey)).toEqual(['f:x:0', 'v:v']);
    expect(ir.nodes[2]!.inputs.map(refKey)).toEqual(['o:m:0', 'o:y/y:0']);
    expect(ir.fetches.map(refKey)).toEqual(['o:y:0']);
  });

  it('rewire follows chains of replacements; dead-code elimination keeps control dependencies', () => {
    const g = new tf.Graph();
    const { c, d } = g.asDefault(() => {
      const c = tf.identity(tf.identity(tf.constant(1, { name: 'a' }), 'b'), 'c');
      return { c, d: tf.controlDependencies([c], () => tf.constant(2, { name: 'd' })) };
    });
    const { graph: ir } = buildIr([d, c], [], []);
    const r = rewire(
      ir,
      new Map([
        [refKey(out('c')), out('b')],
        [refKey(out('b')), out('a')],
      ]),
      new Map([
        ['c', ['b']],
        ['b', ['a']],
      ]),
    );
    expect(r.fetches.map(refKey)).toEqual(['o:d:0', 'o:a:0']);
    expect(r.nodes.find((n) => n.key === 'd')!.control).toEqual(['a']);
    // b and c are now unused: d's control dependency keeps a.
    expect(deadCodeElimination(r).nodes.map((n) => n.key)).toEqual(['a', 'd']);
  });
});
