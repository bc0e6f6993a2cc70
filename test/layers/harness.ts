import { expect } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';
import { expectClose, randomArray } from '../util/op_cases.js';
import { arr, transposeArr, toFirst, toLast, type Arr } from './reference.js';

export interface Built {
  graph: tf.Graph;
  layer: tf.layers.Layer;
  x: tf.Tensor;
  y: tf.Tensor;
}

/** Builds `make()` applied to a placeholder of `shape` in a fresh graph. */
export function build(
  make: () => tf.layers.Layer,
  shape: readonly (number | null)[],
  kwargs: tf.layers.CallKwargs = {},
): Built {
  const graph = new tf.Graph();
  return graph.asDefault(() => {
    const x = tf.placeholder('float32', shape, 'x');
    const layer = make();
    const y = layer.apply(x, kwargs);
    return { graph, layer, x, y };
  });
}

export function toArr(a: tf.NDArray): Arr {
  return arr(a.shape, a.data as Float32Array);
}

/**
 * Runs a built layer on `input` (after the initializers, or with `weights` loaded into its
 * variables in order); returns the output and the variables' values. Checks no tensor leaks.
 * Every layer works on each backend: the run is on cpu, then again on wasm with the same
 * weights, whose values must agree (within 1e-4).
 */
export async function run(
  b: Built,
  input: Arr,
  weights: readonly Arr[] | null = null,
  fetchMore: readonly tf.Tensor[] = [],
): Promise<{ y: Arr; weights: Arr[]; more: Arr[] }> {
  const cpu = await runOn('cpu', b, input, weights, fetchMore);
  const wasm = await runOn('wasm', b, input, cpu.weights, fetchMore);
  // Random ops (dropout's mask) draw differently in each session: compare shapes only.
  const random = drawsRandom([b.y, ...fetchMore]);
  [cpu.y, ...cpu.more].forEach((a, i) => {
    const w = i === 0 ? wasm.y : wasm.more[i - 1]!;
    expect(w.shape).toEqual(a.shape);
    if (!random) expectClose(w.data, a.data, 1e-4, `[wasm] ${i === 0 ? 'output' : `fetch ${i - 1}`}`);
  });
  return cpu;
}

/** Whether a random op feeds any of `ts`. */
function drawsRandom(ts: readonly tf.Tensor[]): boolean {
  const seen = new Set<tf.Operation>();
  const stack = ts.map((t) => t.op);
  while (stack.length > 0) {
    const op = stack.pop()!;
    if (seen.has(op)) continue;
    seen.add(op);
    if (/Random|TruncatedNormal|Multinomial/.test(op.type)) return true;
    stack.push(...op.inputs.map((t) => t.op), ...op.controlInputs);
  }
  return false;
}

async function runOn(
  backend: string,
  b: Built,
  input: Arr,
  weights: readonly Arr[] | null,
  fetchMore: readonly tf.Tensor[],
): Promise<{ y: Arr; weights: Arr[]; more: Arr[] }> {
  const before = numTensors();
  const sess = new tf.Session({ graph: b.graph, backend });
  try {
    await sess.run(b.graph.asDefault(() => tf.globalVariablesInitializer()));
    const vars = b.layer.weights;
    if (weights) {
      expect(weights.length).toBe(vars.length);
      vars.forEach((v, i) =>
        v.load(
          new tf.NDArray('float32', weights[i]!.shape, Float32Array.from(weights[i]!.data)),
          sess,
        ),
      );
    }
    const feed = new Map<tf.Tensor, tf.NDArray | boolean>([
      [b.x, new tf.NDArray('float32', input.shape, Float32Array.from(input.data))],
    ]);
    const outs = (await sess.run(
      [b.y, ...vars, ...fetchMore] as tf.Tensor[],
      feed,
    )) as tf.NDArray[];
    expect(
      b.y.shape.isCompatibleWith(outs[0]!.shape),
      `static ${b.y.shape.toString()} vs ${JSON.stringify(outs[0]!.shape)}`,
    ).toBe(true);
    return {
      y: toArr(outs[0]!),
      weights: outs.slice(1, 1 + vars.length).map(toArr),
      more: outs.slice(1 + vars.length).map(toArr),
    };
  } finally {
    sess.close();
    expect(numTensors()).toBe(before);
  }
}

