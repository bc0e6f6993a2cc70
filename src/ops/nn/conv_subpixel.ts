import * as tfc from '@tensorflow/tfjs-core';
import { convChannelsLast, padOrCrop, spatialOfLast, type Pads } from './conv_kernels.js';

/**
 * The sub-pixel decomposition of a 2-D transposed convolution (the input gradient of a strided
 * conv): each input row i reads the taps k of the filter with k = (i + before) mod s, so the
 * rows of one phase p = i mod s form a stride-1 convolution of dy with every s-th tap of the
 * flipped filter. stride_h * stride_w small dense convolutions, one per phase, replace one
 * convolution over a zero-inserted dy that is s^2 times larger and mostly zeros; their results
 * are interleaved back into rows and columns. Channels-last, dilation 1, any groups (through
 * convChannelsLast).
 */

/** Where phase p (the input positions i = p, p + s, ...) of one spatial axis reads dy and w. */
interface AxisPhase {
  /** Taps of the filter this phase uses (0 when the stride exceeds the kernel). */
  taps: number;
  /** The taps, in the order the stride-1 conv applies them: r + s * (taps - 1), ..., r + s, r. */
  tapIndices: number[];
  /** Padding (negative: cropping) of dy before and after, giving `outLen` outputs. */
  pad: [number, number];
}

function axisPhase(
  p: number,
  k: number,
  s: number,
  before: number,
  dyLen: number,
  outLen: number,
): AxisPhase {
  // i + before = o * s + k: phase p uses taps r, r + s, ... with r = (p + before) mod s, and
  // output q (i = q * s + p) reads dy[q + q0 - m] against tap r + s * m.
  const r = (((p + before) % s) + s) % s;
  const taps = r < k ? Math.ceil((k - r) / s) : 0;
  const q0 = (p + before - r) / s;
  const padBefore = taps - 1 - q0;
  const padAfter = outLen + taps - 1 - dyLen - padBefore;
  const tapIndices = Array.from({ length: taps }, (_, t) => r + s * (taps - 1 - t));
  return { taps, tapIndices, pad: [padBefore, padAfter] };
}

/**
 * dx [N, H, W, C] of a conv with filter w [kh, kw, C / g, F] from dy [N, Oh, Ow, F], for
 * `swapped` = w with in/out depth swapped ([kh, kw, F / g, C], not flipped: each phase's
 * taps are gathered in reverse order).
 */
export function convBackpropInputSubPixel(
  dy: tfc.Tensor,
  swapped: tfc.Tensor,
  inShape: readonly number[],
  strides: readonly number[],
  pads: Pads,
): tfc.Tensor {
  const [sh, sw] = [strides[0]!, strides[1]!];
  const ks = swapped.shape.slice(0, 2);
  // Rows of (kh, kw) taps: one gather of whole rows per phase (wasm's strided slice and
  // two-axis gathers are 5-9x slower on W1's filter).
  const rowLen = swapped.shape[2]! * swapped.shape[3]!;
  const rows = tfc.reshape(swapped, [ks[0]! * ks[1]!, rowLen]);
  const outs = spatialOfLast(dy.shape);
  const inSpatial = spatialOfLast([...inShape]);
  const C = inShape[3]!;
  // Every phase yields ceil(n / s) rows; the last one's surplus (past the input) is cropped.
  const q = inSpatial.map((n, a) => Math.ceil(n / strides[a]!));
  const phases: tfc.Tensor[] = [];
  for (let ph = 0; ph < sh; ph++) {
    for (let pw = 0; pw < sw; pw++) {
      const ax = [ph, pw].map((p, a) =>
        axisPhase(p, ks[a]!, strides[a]!, pads[a]![0], outs[a]!, q[a]!),
      );
      if (ax.some((x) => x.taps === 0)) {
        phases.push(tfc.zeros([inShape[0]!, q[0]!, q[1]!, C]));
        continue;
      }
      const [ah, aw] = [ax[0]!, ax[1]!];
      const taps = ah.tapIndices.flatMap((i) => aw.tapIndices.map((j) => i * ks[1]! + j));
      const sub = tfc.reshape(tfc.gather(rows, tfc.tensor1d(taps, 'int32'), 0), [
        ah.taps,
        aw.taps,
        swapped.shape[2]!,
        swapped.shape[3]!,
      ]);
      // The conv pads by itself; cropping (a phase starting past dy's first rows) is a slice.
      const crop = ax.map((x): [number, number] => [Math.min(x.pad[0], 0), Math.min(x.pad[1], 0)]);
      const src = padOrCrop(dy, crop);
      const padConv = ax.map((x): [number, number] => [
        Math.max(x.pad[0], 0),
        Math.max(x.pad[1], 0),
      ]);
      phases.push(convChannelsLast(src, sub, [1, 1], [1, 1], padConv));
    }
  }
  return interleave(phases, [sh, sw], q, inShape);
}

/**
 * Interleaves phase results [N, qh, qw, C] (row-major over (ph, pw)) into [N, qh*sh, qw*sw, C]
 * and crops to the input size.
 */
function interleave(
  phases: tfc.Tensor[],
  strides: readonly [number, number],
  q: readonly number[],
  inShape: readonly number[],
): tfc.Tensor {
  const [sh, sw] = strides;
  const [n, c] = [inShape[0]!, inShape[3]!];
  // Stack + one rank-6 transpose: wasm's DepthToSpace is a scalar loop ~12x slower here.
  let full = phases[0]!;
  if (phases.length > 1) {
    const rows = tfc.stack(phases, 3); // [N, qh, qw, sh * sw, C]
    const split = tfc.reshape(rows, [n, q[0]!, q[1]!, sh, sw, c]);
    full = tfc.reshape(tfc.transpose(split, [0, 1, 3, 2, 4, 5]), [n, q[0]! * sh, q[1]! * sw, c]);
  }
  if (full.shape[1] === inShape[1] && full.shape[2] === inShape[2]) return full;
  return tfc.slice(full, [0, 0, 0, 0], [n, inShape[1]!, inShape[2]!, c]);
}
