import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { computeFans } from '../../src/init/fans.js';
import { numTensors } from '../util/leaks.js';

afterEach(() => tf.resetDefaultGraph());

/** Builds `build` in a fresh graph, initializes, and returns `fetch`'s values from a new session. */
async function valuesOf(build: () => tf.Tensor | tf.Variable, runs = 1): Promise<Float32Array[]> {
  const g = new tf.Graph();
  const t = g.asDefault(build);
  const init = g.asDefault(() => tf.globalVariablesInitializer());
  const sess = new tf.Session({ graph: g });
  const before = numTensors();
  await sess.run(init);
  const out: Float32Array[] = [];
  for (let i = 0; i < runs; i++) out.push((await sess.run(t)).data as Float32Array);
  sess.close();
  expect(numTensors()).toBeLessThanOrEqual(before);
  return out;
}

function stats(x: Float32Array): { mean: number; std: number; min: number; max: number } {
  let s = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    s += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = s / x.length;
  let q = 0;
  for (const v of x) q += (v - mean) ** 2;
  return { mean, std: Math.sqrt(q / x.length), min, max };
}

describe('initializer op names (TF outputs)', () => {
  const rows: [string, () => tf.initializers.Initializer, string[]][] = [
    ['zeros', () => tf.zerosInitializer(), ['w/Initializer/zeros']],
    ['ones', () => tf.onesInitializer(), ['w/Initializer/ones']],
    ['constant', () => tf.constantInitializer(0.5), ['w/Initializer/Const']],
    ['randomNormal', () => tf.randomNormalInitializer(), ['shape', 'mean', 'stddev', 'RandomStandardNormal', 'mul', ''].map((n) => `w/Initializer/random_normal${n ? `/${n}` : ''}`)],
    ['randomUniform', () => tf.randomUniformInitializer(), ['shape', 'min', 'max', 'RandomUniform', 'sub', 'mul', ''].map((n) => `w/Initializer/random_uniform${n ? `/${n}` : ''}`)],
    ['truncatedNormal', () => tf.truncatedNormalInitializer(), ['shape', 'mean', 'stddev', 'TruncatedNormal', 'mul', ''].map((n) => `w/Initializer/truncated_normal${n ? `/${n}` : ''}`)],
    ['varianceScaling (truncated)', () => tf.varianceScalingInitializer(), ['shape', 'mean', 'stddev', 'TruncatedNormal', 'mul', ''].map((n) => `w/Initializer/truncated_normal${n ? `/${n}` : ''}`)],
    ['varianceScaling uniform', () => tf.varianceScalingInitializer({ distribution: 'uniform' }), ['shape', 'min', 'max', 'RandomUniform', 'sub', 'mul', ''].map((n) => `w/Initializer/random_uniform${n ? `/${n}` : ''}`)],
    [
      'varianceScaling untruncated',
      () => tf.varianceScalingInitializer({ distribution: 'untruncated_normal' }),
      ['shape', 'mean', 'stddev', 'RandomStandardNormal', 'mul', ''].map((n) => `w/Initializer/random_normal${n ? `/${n}` : ''}`),
    ],
    ['glorotNormal', () => tf.glorotNormalInitializer(), ['shape', 'mean', 'stddev', 'TruncatedNormal', 'mul', ''].map((n) => `w/Initializer/truncated_normal${n ? `/${n}` : ''}`)],
  ];
  it.each(rows)('%s', (_n, make, initOps) => {
    tf.getVariable('w', { shape: [2, 3], initializer: make() });
    expect(tf.getDefaultGraph().getOperations().map((o) => o.name)).toEqual([...initOps, 'w', 'w/Assign', 'w/read']);
  });

  it('tf.initializers.* are the same initializers', () => {
    expect(tf.initializers.glorotUniform()).toBeInstanceOf(tf.initializers.Initializer);
    tf.getVariable('w', { shape: [2], initializer: tf.initializers.ones() });
    expect(tf.getDefaultGraph().getOperations()[0]!.name).toBe('w/Initializer/ones');
  });
});

