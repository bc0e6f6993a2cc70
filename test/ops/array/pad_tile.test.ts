import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { type OpCase } from '../../util/op_cases.js';
import { build, iota, nd, padRef, rand, tileRef, runBoth } from './ref.js';

afterEach(() => tf.resetDefaultGraph());

const p = (shape: (number | null)[] | null, name = 'x', dtype: tf.DType = 'float32'): tf.Tensor =>
  tf.placeholder(dtype, shape, name);
const x23 = iota([2, 3]);
const x34 = rand([3, 4], 11);

describe('pad', () => {
  it.each<OpCase>([
    {
      name: 'CONSTANT (Pad)',
      build: () =>
        tf.pad(p([2, 3]), [
          [1, 1],
          [0, 2],
        ]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(4, 5)',
      expected: padRef(
        x23,
        [
          [1, 1],
          [0, 2],
        ],
        'CONSTANT',
      ),
    },
    {
      name: 'constant_values (PadV2)',
      build: () =>
        tf.pad(
          p([2, 3]),
          [
            [0, 1],
            [2, 0],
          ],
          'CONSTANT',
          { constantValues: 3 },
        ),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(3, 5)',
      expected: padRef(
        x23,
        [
          [0, 1],
          [2, 0],
        ],
        'CONSTANT',
        3,
      ),
    },
    {
      name: 'REFLECT',
      build: () =>
        tf.pad(
          p([3, 4]),
          [
            [2, 1],
            [3, 2],
          ],
          'REFLECT',
        ),
      feeds: { 'x:0': nd('float32', x34) },
      staticShape: '(6, 9)',
      expected: padRef(
        x34,
        [
          [2, 1],
          [3, 2],
        ],
        'REFLECT',
      ),
    },
    {
      name: 'symmetric (any case)',
      build: () =>
        tf.pad(
          p([3, 4]),
          [
            [3, 2],
            [0, 4],
          ],
          'symmetric',
        ),
      feeds: { 'x:0': nd('float32', x34) },
      staticShape: '(8, 8)',
      expected: padRef(
        x34,
        [
          [3, 2],
          [0, 4],
        ],
        'SYMMETRIC',
      ),
    },
    {
      name: 'unknown dim',
      build: () =>
        tf.pad(p([null, 3]), [
          [1, 1],
          [0, 0],
        ]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(?, 3)',
      expected: padRef(
        x23,
        [
          [1, 1],
          [0, 0],
        ],
        'CONSTANT',
      ),
    },
    {
      name: 'unknown rank',
      build: () =>
        tf.pad(p(null), [
          [1, 1],
          [0, 0],
        ]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(?, ?)',
      expected: padRef(
        x23,
        [
          [1, 1],
          [0, 0],
        ],
        'CONSTANT',
      ),
    },
    {
      name: 'paddings of unknown value',
      build: () => tf.pad(p([null, 3]), p([2, 2], 'pd', 'int32'), 'REFLECT'),
      feeds: {
        'x:0': nd('float32', x23),
        'pd:0': nd('int32', { shape: [2, 2], data: [1, 0, 2, 2] }),
      },
      staticShape: '(?, ?)',
      expected: padRef(
        x23,
        [
          [1, 0],
          [2, 2],
        ],
        'REFLECT',
      ),
    },
    {
      name: 'int32 PadV2',
      build: () =>
        tf.pad(tf.constant([1, 2], { dtype: 'int32' }), [[1, 2]], 'CONSTANT', {
          constantValues: 9,
        }),
      staticShape: '(5,)',
      dtype: 'int32',
      expected: { shape: [5], values: [9, 1, 2, 9, 9] },
    },
    {
      name: 'paddings rank vs input',
      build: () => tf.pad(p([2, 3]), [[1, 1]]),
      throws: /Shape must be rank 1 but is rank 2/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'negative paddings',
      build: () =>
        tf.pad(p([2, 3]), [
          [-1, 1],
          [0, 0],
        ]),
      throws: /Paddings must be non-negative/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'bad mode',
      build: () =>
        tf.pad(
          p([2, 3]),
          [
            [1, 1],
            [0, 0],
          ],
          'FOO',
        ),
      throws:
        /Value of argument `mode` expected to be one of "CONSTANT", "REFLECT", or "SYMMETRIC"\. Received `mode` = FOO/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'REFLECT too wide at run time',
      build: () =>
        tf.pad(
          p([2, 3]),
          [
            [2, 0],
            [0, 0],
          ],
          'REFLECT',
        ),
      feeds: { 'x:0': nd('float32', x23) },
      throws: /paddings must be less than the dimension size: 2, 0 not less than 2/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'SYMMETRIC too wide at run time',
      build: () =>
        tf.pad(
          p([2, 3]),
          [
            [3, 0],
            [0, 0],
          ],
          'SYMMETRIC',
        ),
      feeds: { 'x:0': nd('float32', x23) },
      throws: /paddings must be no greater than the dimension size: 3, 0 greater than 2/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'negative paddings at run time',
      build: () => tf.pad(p([2, 3]), p([2, 2], 'pd', 'int32')),
      feeds: {
        'x:0': nd('float32', x23),
        'pd:0': nd('int32', { shape: [2, 2], data: [-1, 0, 0, 0] }),
      },
      throws: /Paddings must be non-negative: -1 0/,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runBoth);

  it('builds Pad, PadV2 or MirrorPad with TF1 attrs', () => {
    const a = tf.pad(p([2, 3]), [
      [1, 1],
      [0, 2],
    ]);
    const b = tf.pad(
      a,
      [
        [1, 1],
        [0, 2],
      ],
      'CONSTANT',
      { constantValues: 3 },
    );
    const c = tf.pad(
      b,
      [
        [1, 1],
        [0, 2],
      ],
      'REFLECT',
    );
    expect([a, b, c].map((t) => [t.op.name, t.op.type])).toEqual([
      ['Pad', 'Pad'],
      ['PadV2', 'PadV2'],
      ['MirrorPad', 'MirrorPad'],
    ]);
    expect(b.op.inputs.map((t) => t.op.name)).toEqual([
      'Pad',
      'PadV2/paddings',
      'PadV2/constant_values',
    ]);
    expect([c.op.getAttr('mode'), c.op.getAttr('Tpaddings')]).toEqual(['REFLECT', 'int32']);
  });
});

describe('tile / broadcastTo', () => {
  it.each<OpCase>([
    {
      name: 'tile',
      build: () => tf.tile(p([2, 3]), [2, 3]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(4, 9)',
      expected: tileRef(x23, [2, 3]),
    },
    {
      name: 'tile unknown dim',
      build: () => tf.tile(p([null, 3]), [2, 1]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(?, 3)',
      expected: tileRef(x23, [2, 1]),
    },
    {
      name: 'tile by 0',
      build: () => tf.tile(p([null, 3]), [1, 0]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(?, 0)',
      expected: tileRef(x23, [1, 0]),
    },
    {
      name: 'tile unknown rank',
      build: () => tf.tile(p(null), [1, 2]),
      feeds: { 'x:0': nd('float32', x23) },
      staticShape: '(?, ?)',
      expected: tileRef(x23, [1, 2]),
    },
    {
      name: 'multiples of unknown value',
      build: () => tf.tile(p([2, 3]), p([2], 'm', 'int32')),
      feeds: { 'x:0': nd('float32', x23), 'm:0': nd('int32', { shape: [2], data: [3, 1] }) },
      staticShape: '(?, ?)',
      expected: tileRef(x23, [3, 1]),
    },
    {
      name: 'tile rank mismatch',
      build: () => tf.tile(p([2, 3]), [2]),
      throws: /Shape must be rank 2 but is rank 1/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'negative multiple at run time',
      build: () => tf.tile(p(null), p([2], 'm', 'int32')),
      feeds: { 'x:0': nd('float32', x23), 'm:0': nd('int32', { shape: [2], data: [2, -1] }) },
      throws: /Expected multiples\[1\] >= 0, but got -1/,
      throwsClass: tf.InvalidArgumentError,
    },
    {
      name: 'broadcastTo',
      build: () => tf.broadcastTo(p([3, 1]), [2, 3, 4]),
      feeds: { 'x:0': nd('float32', { shape: [3, 1], data: [1, 2, 3] }) },
      staticShape: '(2, 3, 4)',
      expected: build([2, 3, 4], (i) => i[1]! + 1),
    },
    {
      name: 'broadcastTo refines unknown target dims from the input',
      build: () => tf.broadcastTo(p([3, 1]), p([3], 's', 'int32')),
      feeds: {
        'x:0': nd('float32', { shape: [3, 1], data: [1, 2, 3] }),
        's:0': nd('int32', { shape: [3], data: [2, 3, 2] }),
      },
      staticShape: '(?, 3, ?)',
      expected: build([2, 3, 2], (i) => i[1]! + 1),
    },
    {
      name: 'broadcastTo zero size',
      build: () => tf.broadcastTo(p([1]), [0]),
      feeds: { 'x:0': nd('float32', { shape: [1], data: [4] }) },
      staticShape: '(0,)',
      expected: { shape: [0], values: [] },
    },
    {
      name: 'broadcastTo unknown rank input',
      build: () => tf.broadcastTo(p(null), [2, 3]),
      feeds: { 'x:0': nd('float32', { shape: [3], data: [1, 2, 3] }) },
      staticShape: '(2, 3)',
      expected: build([2, 3], (i) => i[1]! + 1),
    },
    {
      name: 'broadcastTo incompatible',
      build: () => tf.broadcastTo(p([2, 3]), [4, 3, 3]),
      throws: /Dimensions must be equal, but are 2 and 3/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'broadcastTo to a lower rank',
      build: () => tf.broadcastTo(p([2, 3]), [3]),
      throws: /Shape must be at most rank 1 but is rank 2/,
      throwsClass: tf.ValueError,
    },
    {
      name: 'broadcastTo incompatible at run time',
      build: () => tf.broadcastTo(p(null), [4, 3, 3]),
      feeds: { 'x:0': nd('float32', x23) },
      throws: /Incompatible shapes: \[2,3\] vs\. \[4,3,3\]/,
      throwsClass: tf.InvalidArgumentError,
    },
  ])('$name', runBoth);
});

describe('BroadcastGradientArgs', () => {
  it.each([
    [[2, 3], [3], [], [0]],
    [[2, 1], [1, 3], [1], [0]],
    [[], [2, 2], [0, 1], []],
    [[1, 1], [1], [0, 1], [0, 1]],
    [[1, 2], [1, 2], [], []],
  ])('%j vs %j gives %j and %j (TF BCast)', async (s0, s1, r0, r1) => {
    const { BroadcastGradientArgs } =
      await import('../../../src/ops/array/broadcast_gradient_args.js');
    const { applyOp } = await import('../../../src/ops/core/apply.js');
    const g = new tf.Graph();
    await g.asDefault(async () => {
      const a = p([s0.length], 'a', 'int32');
      const b = p([s1.length], 'b', 'int32');
      const outs = applyOp(BroadcastGradientArgs, [a, b]);
      const sess = new tf.Session({ graph: g });
      const [v0, v1] = (await sess.run(outs, {
        'a:0': nd('int32', { shape: [s0.length], data: s0 }),
        'b:0': nd('int32', { shape: [s1.length], data: s1 }),
      })) as tf.NDArray[];
      sess.close();
      expect([Array.from(v0!.data as Int32Array), Array.from(v1!.data as Int32Array)]).toEqual([
        r0,
        r1,
      ]);
    });
  });
});
