import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tf from '../../src/index.js';
import * as compileModule from '../../src/session/compile.js';
import { numTensors } from '../util/leaks.js';

vi.mock('../../src/session/compile.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/session/compile.js')>();
  return { ...orig, compile: vi.fn(orig.compile) };
});

afterEach(() => {
  tf.resetDefaultGraph();
  vi.mocked(compileModule.compile).mockClear();
});

const { compile } = compileModule;

function build(): { g: tf.Graph; x: tf.Tensor; a: tf.Tensor; b: tf.Tensor; c: tf.Tensor; unused: tf.Tensor } {
  const g = new tf.Graph();
  return g.asDefault(() => {
    const x = tf.placeholder('float32', [2], 'x');
    const a = tf.add(x, 1, 'a'); // a/y is a Const
    const b = tf.multiply(a, a, 'b');
    const unused = tf.multiply(x, new tf.Variable(0, { name: 'u' }), 'unused');
    const c = tf.add(b, a, 'c');
    return { g, x, a, b, c, unused };
  });
}

describe('compile: prune, schedule, liveness', () => {
  it('keeps only what the fetches need, in creation order', () => {
    const { g, x, c } = build();
    const plan = compile(g, [c], [], [x]);
    expect(plan.steps.map((s) => s.op.name)).toEqual(['a/y', 'a', 'b', 'c']);
    expect(plan.unfedPlaceholders).toEqual([]);
    expect(plan.fetchSlots).toHaveLength(1);
  });

  it('frees each value after its last reader, never a fetch', () => {
    const { g, x, a, b, c } = build();
    const plan = compile(g, [c, b], [], [x]);
    const slotOf = (t: tf.Tensor): number => {
      for (const s of plan.steps) {
        const i = s.op.outputs.indexOf(t);
        if (i >= 0) return s.outputs[i]!;
      }
      return plan.feedSlots.get(t)!;
    };
    const freedAt = new Map<number, string>();
    for (const s of plan.steps) for (const f of s.free) freedAt.set(f, s.op.name);
    expect(freedAt.get(slotOf(x))).toBe('a'); // the feed, after its only reader
    expect(freedAt.get(slotOf(a))).toBe('c'); // read by b and c
    expect(freedAt.has(slotOf(b))).toBe(false); // fetched
    expect(freedAt.has(slotOf(c))).toBe(false); // fetched
  });

  it('a fed tensor cuts its upstream; an unfed placeholder is reported', () => {
    const { g, a, c } = build();
    expect(compile(g, [c], [], [a]).steps.map((s) => s.op.name)).toEqual(['b', 'c']);
    expect(compile(g, [c], [], []).unfedPlaceholders.map((o) => o.name)).toEqual(['x']);
  });

  it('targets bring their control inputs; an unread feed is freed first', () => {
    const { g, x, b, unused } = build();
    const grp = g.asDefault(() => tf.group(b, unused));
    const plan = compile(g, [], [grp], [x]);
    // A variable is not a step: its reader takes the variable's current value when it runs.
    expect(plan.steps.map((s) => s.op.name)).toEqual(['a/y', 'a', 'b', 'u/read', 'unused', 'group_deps']);
    expect(plan.steps[3]!.inputs).toEqual(['u']);
    const c2 = g.asDefault(() => tf.constant(1));
    const p2 = compile(g, [c2], [], [x]);
    expect(p2.unreadFeeds).toEqual([p2.feedSlots.get(x)]);
  });

  it('assignment ops do not read their variable ref', () => {
    const g = new tf.Graph();
    const { v, asg } = g.asDefault(() => {
      const v = new tf.Variable(0, { name: 'v' });
      return { v, asg: tf.assign(v, 1) };
    });
    const names = compile(g, [asg], [], []).steps.map((s) => s.op.name);
    expect(names).toEqual(['Assign/value', 'Assign']);
    void v;
  });
});

describe('plan cache', () => {
  it('compiles once per (fetches, feeds, graph version)', async () => {
    const before = numTensors();
    const { g, x, c, b } = build();
    const sess = new tf.Session({ graph: g });
    const calls = (): number => vi.mocked(compile).mock.calls.length;
    await sess.run(c, { 'x:0': [1, 2] });
    await sess.run(c, new Map([[x, [3, 4]]]));
    sess.runSync(c, [[x, [3, 4]]]);
    expect(calls()).toBe(1);
    await sess.run([c, b], { 'x:0': [1, 2] });
    expect(calls()).toBe(2);
    await sess.run(c, { 'a:0': [1, 2] });
    expect(calls()).toBe(3);
    g.asDefault(() => tf.constant(3)); // the graph grew: plans are recompiled
    expect((await sess.run(c, { 'x:0': [1, 2] })).toArray()).toEqual([6, 12]);
    expect(calls()).toBe(4);
    const step = sess.makeCallable(c, [x]);
    await step([0, 0]);
    await step([1, 1]);
    expect(calls()).toBe(4);
    sess.close();
    expect(numTensors()).toBe(before);
  });
});
