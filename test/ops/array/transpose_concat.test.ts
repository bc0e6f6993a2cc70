import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { type OpCase } from '../../util/op_cases.js';
import { at, build, concatRef, iota, nd, rand, transposeRef, type Arr, runBoth } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

const p = (shape: (number | null)[] | null, name = 'x', dtype: tf.DType = 'float32'): tf.Tensor =>
  tf.placeholder(dtype, shape, name);
const x234 = rand([2, 3, 4], 1);
const x23 = iota([2, 3]);
const y24 = iota([2, 4], 100);
const z13 = iota([1, 3], 50);

/** The i-th slice of `a` along `axis` (what unstack/stack move between). */
const part = (a: Arr, axis: number, i: number) => {
  const shape = a.shape.filter((_, d) => d !== axis);
  return build(shape, (idx) => {
    const src = [...idx];
    src.splice(axis, 0, i);
    return at(a, src);
  });
};

describe('transpose', () => {
  it.each<OpCase>([
    {
      name: 'default reverses',
      build: () => tf.transpose(p([2, 3, 4])),
      feeds: { 'x:0': nd('float32', x234) },
      staticShape: '(4, 3, 2)',
      expected: transposeRef(x234, [2, 1, 0]),
    },
    {
      name: 'perm [0, 2, 1]',
      build: () => tf.transpose(p([2, null, 4]), [0, 2, 1]),
      feeds: { 'x:0': nd('float32', x234) },
      staticShape: '(2, 4, ?)',
      expected: transposeRef(x234, [0, 2, 1]),
    },
    {
      name: 'negative perm entries fail when run',
      build: () => tf.transpose(p([2, 3, 4]), [-1, 0, 1]),
      feeds: { 'x:0': nd('float32', x234) },
      throws: /-1 is out of range \[0 \.\. 3\)/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'default on unknown rank',
      build: () => tf.transpose(p(null)),
      feeds: { 'x:0': nd('float32', x234) },
      staticShape: '<unknown>',
      expected: transposeRef(x234, [2, 1, 0]),
    },
    {
      name: 'perm of unknown value',
      build: () => tf.transpose(p([2, 3, 4]), p([3], 'perm', 'int32')),
      feeds: { 'x:0': nd('float32', x234), 'perm:0': nd('int32', { shape: [3], data: [1, 2, 0] }) },
      staticShape: '(?, ?, ?)',
      expected: transposeRef(x234, [1, 2, 0]),
    },
    {
      name: 'unknown rank, known perm',
      build: () => tf.transpose(p(null), [1, 0, 2]),
      feeds: { 'x:0': nd('float32', x234) },
      staticShape: '(?, ?, ?)',
      expected: transposeRef(x234, [1, 0, 2]),
    },
    {
      name: 'int32',
      build: () =>
        tf.transpose(
          tf.constant(
            [
              [1, 2, 3],
              [4, 5, 6],
            ],
            { dtype: 'int32' },
          ),
        ),
      staticShape: '(3, 2)',
      dtype: 'int32',
      expected: transposeRef(iota([2, 3], 1), [1, 0]),
    },
    {
      name: 'perm length',
      build: () => tf.transpose(p([2, 3]), [0, 1, 2]),
      throws: /Dimension must be 2 but is 3/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'perm out of range',
      build: () => tf.transpose(p([2, 3]), [0, 2]),
      throws: /perm dim 2 is out of range of input rank 2/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'duplicate perm (run time)',
      build: () => tf.transpose(p([2, 3]), [0, 0]),
      feeds: { 'x:0': nd('float32', x23) },
      throws: /1 is missing from \{0,0\}\./,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'perm length at run time',
      build: () => tf.transpose(p(null), p(null, 'perm', 'int32')),
      feeds: { 'x:0': nd('float32', x23), 'perm:0': nd('int32', { shape: [3], data: [0, 1, 2] }) },
      throws: /transpose expects a vector of size 2\. But input\(1\) is a vector of size 3/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'invertPermutation',
      build: () => tf.invertPermutation([2, 0, 3, 1]),
      staticShape: '(4,)',
      dtype: 'int32',
      expected: { shape: [4], values: [1, 3, 0, 2] },
    },
    {
      name: 'invertPermutation duplicate',
      build: () => tf.invertPermutation(p([3], 'v', 'int32')),
      feeds: { 'v:0': nd('int32', { shape: [3], data: [0, 0, 1] }) },
      throws: /0 is duplicated in the input\./,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runBoth);

  it('infers negative perm entries as TF shape functions do', () => {
    expect(tf.transpose(p([2, 3, 4]), [-1, 0, 1]).shape.toString()).toBe('(4, 2, 3)');
  });

  it('builds transpose/perm, or Rank/sub/Range for an unknown rank, as TF1', () => {
    tf.transpose(p([2, 3]));
    tf.transpose(p(null, 'u'));
    const ops = tf
      .getDefaultGraph()
      .getOperations()
      .map((o) => [o.name, o.type]);
    expect(ops).toEqual([
      ['x', 'Placeholder'],
      ['transpose/perm', 'Const'],
      ['transpose', 'Transpose'],
      ['u', 'Placeholder'],
      ['transpose_1/Rank', 'Rank'],
      ['transpose_1/sub/y', 'Const'],
      ['transpose_1/sub', 'Sub'],
      ['transpose_1/Range/limit', 'Const'],
      ['transpose_1/Range/delta', 'Const'],
      ['transpose_1/Range', 'Range'],
      ['transpose_1', 'Transpose'],
    ]);
    expect(tf.getDefaultGraph().getOperationByName('transpose').getAttr('Tperm')).toBe('int32');
  });
});

describe('concat', () => {
  it.each<OpCase>([
    {
      name: 'axis 0',
      build: () => tf.concat([p([2, 3]), p([1, 3], 'z')], 0),
      feeds: { 'x:0': nd('float32', x23), 'z:0': nd('float32', z13) },
      staticShape: '(3, 3)',
      expected: concatRef([x23, z13], 0),
    },
    {
      name: 'axis 1',
      build: () => tf.concat([p([2, 3]), p([2, 4], 'y')], 1),
      feeds: { 'x:0': nd('float32', x23), 'y:0': nd('float32', y24) },
      staticShape: '(2, 7)',
      expected: concatRef([x23, y24], 1),
    },
    {
      name: 'axis -1, unknown dims merge',
      build: () => tf.concat([p([2, null]), p([null, 4], 'y')], -1),
      feeds: { 'x:0': nd('float32', x23), 'y:0': nd('float32', y24) },
      staticShape: '(2, ?)',
      expected: concatRef([x23, y24], 1),
    },
    {
      name: 'unknown rank input',
      build: () => tf.concat([p(null), p([null, 3], 'z')], 0),
      feeds: { 'x:0': nd('float32', x23), 'z:0': nd('float32', z13) },
      staticShape: '(?, 3)',
      expected: concatRef([x23, z13], 0),
    },
    {
      name: 'all unknown rank',
      build: () => tf.concat([p(null), p(null, 'z')], 0),
      feeds: { 'x:0': nd('float32', x23), 'z:0': nd('float32', z13) },
      staticShape: '<unknown>',
      expected: concatRef([x23, z13], 0),
    },
    {
      name: 'axis tensor',
      build: () => tf.concat([p([2, 3]), p([2, 4], 'y')], p([], 'a', 'int32')),
      feeds: { 'x:0': nd('float32', x23), 'y:0': nd('float32', y24), 'a:0': 1 },
      staticShape: '(?, ?)',
      expected: concatRef([x23, y24], 1),
    },
    {
      name: 'three int32',
      build: () =>
        tf.concat(
          [
            tf.constant([1], { dtype: 'int32' }),
            tf.constant([2, 3], { dtype: 'int32' }),
            tf.constant([4], { dtype: 'int32' }),
          ],
          0,
        ),
      staticShape: '(4,)',
      dtype: 'int32',
      expected: { shape: [4], values: [1, 2, 3, 4] },
    },
    {
      name: 'single value is an identity',
      build: () => tf.concat([p([2, 3])], 0),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(2, 3)',
      expected: concatRef([x23], 0),
    },
    {
      name: 'rank mismatch',
      build: () => tf.concat([p([2, 3]), p([2], 'y')], 0),
      throws: /Shape must be rank 2 but is rank 1/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'dim mismatch',
      build: () => tf.concat([p([2, 3]), p([3, 4], 'y')], 0),
      throws:
        /Dimension 0 in both shapes must be equal, but are 3 and 4\. Shapes are \[3\] and \[4\]\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'axis out of range',
      build: () => tf.concat([p([2, 3]), p([2, 3], 'y')], 2),
      throws: /Shape must be at least rank 3 but is rank 2/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'scalars',
      build: () => tf.concat([p([]), p([], 'y')], 0),
      throws: /Can't concatenate scalars \(use tf\.stack instead\)/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'dim mismatch at run time',
      build: () => tf.concat([p(null), p(null, 'y')], 0),
      feeds: { 'x:0': nd('float32', x23), 'y:0': nd('float32', y24) },
      throws:
        /ConcatOp : Dimension 1 in both shapes must be equal: shape\[0\] = \[2,3\] vs\. shape\[1\] = \[2,4\]/,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runBoth);

  it('builds ConcatV2 with N, T and Tidx and the axis last; one value gives concat/concat', () => {
    const c = tf.concat([p([2, 3]), p([2, 3], 'y')], 0);
    expect(c.op.type).toBe('ConcatV2');
    expect(c.op.inputs.map((t) => t.op.name)).toEqual(['x', 'y', 'concat/axis']);
    expect([c.op.getAttr('N'), c.op.getAttr('T'), c.op.getAttr('Tidx')]).toEqual([
      2,
      'float32',
      'int32',
    ]);
    const one = tf.concat([p([2], 'z')], 0);
    expect([one.op.name, one.op.type]).toEqual(['concat_1/concat', 'Identity']);
  });
});

describe('stack / unstack', () => {
  it.each<OpCase>([
    {
      name: 'stack axis 0',
      build: () => tf.stack([p([2, 3]), p([2, 3], 'y')]),
      feeds: { 'x:0': nd('float32', x23), 'y:0': nd('float32', iota([2, 3], 10)) },
      staticShape: '(2, 2, 3)',
      expected: build([2, 2, 3], (i) =>
        i[0] === 0 ? at(x23, [i[1]!, i[2]!]) : 10 + at(x23, [i[1]!, i[2]!]),
      ),
    },
    {
      name: 'stack axis -1 merges unknown dims',
      build: () => tf.stack([p([2, null]), p([null, 3], 'y')], -1),
      feeds: { 'x:0': nd('float32', x23), 'y:0': nd('float32', iota([2, 3], 10)) },
      staticShape: '(2, 3, 2)',
      expected: build([2, 3, 2], (i) => at(x23, [i[0]!, i[1]!]) + 10 * i[2]!),
    },
    {
      name: 'stack unknown rank',
      build: () => tf.stack([p(null), p(null, 'y')], 1),
      feeds: { 'x:0': nd('float32', x23), 'y:0': nd('float32', iota([2, 3], 10)) },
      staticShape: '<unknown>',
      expected: build([2, 2, 3], (i) => at(x23, [i[0]!, i[2]!]) + 10 * i[1]!),
    },
    {
      name: 'stack scalars',
      build: () => tf.stack([1, 2, 3]),
      staticShape: '(3,)',
      expected: { shape: [3], values: [1, 2, 3] },
    },
    {
      name: 'unstack axis 0 part 1',
      build: () => tf.unstack(p([2, 3, 4]))[1]!,
      feeds: { 'x:0': nd('float32', x234) },
      staticShape: '(3, 4)',
      expected: part(x234, 0, 1),
    },
    {
      name: 'unstack axis 2 part 3',
      build: () => tf.unstack(p([null, 3, 4]), { axis: 2 })[3]!,
      feeds: { 'x:0': nd('float32', x234) },
      staticShape: '(?, 3)',
      expected: part(x234, 2, 3),
    },
    {
      name: 'unstack unknown rank with num',
      build: () => tf.unstack(p(null), { num: 3, axis: 1 })[2]!,
      feeds: { 'x:0': nd('float32', x234) },
      staticShape: '<unknown>',
      expected: part(x234, 1, 2),
    },
    {
      name: 'stack shape mismatch',
      build: () => tf.stack([p([2, 3]), p([3, 2], 'y')]),
      throws:
        /Dimension 0 in both shapes must be equal, but are 2 and 3\. Shapes are \[2,3\] and \[3,2\]\./,
      throwsClass: tf.ValueError,
    },
    {
      name: 'stack axis out of range',
      build: () => tf.stack([p([2, 3]), p([2, 3], 'y')], 3),
      throws: /Argument `axis` = 3 not in range \[-3, 3\)/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'stack mismatch at run time',
      build: () => tf.stack([p(null), p(null, 'y')]),
      feeds: { 'x:0': nd('float32', x23), 'y:0': nd('float32', iota([3, 2])) },
      throws:
        /Shapes of all inputs must match: values\[0\]\.shape = \[2,3\] != values\[1\]\.shape = \[3,2\]/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'unstack unknown num',
      build: () => tf.unstack(p([null, 3]))[0]!,
      throws: /Cannot infer argument `num` from shape \(\?, 3\)/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'unstack unknown rank',
      build: () => tf.unstack(p(null), { axis: 1 })[0]!,
      throws: /Cannot infer argument `num` from shape <unknown>/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'unstack axis out of range',
      build: () => tf.unstack(p([2, 3]), { axis: 2 })[0]!,
      throws: /Argument `axis` = 2 not in range \[-2, 2\)/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'unstack wrong num',
      build: () => tf.unstack(p([2, 3]), { num: 3 })[0]!,
      throws: /Dimension must be 3 but is 2/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'unstack wrong num at run time',
      build: () => tf.unstack(p(null), { num: 3 })[0]!,
      feeds: { 'x:0': nd('float32', x23) },
      throws: /Input shape axis 0 must equal 3, got shape \[2,3\]/,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runBoth);

  it('builds Pack with N and axis, Unpack with num and axis', () => {
    const s = tf.stack([p([2, 3]), p([2, 3], 'y')], 1);
    expect([
      s.op.name,
      s.op.type,
      s.op.getAttr('N'),
      s.op.getAttr('axis'),
      s.op.getAttr('T'),
    ]).toEqual(['stack', 'Pack', 2, 1, 'float32']);
    const u = tf.unstack(p([2, 3], 'z'), { axis: 1 });
    expect(u.map((t) => t.name)).toEqual(['unstack:0', 'unstack:1', 'unstack:2']);
    expect([u[0]!.op.type, u[0]!.op.getAttr('num'), u[0]!.op.getAttr('axis')]).toEqual([
      'Unpack',
      3,
      1,
    ]);
  });
});

describe('split', () => {
  const cols = (a: Arr, from: number, n: number) =>
    build([a.shape[0]!, n], (i) => at(a, [i[0]!, from + i[1]!]));
  it.each<OpCase>([
    {
      name: 'split 3 ways axis 1',
      build: () => tf.split(p([2, 3]), 3, 1)[2]!,
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(2, 1)',
      expected: cols(x23, 2, 1),
    },
    {
      name: 'split sizes [1, 2]',
      build: () => tf.split(p([2, 3]), [1, 2], 1)[1]!,
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(2, 2)',
      expected: cols(x23, 1, 2),
    },
    {
      name: 'split sizes [1, -1]',
      build: () => tf.split(p([2, 3]), [1, -1], 1)[1]!,
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(2, 2)',
      expected: cols(x23, 1, 2),
    },
    {
      name: 'split unknown dim',
      build: () => tf.split(p([2, null]), 3, 1)[0]!,
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(2, ?)',
      expected: cols(x23, 0, 1),
    },
    {
      name: 'split unknown rank',
      build: () => tf.split(p(null), 3, 1)[1]!,
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '<unknown>',
      expected: cols(x23, 1, 1),
    },
    {
      name: 'split sizes, unknown dim',
      build: () => tf.split(p([2, null]), [1, -1], -1)[1]!,
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(2, ?)',
      expected: cols(x23, 1, 2),
    },
    {
      name: 'split sizes tensor of unknown value',
      build: () => tf.split(p([2, 3]), p([2], 's', 'int32'), 1)[0]!,
      feeds: { 'x:0': nd('float32', x23), 's:0': nd('int32', { shape: [2], data: [2, 1] }) },
      staticShape: '(2, ?)',
      expected: cols(x23, 0, 2),
    },
    {
      name: 'split uneven',
      build: () => tf.split(p([2, 3]), 2, 1)[0]!,
      throws: /Dimension size must be evenly divisible by 2 but is 3/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'split sizes do not add up',
      build: () => tf.split(p([2, 3]), [1, 1], 1)[0]!,
      throws: /can't split axis of size 3 into pieces of size \[1,1\]/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'split axis out of range',
      build: () => tf.split(p([2, 3]), 3, 2)[0]!,
      throws: /Dimension size, given by scalar input 2 must be in range \[-2, 2\)/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'split uneven at run time',
      build: () => tf.split(p(null), 2, 1)[0]!,
      feeds: { 'x:0': nd('float32', x23) },
      throws:
        /Number of ways to split should evenly divide the split dimension, but got split_dim 1 \(size = 3\) and num_split 2/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'split sizes at run time',
      build: () => tf.split(p(null), [1, 1], 1)[0]!,
      feeds: { 'x:0': nd('float32', x23) },
      throws:
        /Determined shape must either match input shape along split_dim exactly if fully specified/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'split sizes of unknown length',
      build: () => tf.split(p([2, 3]), p([null], 's', 'int32'), 1)[0]!,
      throws: /Cannot infer argument `num` from shape \(\?,\)/,
      throwsClass: tf.ValueError,
    },
  ])('$name', runBoth);

  it('builds Split (split_dim first) for a number, SplitV with a Const for a list, as TF1', () => {
    const a = tf.split(p([2, 3]), 3, 1);
    expect(a.map((t) => t.name)).toEqual(['split:0', 'split:1', 'split:2']);
    expect(a[0]!.op.inputs.map((t) => t.op.name)).toEqual(['split/split_dim', 'x']);
    expect([a[0]!.op.type, a[0]!.op.getAttr('num_split')]).toEqual(['Split', 3]);
    const b = tf.split(p([2, 3], 'y'), [1, 2], 1);
    expect(b[0]!.op.inputs.map((t) => t.op.name)).toEqual(['y', 'Const', 'split_1/split_dim']);
    expect([b[0]!.op.type, b[0]!.op.getAttr('num_split'), b[0]!.op.getAttr('Tlen')]).toEqual([
      'SplitV',
      2,
      'int32',
    ]);
  });
});