describe('initializer values', () => {
  it('zeros, ones, constant scalar', async () => {
    const [z] = await valuesOf(() => tf.getVariable('z', { shape: [2, 2], initializer: tf.zerosInitializer() }));
    const [o] = await valuesOf(() => tf.getVariable('o', { shape: [1500], initializer: tf.onesInitializer() }));
    const [c] = await valuesOf(() => tf.getVariable('c', { shape: [3], initializer: tf.constantInitializer(0.5) }));
    expect(Array.from(z!)).toEqual([0, 0, 0, 0]);
    expect(o!.every((v) => v === 1)).toBe(true);
    expect(Array.from(c!)).toEqual([0.5, 0.5, 0.5]);
  });

  it('a short constant list is padded with its last value; a long one throws (TF1)', async () => {
    // TF: constant_initializer([1., 2.]) for [2, 2] gives [[1, 2], [2, 2]].
    const [w] = await valuesOf(() => tf.getVariable('w', { shape: [2, 2], initializer: tf.constantInitializer([1, 2]) }));
    expect(Array.from(w!)).toEqual([1, 2, 2, 2]);
    const [n] = await valuesOf(() => tf.getVariable('n', { shape: [2, 2], initializer: tf.constantInitializer([[1, 2], [3, 4]]) }));
    expect(Array.from(n!)).toEqual([1, 2, 3, 4]);
    expect(() => tf.getVariable('x', { shape: [2, 3], initializer: tf.constantInitializer([1, 2, 3, 4, 5, 6, 7]) })).toThrow(
      new tf.ValueError('Too many elements provided. Takes at most 6, but got 7.'),
    );
  });

  it('glorot uniform (the default) stays within sqrt(6 / (fan_in + fan_out)) and fills it', async () => {
    const [w] = await valuesOf(() => tf.getVariable('w', { shape: [40, 60] }));
    const limit = Math.sqrt(6 / 100);
    const s = stats(w!);
    expect(s.min).toBeGreaterThanOrEqual(-limit);
    expect(s.max).toBeLessThanOrEqual(limit);
    expect(s.max).toBeGreaterThan(0.95 * limit);
    expect(s.min).toBeLessThan(-0.95 * limit);
    expect(Math.abs(s.mean)).toBeLessThan(0.02);
  });

  it('truncated normal stays within two standard deviations of the mean', async () => {
    const [w] = await valuesOf(() => tf.getVariable('w', { shape: [100, 100], initializer: tf.truncatedNormalInitializer({ mean: 1, stddev: 0.5 }) }));
    const s = stats(w!);
    expect(s.min).toBeGreaterThanOrEqual(0);
    expect(s.max).toBeLessThanOrEqual(2);
    expect(s.mean).toBeCloseTo(1, 1);
    // A unit normal truncated to [-2, 2] has stddev 0.8796.
    expect(s.std).toBeCloseTo(0.5 * 0.8796, 1);
  });

  it('random normal and uniform have the requested moments', async () => {
    const [n] = await valuesOf(() => tf.getVariable('n', { shape: [100, 100], initializer: tf.randomNormalInitializer({ mean: 2, stddev: 3 }) }));
    const sn = stats(n!);
    expect(sn.mean).toBeCloseTo(2, 0);
    expect(Math.abs(sn.std - 3)).toBeLessThan(0.15);
    const [u] = await valuesOf(() => tf.getVariable('u', { shape: [100, 100], initializer: tf.randomUniformInitializer({ minval: -1, maxval: 3 }) }));
    const su = stats(u!);
    expect(su.min).toBeGreaterThanOrEqual(-1);
    expect(su.max).toBeLessThan(3);
    expect(Math.abs(su.mean - 1)).toBeLessThan(0.05);
  });

  // Shape [50, 200]: fan_in 50, fan_out 200, fan_avg 125. Each row's variance is scale / n.
  it.each([
    ['fan_in', 'uniform', 50],
    ['fan_out', 'uniform', 200],
    ['fan_avg', 'uniform', 125],
    ['fan_in', 'truncated_normal', 50],
    ['fan_out', 'normal', 200],
    ['fan_avg', 'untruncated_normal', 125],
  ] as const)('varianceScaling %s %s: variance = scale / n', async (mode, distribution, n) => {
    const scale = 2;
    const [w] = await valuesOf(() => tf.getVariable('w', { shape: [50, 200], initializer: tf.varianceScalingInitializer({ scale, mode, distribution }) }));
    const s = stats(w!);
    const want = Math.sqrt(scale / n);
    expect(Math.abs(s.std - want) / want).toBeLessThan(0.05);
    if (distribution === 'uniform') expect(s.max).toBeLessThanOrEqual(Math.sqrt((3 * scale) / n) + 1e-6);
    if (distribution === 'truncated_normal' || distribution === 'normal') expect(s.max).toBeLessThanOrEqual((2 * want) / 0.8796 + 1e-5);
  });

  it.each([
    [() => tf.varianceScalingInitializer({ scale: -1 }), '`scale` must be positive float.'],
    [() => tf.varianceScalingInitializer({ mode: 'x' as never }), 'Invalid `mode` argument: x'],
    [() => tf.varianceScalingInitializer({ distribution: 'x' as never }), 'Invalid `distribution` argument: x'],
  ])('varianceScaling rejects bad options (TF1 messages) %#', (make, msg) => {
    expect(make).toThrow(new tf.ValueError(msg));
  });

  it('computeFans as TF: scalars, vectors, matrices, conv kernels', () => {
    expect(computeFans([])).toEqual([1, 1]);
    expect(computeFans([7])).toEqual([7, 7]);
    expect(computeFans([3, 4])).toEqual([3, 4]);
    expect(computeFans([3, 3, 16, 32])).toEqual([144, 288]);
    expect(computeFans([2, 3, 3, 4, 5])).toEqual([72, 90]);
  });
});

