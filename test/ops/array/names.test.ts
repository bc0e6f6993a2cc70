import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';

afterEach(() => tf.resetDefaultGraph());

// What TF 2.21 (tf.compat.v1 graph mode) writes for the same builders: node name, op type,
// inputs and attr names (test/fixtures/array/make_tf_names.py).
type Node = [string, string, string[], string[]];
const TF: Record<string, Node[]> = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/array/tf_names.json'), 'utf8'),
) as Record<string, Node[]>;

const x = (): tf.Tensor => tf.placeholder('float32', [2, 3], 'x');
const y = (): tf.Tensor => tf.placeholder('float32', [2, 3], 'y');

const BUILDERS: Record<string, () => unknown> = {
  transpose: () => tf.transpose(x()),
  concat: () => tf.concat([x(), y()], 0),
  stack: () => tf.stack([x(), y()], 1),
  unstack: () => tf.unstack(x(), { axis: 1 }),
  split_int: () => tf.split(x(), 3, 1),
  split_list: () => tf.split(x(), [1, 2], 1),
  slice: () => tf.slice(x(), [0, 1], [-1, 2]),
  strided: () => tf.stridedSlice(x(), [0, 1], [2, 3], [1, 1]),
  gather: () => tf.gather(x(), [1, 0], { axis: 1 }),
  expand: () => tf.expandDims(x(), 1),
  squeeze: () => tf.squeeze(tf.placeholder('float32', [1, 2, 1], 'x'), [0]),
  tile: () => tf.tile(x(), [2, 1]),
  pad: () =>
    tf.pad(x(), [
      [1, 1],
      [0, 2],
    ]),
  pad_cv: () =>
    tf.pad(
      x(),
      [
        [1, 1],
        [0, 2],
      ],
      'CONSTANT',
      { constantValues: 3 },
    ),
  pad_reflect: () =>
    tf.pad(
      x(),
      [
        [1, 1],
        [0, 2],
      ],
      'REFLECT',
    ),
  size_unk: () => tf.size(tf.placeholder('float32', [null], 'x')),
  rank_unk: () => tf.rank(tf.placeholder('float32', null, 'x')),
  shape_unk: () => tf.shape(tf.placeholder('float32', [null], 'x')),
  onehot: () => tf.oneHot([0, 2], 3),
  stopgrad: () => tf.stopGradient(x()),
  pwd: () => tf.placeholderWithDefault(x(), [null, 3]),
  bcast: () => tf.broadcastTo(x(), [4, 2, 3]),
  range: () => tf.range(5),
  fill: () => tf.fill([2, 3], 9),
  zeros_like_unk: () => tf.zerosLike(tf.placeholder('float32', [null, 3], 'x')),
  invperm: () => tf.invertPermutation([2, 0, 1]),
};

describe('GraphDef nodes as TF1 writes them', () => {
  it('covers every fixture entry', () => {
    expect(Object.keys(BUILDERS).sort()).toEqual(Object.keys(TF).sort());
  });

  it.each(Object.keys(TF))('%s', (key) => {
    const g = new tf.Graph();
    g.asDefault(() => BUILDERS[key]!());
    const ours = g
      .asGraphDef()
      .node.map((n): Node => [n.name, n.op, n.input ?? [], Object.keys(n.attr ?? {}).sort()]);
    // Node order may differ where TF converts arguments in another order; names and contents may not.
    const byName = (a: Node, b: Node): number => a[0].localeCompare(b[0]);
    expect(ours.sort(byName)).toEqual([...TF[key]!].sort(byName));
  });
});

describe('autopacking and list names as TF1', () => {
  it('a list holding tensors becomes <op>/<input> Pack with index-named Consts', () => {
    const x = tf.placeholder('float32', [null, 2, 3], 'x');
    const y = tf.reshape(x, [
      tf.stridedSlice(tf.shape(x), [0], [1], [1], { shrinkAxisMask: 1 }),
      -1,
    ]);
    const t = tf.tile(x, [
      tf.stridedSlice(tf.shape(x), [0], [1], [1], { shrinkAxisMask: 1 }),
      1,
      1,
    ]);
    const names = tf
      .getDefaultGraph()
      .getOperations()
      .map((o) => [o.name, o.type]);
    expect(names).toContainEqual(['Reshape/shape/1', 'Const']);
    expect(names).toContainEqual(['Reshape/shape', 'Pack']);
    expect(names).toContainEqual(['Tile/multiples/2', 'Const']);
    expect(y.op.inputs[1]!.op.name).toBe('Reshape/shape');
    expect(y.shape.toString()).toBe('(?, ?)');
    expect(t.shape.toString()).toBe('(?, 2, 3)');
  });

  it('stack along axis 0: a Const for host values, autopacked when mixed; list inputs named values_<i>', () => {
    const x = tf.placeholder('float32', [], 'x');
    expect(tf.stack([1, 2]).op.type).toBe('Const');
    tf.stack([x, 1, 2]);
    tf.concat([[1, 2], [3]], 0);
    const names = tf
      .getDefaultGraph()
      .getOperations()
      .map((o) => o.name);
    expect(names).toEqual([
      'x',
      'stack',
      'stack_1/1',
      'stack_1/2',
      'stack_1',
      'concat/values_0',
      'concat/values_1',
      'concat/axis',
      'concat',
    ]);
  });
});
