import * as tfc from '@tensorflow/tfjs-core';
import { convOutputLength, resolvePadding, type Padding } from '../util/conv.js';

/**
 * Max-pooling gradients from plain tfjs ops, for backends whose MaxPoolGrad /
 * MaxPoolWithArgmax kernels are missing or wrong (wasm's start their max at FLT_MIN and
 * break ties towards the last cell). A window of size KH x KW is read as KH * KW strided
 * slices ("taps") of the padded input; the first tap equal to the window's maximum, in
 * row-major order, is the one TF routes the gradient to.
 */

type Pair = [number, number];

/** Pads (positive) or crops (negative) the two spatial axes of a channels-last 4-D tensor. */
export function padOrCrop(x: tfc.Tensor, pads: [Pair, Pair], value = 0): tfc.Tensor {
  const grow: Pair[] = [
    [0, 0],
    [Math.max(pads[0][0], 0), Math.max(pads[0][1], 0)],
    [Math.max(pads[1][0], 0), Math.max(pads[1][1], 0)],
    [0, 0],
  ];
  const padded = grow.some(([a, b]) => a > 0 || b > 0) ? tfc.pad(x, grow, value) : x;
  const begin = [0, Math.max(-pads[0][0], 0), Math.max(-pads[1][0], 0), 0];
  const h = padded.shape[1]! - begin[1]! - Math.max(-pads[0][1], 0);
  const w = padded.shape[2]! - begin[2]! - Math.max(-pads[1][1], 0);
  const cropped = begin.some((b) => b > 0) || h !== padded.shape[1] || w !== padded.shape[2];
  return cropped ? tfc.slice(padded, begin, [-1, h, w, -1]) : padded;
}

/** Zeros between cells along H and W: [N, H, W, C] -> [N, H * sh, W * sw, C] (trailing zeros kept). */
export function spread(x: tfc.Tensor, s: Pair): tfc.Tensor {
  if (s[0] === 1 && s[1] === 1) return x;
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const gaps = tfc.pad(tfc.reshape(x, [n, h, 1, w, 1, c]), [
    [0, 0],
    [0, 0],
    [0, s[0] - 1],
    [0, 0],
    [0, s[1] - 1],
    [0, 0],
  ]);
  return tfc.reshape(gaps, [n, h * s[0], w * s[1], c]);
}

interface Taps {
  readonly pads: [Pair, Pair];
  readonly out: Pair;
  /** The (i, j) tap of every window of `padded`: [N, OH, OW, C]. */
  at(padded: tfc.Tensor, i: number, j: number): tfc.Tensor;
}

function taps(shape: readonly number[], k: Pair, s: Pair, padding: Padding): Taps {
  const [, h, w] = shape as [number, number, number, number];
  const [ph, pw] = resolvePadding([h, w], k, s, [1, 1], padding) as [Pair, Pair];
  const out: Pair = [
    convOutputLength(h, k[0], s[0], 1, padding)!,
    convOutputLength(w, k[1], s[1], 1, padding)!,
  ];
  return {
    pads: [ph, pw],
    out,
    at: (padded, i, j) =>
      tfc.stridedSlice(
        padded,
        [0, i, j, 0],
        [
          padded.shape[0]!,
          i + (out[0] - 1) * s[0] + 1,
          j + (out[1] - 1) * s[1] + 1,
          padded.shape[3]!,
        ],
        [1, s[0], s[1], 1],
      ),
  };
}

/** For each tap, 1 where it is the first cell (row-major) equal to its window's maximum `y`. */
function firstMaxMasks(
  x: tfc.Tensor,
  y: tfc.Tensor,
  k: Pair,
  s: Pair,
  padding: Padding,
): { t: Taps; masks: tfc.Tensor[] } {
  const t = taps(x.shape, k, s, padding);
  // Padding never wins: it is the lowest value of the dtype.
  const low = x.dtype === 'int32' ? -2147483648 : Number.NEGATIVE_INFINITY;
  const xp = padOrCrop(x, t.pads, low);
  let found = tfc.cast(tfc.zerosLike(y), 'bool');
  const masks: tfc.Tensor[] = [];
  for (let i = 0; i < k[0]; i++) {
    for (let j = 0; j < k[1]; j++) {
      const hit = tfc.equal(t.at(xp, i, j), y);
      masks.push(tfc.cast(tfc.logicalAnd(hit, tfc.logicalNot(found)), 'float32'));
      found = tfc.logicalOr(found, hit);
    }
  }
  return { t, masks };
}

/** MaxPoolGrad: each window's gradient added at its first maximum. */
export function maxPoolGradByTaps(
  x: tfc.Tensor,
  y: tfc.Tensor,
  dy: tfc.Tensor,
  k: Pair,
  s: Pair,
  padding: Padding,
): tfc.Tensor {
  const { t, masks } = firstMaxMasks(x, y, k, s, padding);
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const hp = h + t.pads[0][0] + t.pads[0][1];
  const wp = w + t.pads[1][0] + t.pads[1][1];
  // Summed tap by tap, each tap's temporaries freed at once: the peak is a few input-sized
  // tensors, not k*k of each (the same additions, in the same order, as one addN).
  let sum: tfc.Tensor | null = null;
  masks.forEach((m, idx) => {
    const i = Math.floor(idx / k[1]);
    const j = idx % k[1];
    const prev: tfc.Tensor | null = sum;
    sum = tfc.tidy(() => {
      const placed = spread(tfc.mul(m, dy), s);
      const part = padOrCrop(placed, [
        [i, hp - i - placed.shape[1]!],
        [j, wp - j - placed.shape[2]!],
      ]);
      return prev ? tfc.add(prev, part) : part;
    });
    prev?.dispose();
  });
  return tfc.slice(sum!, [0, t.pads[0][0], t.pads[1][0], 0], [n, h, w, c]);
}

/** MaxPoolGradGrad: `grad` (shaped like x) read at each window's first maximum. */
export function gatherAtFirstMaxByTaps(
  x: tfc.Tensor,
  y: tfc.Tensor,
  grad: tfc.Tensor,
  k: Pair,
  s: Pair,
  padding: Padding,
): tfc.Tensor {
  const { t, masks } = firstMaxMasks(x, y, k, s, padding);
  const gp = padOrCrop(grad, t.pads);
  const parts = masks.map((m, idx) => tfc.mul(m, t.at(gp, Math.floor(idx / k[1]), idx % k[1])));
  return parts.length === 1 ? parts[0]! : tfc.addN(parts);
}
