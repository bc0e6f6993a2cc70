// The example's autoencoder trained for a few steps on tfjs' webgl backend in headless Chromium
// (WebGL2 through SwiftShader where there is no GPU), against the cpu backend in the same page
// from the same initial weights.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAutoencoder, IMAGE, syntheticImages } from './autoencoder.js';
import { loadBundle, type TfBundle } from './bundle.js';

const BATCH = 8;
const STEPS = 5;

/**
 * Both backends compute in float32 (the test asserts webgl renders to float32 textures, not
 * float16), but not in the same order: webgl runs convolutions as packed im2col matmuls and
 * reduces in shader tiles, and its exp (in the sigmoid) is SwiftShader's, not V8's. So the two
 * agree to rounding, not bit for bit: observed, at most 1.7e-7 relative on the losses (about one
 * float32 ulp) and 6e-8 on any weight after 5 Adam steps. Adam scales each gradient by its own
 * RMS, which can blow rounding up where a gradient is near zero, so the bound leaves room:
 * 1e-5 relative (roughly 100 float32 ulps) on every loss and 1e-5 absolute on every weight, still two
 * orders of magnitude below the loss' change per step (about 6e-3 relative).
 */
const RTOL = 1e-5;
const WEIGHT_ATOL = 1e-5;

interface Trained {
  losses: number[];
  backendDuringRun: string[];
  /** Bytes the backend held in GPU textures mid-training (webgl only; 0 elsewhere). */
  gpuBytes: number;
  weights: Float32Array[];
}

async function train(
  tf: TfBundle,
  backend: string,
  initial: InstanceType<TfBundle['NDArray']>[] | null,
): Promise<Trained> {
  const g = buildAutoencoder(tf);
  const sess = new tf.Session({ graph: g.graph, backend });
  const feed: [typeof g.x, InstanceType<TfBundle['NDArray']>][] = [
    [g.x, new tf.NDArray('float32', [BATCH, IMAGE, IMAGE, 1], syntheticImages(BATCH))],
  ];
  try {
    await sess.run(g.init);
    // Same start on both backends whatever their random kernels do: copy the reference weights in.
    if (initial) g.weights.forEach((v, i) => v.load(initial[i]!, sess));
    const losses: number[] = [];
    const backendDuringRun: string[] = [];
    for (let step = 0; step < STEPS; step++) {
      const [, l] = await sess.run([g.trainOp, g.loss], feed);
      backendDuringRun.push(tf.tfjs.getBackend());
      losses.push(l.item() as number);
    }
    const memory = tf.tfjs.memory();
    const gpuBytes =
      'numBytesInGPU' in memory && typeof memory.numBytesInGPU === 'number'
        ? memory.numBytesInGPU
        : 0;
    // The loss after the last update too.
    losses.push((await sess.run(g.loss, feed)).item() as number);
    const weights = (await sess.run(g.weights)).map((w) => w.data as Float32Array);
    return { losses, backendDuringRun, gpuBytes, weights };
  } finally {
    sess.close();
  }
}

async function initialWeights(tf: TfBundle): Promise<InstanceType<TfBundle['NDArray']>[]> {
  const g = buildAutoencoder(tf);
  const sess = new tf.Session({ graph: g.graph, backend: 'cpu' });
  try {
    await sess.run(g.init);
    return await sess.run(g.weights);
  } finally {
    sess.close();
  }
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)));
  return m;
}

describe('the autoencoder on webgl in a browser', () => {
  let tf: TfBundle;
  let tensorsBefore: number;
  beforeAll(async () => {
    tf = await loadBundle();
    tensorsBefore = tf.tfjs.memory().numTensors;
  });
  afterAll(() => {
    // Every session is closed by then: nothing of theirs may stay on any backend.
    expect(tf.tfjs.memory().numTensors).toBe(tensorsBefore);
  });

  it('trains with the same losses as the cpu backend, within RTOL', async () => {
    const initial = await initialWeights(tf);
    const webgl = await train(tf, 'webgl', initial);

    // It really ran on WebGL2, rendering to float32 textures (not float16).
    expect(webgl.backendDuringRun).toEqual(Array(STEPS).fill('webgl'));
    expect(tf.tfjs.env().getNumber('WEBGL_VERSION')).toBe(2);
    expect(tf.tfjs.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')).toBe(true);
    // The variables and activations lived in textures, not in tfjs' cpu forwarding.
    expect(webgl.gpuBytes).toBeGreaterThan(0);

    const cpu = await train(tf, 'cpu', initial);
    expect(cpu.backendDuringRun).toEqual(Array(STEPS).fill('cpu'));

    const rel = webgl.losses.map((l, i) => Math.abs(l - cpu.losses[i]!) / Math.abs(cpu.losses[i]!));
    const weightDiff = Math.max(...webgl.weights.map((w, i) => maxAbsDiff(w, cpu.weights[i]!)));
    console.log(`cpu losses   ${cpu.losses.map((l) => l.toFixed(7)).join(' ')}`);
    console.log(`webgl losses ${webgl.losses.map((l) => l.toFixed(7)).join(' ')}`);
    console.log(
      `relative differences ${rel.map((r) => r.toExponential(2)).join(' ')}; max weight difference after ${STEPS} steps ${weightDiff.toExponential(2)}`,
    );

    for (let i = 0; i < rel.length; i++) {
      expect(Number.isFinite(webgl.losses[i]), `webgl loss ${i}`).toBe(true);
      expect(
        rel[i],
        `step ${i}: webgl ${webgl.losses[i]} vs cpu ${cpu.losses[i]}`,
      ).toBeLessThanOrEqual(RTOL);
    }
    expect(weightDiff).toBeLessThanOrEqual(WEIGHT_ATOL);
    // Training did something on both: the comparison is not between two frozen models.
    expect(cpu.losses[STEPS]!).toBeLessThan(cpu.losses[0]! * 0.99);
  });
});
