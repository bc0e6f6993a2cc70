import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../../src/index.js';
import { expectClose } from '../../util/op_cases.js';
import { gradcheck, type GradCase } from '../../util/gradcheck.js';
import { expectNoLeak } from '../../util/leaks.js';

afterEach(() => tf.resetDefaultGraph());

/** Runs `fetches` with feeds in a fresh session, checking nothing leaks. */
async function run(fetches: tf.Tensor[], feeds: Record<string, unknown> = {}): Promise<number[][]> {
  return expectNoLeak(async () => {
    const sess = new tf.Session();
    const out = (await sess.run(fetches, feeds as never)) as tf.NDArray[];
    sess.close();
    return out.map((o) => Array.from(o.data as ArrayLike<number>));
  });
}

describe('gradient paths through math ops', () => {
  it('sums the gradients of several ys', async () => {
    const x = tf.placeholder('float32', [3], 'x');
    const [g] = tf.gradients([tf.square(x), tf.multiply(x, 3)], x);
    const [v] = await run([g!], { 'x:0': [1, 2, -1] });
    expectClose(v!, [5, 7, 1]);
  });

  it('adds the gradients of every path with one AddN', async () => {
    const x = tf.placeholder('float32', [2], 'x');
    const y = tf.addN([tf.exp(x), tf.multiply(x, 2), tf.negative(x)]);
    const [g] = tf.gradients(y, x);
    expect(g!.op.type).toBe('AddN');
    expect(g!.op.inputs.length).toBe(3);
    const [v] = await run([g!], { 'x:0': [0, 1] });
    expectClose(v!, [1 + 2 - 1, Math.E + 2 - 1]);
  });

  it('does not differentiate integer tensors, nor through an integer cast', async () => {
    const i = tf.placeholder('int32', [2], 'i');
    const x = tf.placeholder('float32', [2], 'x');
    const y = tf.multiply(tf.cast(i, 'float32'), x);
    const [gi, gx] = tf.gradients(y, [i, x]);
    expect(gi).toBeNull();
    const [v] = await run([gx!], { 'i:0': [3, 4], 'x:0': [1, 1] });
    expectClose(v!, [3, 4]);
    // float -> int -> float: the int cast stops the gradient.
    expect(tf.gradients(tf.cast(tf.cast(x, 'int32'), 'float32'), x)).toEqual([null]);
    // Comparisons and ArgMax are not differentiable; Floor, Round, FloorDiv give no gradient.
    expect(tf.gradients(tf.cast(tf.greater(x, 0), 'float32'), x)).toEqual([null]);
    expect(tf.gradients(tf.floor(x), x)).toEqual([null]);
    expect(tf.gradients(tf.round(x), x)).toEqual([null]);
    expect(tf.gradients(tf.floordiv(x, 2), x)).toEqual([null]);
  });

  it('takes gradYs and stopGradients', async () => {
    const x = tf.placeholder('float32', [2], 'x');
    const h = tf.square(x);
    const y = tf.multiply(h, x);
    const [g] = tf.gradients(y, x, tf.constant([1, 10]));
    const [gs] = tf.gradients(y, x, null, { stopGradients: [h] });
    const [v, vs] = await run([g!, gs!], { 'x:0': [1, 2] });
    expectClose(v!, [3, 120]);
    expectClose(vs!, [1, 4]);
  });

  it('builds gradient ops under gradients/<op>_grad, with TF’s fused gradient ops', () => {
    const x = tf.placeholder('float32', [2], 'x');
    const [gs] = tf.gradients(tf.sqrt(x, 'root'), x);
    expect(gs!.op.type).toBe('SqrtGrad');
    expect(gs!.op.name).toBe('gradients/root_grad/SqrtGrad');
    expect(tf.gradients(tf.rsqrt(x), x)[0]!.op.type).toBe('RsqrtGrad');
    expect(tf.gradients(tf.reciprocal(x), x)[0]!.op.type).toBe('ReciprocalGrad');
    // Square's gradient waits for the incoming gradient (a control dependency, as in TF).
    const [gq] = tf.gradients(tf.square(x), x);
    expect(gq!.op.name).toMatch(/^gradients_\d+\/Square_grad\/Mul_1$/);
    const scope = gq!.op.name.slice(0, gq!.op.name.lastIndexOf('/') + 1);
    const gated = tf
      .getDefaultGraph()
      .getOperations()
      .filter((op) => op.name.startsWith(scope) && op.controlInputs.length > 0);
    expect(gated.length).toBeGreaterThan(0);
  });
});