export function randomInput(shape: readonly number[], seed: number): Arr {
  return arr(
    shape,
    randomArray(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
  );
}

export function expectArrClose(actual: Arr, expected: Arr, tol = 1e-4, what = 'values'): void {
  expect(actual.shape, `${what}: shape`).toEqual(expected.shape);
  expectClose(actual.data, expected.data, tol, what);
}

/**
 * channels_first equals channels_last up to transposes: the channels_first layer, given the
 * same weights, maps the transposed input to the transposed output.
 */
export async function expectChannelsFirstMatches(
  makeFirst: () => tf.layers.Layer,
  lastInput: Arr,
  lastOutput: Arr,
  weights: readonly Arr[],
  kwargs: tf.layers.CallKwargs = {},
): Promise<void> {
  const r = lastInput.shape.length;
  const xf = transposeArr(lastInput, toFirst(r));
  const b = build(makeFirst, [null, ...xf.shape.slice(1)], kwargs);
  const { y } = await run(b, xf, weights);
  expectArrClose(transposeArr(y, toLast(r)), lastOutput, 1e-4, 'channels_first vs channels_last');
}

export const varInfo = (vs: readonly tf.Variable[]): string[] =>
  vs.map((v) => `${v.name} ${v.shape.toString()}`);

/**
 * The three ways TF1 shares a layer's variables: calling the same object again, a functional
 * form with name + reuse: true, and an enclosing variableScope with reuse: true.
 */
export function checkReuse(
  shape: readonly (number | null)[],
  makeLayer: (o: { name?: string }) => tf.layers.Layer,
  functional: (x: tf.Tensor, o: { name?: string; reuse?: boolean }) => tf.Tensor,
  expectedVars: readonly string[],
): void {
  const g = new tf.Graph();
  g.asDefault(() => {
    const x = tf.placeholder('float32', shape, 'x');
    const names = (): string[] => tf.globalVariables().map((v) => v.name);
    // 1. The same object twice.
    const layer = makeLayer({});
    const a = layer.apply(x);
    const b = layer.apply(x);
    expect(names()).toEqual(expectedVars.map((v) => `${layer.scopeName}/${v}`));
    expect(a.name).not.toBe(b.name);
    expect(b.op.name.startsWith(`${layer.scopeName}/`)).toBe(true);
    expect(layer.weights.map((v) => v.name)).toEqual(
      expectedVars.map((v) => `${layer.scopeName}/${v}`),
    );
    // 2. name + reuse.
    functional(x, { name: 'shared' });
    const n = names().length;
    const c = functional(x, { name: 'shared', reuse: true });
    expect(names().length).toBe(n);
    expect(c.op.name.startsWith('shared_1/')).toBe(true);
    expect(() => functional(x, { name: 'never_built', reuse: true })).toThrow(
      /Variable never_built\/\w+ does not exist, or was not created with tf.get_variable\(\)/,
    );
    expect(() => functional(x, { name: 'shared' })).toThrow(
      /Variable shared\/\w+ already exists, disallowed/,
    );
    // 3. An enclosing variable scope with reuse.
    tf.variableScope('tower', () => functional(x, {}));
    const m = names().length;
    const d = tf.variableScope('tower', { reuse: true }, () => functional(x, {}));
    expect(names().length).toBe(m);
    expect(d.op.name.startsWith('tower_1/')).toBe(true);
    expect(names().slice(n + 0)).toEqual(
      expectedVars.map((v) => `tower/${d.op.name.split('/')[1]}/${v}`),
    );
  });
}
