import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tf from '../../src/index.js';
import { buildScopeTree, opsOfGraph } from '../../src/graph/scope_tree.js';
import { graphSummary } from '../../src/graph/summary.js';
import { denseGraph } from './small_graphs.js';

const DENSE_SUMMARY = `Graph: 25 ops
________________________________________________________________________________
Scope                           Ops     Output Shape              Param #
================================================================================
x (Placeholder)                 1       (?, 4)                    0
________________________________________________________________________________
dense1/                         17      (?, 3)                    15
________________________________________________________________________________
step/                           4       ()                        1
________________________________________________________________________________
loss/                           3       ()                        0
================================================================================
Total params: 16
Trainable params: 15
Non-trainable params: 1
________________________________________________________________________________`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('graphSummary', () => {
  it('tabulates top-level scopes: op counts, the shapes they hand on, parameters', () => {
    expect(graphSummary(denseGraph(), { print: false })).toBe(DENSE_SUMMARY);
  });

  it('g.summary() prints the table and returns it; {print: false} only returns it', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const g = denseGraph();
    expect(g.summary()).toBe(DENSE_SUMMARY);
    expect(log).toHaveBeenCalledWith(DENSE_SUMMARY);
    log.mockClear();
    expect(g.summary({ print: false })).toBe(DENSE_SUMMARY);
    expect(log).not.toHaveBeenCalled();
  });

  it('an empty graph has an empty table and zero counts', () => {
    const text = new tf.Graph().summary({ print: false, lineLength: 40 });
    expect(text.split('\n')).toEqual([
      'Graph: 0 ops',
      '_'.repeat(40),
      'Scope           Ops Output Shape Param #',
      '='.repeat(40),
      '='.repeat(40),
      'Total params: 0',
      'Trainable params: 0',
      'Non-trainable params: 0',
      '_'.repeat(40),
    ]);
  });

  it('cuts long cells with an ellipsis and counts with thousands separators', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      tf.variableScope('a_rather_long_scope_name_for_a_narrow_table', {}, () =>
        tf.getVariable('w', { shape: [100, 30] }),
      );
    });
    const line = g.summary({ print: false, lineLength: 60 }).split('\n')[4]!;
    expect(line).toBe('a_rather_long_scope_na… 10    (100, 30)          3,000');
  });

  it('a variable not in any variable collection counts apart from trainable and non-trainable', () => {
    const g = new tf.Graph();
    g.asDefault(
      () => new tf.Variable(tf.zeros([2, 5]), { name: 'free', trainable: false, collections: [] }),
    );
    const lines = g.summary({ print: false }).split('\n');
    expect(lines.slice(-5, -1)).toEqual([
      'Total params: 10',
      'Trainable params: 0',
      'Non-trainable params: 0',
      'Params in no variable collection: 10',
    ]);
  });
});

describe('buildScopeTree', () => {
  it("puts an op named like a scope inside that scope, as TensorBoard does ('w' next to 'w/read')", () => {
    const root = buildScopeTree(opsOfGraph(denseGraph()));
    expect(root.ops.map((op) => op.name)).toEqual(['x']);
    expect(root.scopes.map((s) => s.path)).toEqual(['dense1', 'step', 'loss']);
    const dense = root.scopes[0]!;
    expect(dense.scopes.map((s) => s.path)).toEqual(['dense1/kernel', 'dense1/bias']);
    expect(dense.ops.map((op) => op.name)).toEqual(['dense1/MatMul', 'dense1/Add', 'dense1/Relu']);
    const kernel = dense.scopes[0]!;
    expect(kernel.ops.map((op) => op.name)).toEqual([
      'dense1/kernel',
      'dense1/kernel/Assign',
      'dense1/kernel/read',
    ]);
    expect(kernel.allOps).toHaveLength(10);
    expect(kernel.ops[0]!.variable).toEqual({ shape: new tf.TensorShape([4, 3]), trainable: true });
  });
});