describe('gradient rules, exact values', () => {
  it('Max/Min split the gradient equally among ties', async () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    const [gmax] = tf.gradients(tf.reduceMax(x, 1), x);
    const [gmin] = tf.gradients(tf.reduceMin(x), x);
    const [a] = await run([gmax!], {
      'x:0': [
        [1, 3, 3],
        [2, 2, 2],
      ],
    });
    expectClose(a!, [0, 0.5, 0.5, 1 / 3, 1 / 3, 1 / 3]);
    const [b] = await run([gmin!], {
      'x:0': [
        [2, 3, 2],
        [2, 5, 2],
      ],
    });
    expectClose(b!, [1 / 4, 0, 1 / 4, 1 / 4, 0, 1 / 4]);
  });

  it('Maximum sends ties to x, Minimum too', async () => {
    const x = tf.placeholder('float32', [3], 'x');
    const y = tf.placeholder('float32', [3], 'y');
    const [gx, gy] = tf.gradients(tf.maximum(x, y), [x, y]);
    const [nx, ny] = tf.gradients(tf.minimum(x, y), [x, y]);
    const [a, b, c, d] = await run([gx!, gy!, nx!, ny!], { 'x:0': [1, 2, 3], 'y:0': [2, 2, 2] });
    expectClose(a!, [0, 1, 1]);
    expectClose(b!, [1, 0, 0]);
    expectClose(c!, [1, 1, 0]);
    expectClose(d!, [0, 0, 1]);
  });

  it('Pow: the exponent gradient is 0 where x <= 0 (no NaN), the base gradient y x^(y-1)', async () => {
    const x = tf.placeholder('float32', [3], 'x');
    const y = tf.placeholder('float32', [3], 'y');
    const [gx, gy] = tf.gradients(tf.pow(x, y), [x, y]);
    const [a, b] = await run([gx!, gy!], { 'x:0': [0, -1, 2], 'y:0': [2, 2, 3] });
    expectClose(a!, [0, -2, 12]);
    expectClose(b!, [0, 0, 8 * Math.log(2)]);
  });

  it('Prod handles zeros without dividing by them', async () => {
    const x = tf.placeholder('float32', [2, 3], 'x');
    const [g] = tf.gradients(tf.reduceProd(x, 1), x);
    const [gAll] = tf.gradients(tf.reduceProd(x), x);
    const [a, b] = await run([g!, gAll!], {
      'x:0': [
        [2, 0, 3],
        [0, 0, 5],
      ],
    });
    expectClose(a!, [0, 6, 0, 0, 0, 0]);
    expectClose(b!, [0, 0, 0, 0, 0, 0]);
    const [c] = await run([gAll!], {
      'x:0': [
        [2, 0, 3],
        [1, 4, 5],
      ],
    });
    expectClose(c!, [0, 2 * 3 * 20, 0, 0, 0, 0]);
  });

  it('Mean divides by the count known only at run time', async () => {
    const x = tf.placeholder('float32', [null, 3], 'x');
    const [g] = tf.gradients(tf.reduceMean(x), x);
    const [g0] = tf.gradients(tf.reduceMean(x, 0), x);
    expect(g!.shape.toString()).toBe('(?, 3)');
    const [a, b] = await run([g!, g0!], {
      'x:0': [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
        [0, 0, 0],
      ],
    });
    expectClose(a!, new Array(12).fill(1 / 12));
    expectClose(b!, new Array(12).fill(1 / 4));
  });

  it('Select and Abs', async () => {
    const x = tf.placeholder('float32', [3], 'x');
    const y = tf.placeholder('float32', [3], 'y');
    const [gx, gy] = tf.gradients(tf.where(tf.constant([true, false, true]), x, y), [x, y]);
    const [ga] = tf.gradients(tf.abs(x), x);
    const [a, b, c] = await run([gx!, gy!, ga!], { 'x:0': [-2, 0, 3], 'y:0': [1, 1, 1] });
    expectClose(a!, [1, 0, 1]);
    expectClose(b!, [0, 1, 0]);
    expectClose(c!, [-1, 0, 1]);
  });
});