describe('random seeds', () => {
  const program = (opSeed?: number, graphSeed?: number) => (): tf.Tensor => {
    if (graphSeed !== undefined) tf.setRandomSeed(graphSeed);
    tf.constant(0);
    return tf.randomUniform([20], opSeed === undefined ? {} : { seed: opSeed });
  };

  it('graph seed + op seed: every fresh session gives the same values; successive runs differ', async () => {
    const a = await valuesOf(program(5, 1), 2);
    const b = await valuesOf(program(5, 1), 2);
    expect(Array.from(a[0]!)).toEqual(Array.from(b[0]!));
    expect(Array.from(a[1]!)).toEqual(Array.from(b[1]!));
    expect(Array.from(a[0]!)).not.toEqual(Array.from(a[1]!));
  });

  it('a graph seed alone, and an op seed alone, are deterministic too', async () => {
    expect(Array.from((await valuesOf(program(undefined, 7)))[0]!)).toEqual(Array.from((await valuesOf(program(undefined, 7)))[0]!));
    expect(Array.from((await valuesOf(program(3)))[0]!)).toEqual(Array.from((await valuesOf(program(3)))[0]!));
    expect(Array.from((await valuesOf(program(3, 1)))[0]!)).not.toEqual(Array.from((await valuesOf(program(3, 2)))[0]!));
  });

  it('without seeds two sessions differ', async () => {
    expect(Array.from((await valuesOf(program()))[0]!)).not.toEqual(Array.from((await valuesOf(program()))[0]!));
  });

  it('two random ops under one graph seed differ; two with the same op seed agree (TF)', async () => {
    const g = new tf.Graph();
    const [a, b, c] = g.asDefault(() => {
      tf.setRandomSeed(1);
      return [tf.randomUniform([5], { seed: 5 }), tf.randomUniform([5], { seed: 5 }), tf.randomUniform([5])];
    });
    const sess = new tf.Session({ graph: g });
    const [va, vb, vc] = await sess.run([a!, b!, c!]);
    expect(Array.from(va.data as Float32Array)).toEqual(Array.from(vb.data as Float32Array));
    expect(Array.from(va.data as Float32Array)).not.toEqual(Array.from(vc.data as Float32Array));
    sess.close();
  });

  it('seeded initializers give the same variable values in fresh sessions', async () => {
    const build = (): tf.Variable => {
      tf.setRandomSeed(42);
      return tf.getVariable('w', { shape: [4, 4] });
    };
    const [a] = await valuesOf(build);
    const [b] = await valuesOf(build);
    expect(Array.from(a!)).toEqual(Array.from(b!));
    const [c] = await valuesOf(() => tf.getVariable('w', { shape: [4, 4], initializer: tf.glorotUniformInitializer({ seed: 9 }) }));
    const [d] = await valuesOf(() => tf.getVariable('w', { shape: [4, 4], initializer: tf.glorotUniformInitializer({ seed: 9 }) }));
    expect(Array.from(c!)).toEqual(Array.from(d!));
    expect(Array.from(a!)).not.toEqual(Array.from(c!));
  });

  it('setRandomSeed sets the default graph\'s seed', () => {
    tf.setRandomSeed(3);
    expect(tf.getDefaultGraph().seed).toBe(3);
    const g = new tf.Graph();
    expect(g.seed).toBeNull();
  });
});