describe('second-order gradients', () => {
  it('d²/dx² of x², x·x·c, e^x, sqrt(x)', async () => {
    const x = tf.placeholder('float32', [3], 'x');
    const second = (y: tf.Tensor): tf.Tensor => tf.gradients(tf.gradients(y, x)[0]!, x)[0]!;
    const fs = [
      second(tf.square(x)),
      second(tf.multiply(tf.multiply(x, x), 3)),
      second(tf.exp(x)),
      second(tf.sqrt(x)),
      second(tf.reciprocal(x)),
      second(tf.rsqrt(x)),
    ];
    const xs = [0.5, 1, 2];
    const out = await run(fs, { 'x:0': xs });
    expectClose(out[0]!, [2, 2, 2]);
    expectClose(out[1]!, [6, 6, 6]);
    expectClose(out[2]!, xs.map(Math.exp), 1e-5);
    expectClose(
      out[3]!,
      xs.map((v) => -0.25 * v ** -1.5),
      1e-5,
    );
    expectClose(
      out[4]!,
      xs.map((v) => 2 / v ** 3),
      1e-5,
    );
    expectClose(
      out[5]!,
      xs.map((v) => 0.75 * v ** -2.5),
      1e-5,
    );
  });

  // Gradcheck of a gradient: the gradient graph's own ops differentiated again.
  const rows: GradCase[] = [
    {
      opType: 'Mul',
      name: 'grad of x*y wrt x, differentiated',
      inputs: [{ shape: [2, 3] }, { shape: [3] }],
      build: (a, b) =>
        tf.multiply(tf.gradients(tf.reduceSum(tf.multiply(tf.multiply(a, b), a)), a)[0]!, b),
    },
    {
      opType: 'Square',
      name: 'grad of square, differentiated',
      inputs: [{ shape: [2, 3] }],
      build: (a) => tf.gradients(tf.reduceSum(tf.multiply(tf.square(a), a)), a)[0]!,
    },
    {
      opType: 'Exp',
      name: 'grad of exp, differentiated',
      inputs: [{ shape: [2, 3] }],
      build: (a) => tf.gradients(tf.reduceSum(tf.exp(tf.multiply(a, a))), a)[0]!,
    },
    {
      opType: 'MatMul',
      name: 'grad of sum((A B)^2) wrt A, differentiated',
      inputs: [{ shape: [2, 3] }, { shape: [3, 2] }],
      build: (a, b) => tf.gradients(tf.reduceSum(tf.square(tf.matmul(a, b))), a)[0]!,
    },
    {
      opType: 'Mean',
      name: 'grad of mean of squares over (?,3), differentiated',
      inputs: [{ shape: [4, 3] }],
      build: (a) => {
        const u = tf.reshape(a, tf.placeholderWithDefault(Int32Array.from([4, 3]), [2]));
        return tf.gradients(tf.reduceMean(tf.multiply(tf.square(u), u)), u)[0]!;
      },
    },
    {
      opType: 'Max',
      name: 'grad of max(x²), differentiated',
      inputs: [{ shape: [3, 4] }],
      build: (a) =>
        tf.multiply(tf.gradients(tf.reduceSum(tf.reduceMax(tf.square(a), 1)), a)[0]!, a),
    },
    {
      opType: 'Prod',
      name: 'grad of prod, differentiated',
      inputs: [{ shape: [2, 3], awayFromZero: 0.5 }],
      build: (a) => tf.gradients(tf.reduceSum(tf.reduceProd(a, 1)), a)[0]!,
    },
  ];
  it.each(rows)('$opType: $name', async (c) => {
    await gradcheck(c);
  });
});
