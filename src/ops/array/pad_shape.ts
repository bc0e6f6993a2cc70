import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { constantValue } from '../core/apply.js';
import type { InferInput } from '../core/define.js';
import { reshape } from './reshape.js';
import { shapeOrConst } from './shape.js';
import { slice } from './slice.js';
import { stack } from './pack.js';
import { rank } from './rank.js';
import { bracket, hostInts, knownInts, withValue } from './util.js';

/** TF's PadShapeFn (Pad, PadV2) and MirrorPad's: each dim grows by its two paddings. */
export function paddedShape(x: InferInput, paddings: InferInput, sign: 1 | -1 = 1): TensorShape {
  const p = paddings.shape.withRankOrThrow(2, 'paddings');
  withValue(p[1] ?? null, 2);
  let n = p[0] ?? null;
  if (n !== null) x.shape.withRankOrThrow(n, 'input');
  else if (x.shape.rank !== null) n = withValue(n, x.shape.rank);
  const values = knownInts(paddings);
  if (values === null) return n === null ? TensorShape.unknown() : TensorShape.unknownOfRank(n);
  const rank = values.length / 2;
  const dims = x.shape.withRankOrThrow(rank, 'input');
  const out = dims.map((d, i): Dim => {
    const [a, b] = [values[2 * i]!, values[2 * i + 1]!];
    if (a < 0 || b < 0) throw new ValueError('Paddings must be non-negative');
    if (d === null) return null;
    const r = d + sign * (a + b);
    if (r < 0)
      throw new ValueError(`Negative dimension size caused by subtracting ${a + b} from ${d}`);
    return r;
  });
  return new TensorShape(out);
}

/** Paddings read by a kernel as [before, after] pairs, with TF's Pad errors. */
export function kernelPaddings(x: tfc.Tensor, paddings: tfc.Tensor): [number, number][] {
  if (paddings.rank !== 2 || paddings.shape[1] !== 2 || paddings.shape[0] !== x.rank) {
    throw new InvalidArgumentError(
      `The first dimension of paddings must be the rank of inputs${bracket(paddings.shape)} ${bracket(x.shape)}`,
    );
  }
  const v = hostInts(paddings);
  return x.shape.map((_, i) => {
    const pair: [number, number] = [v[2 * i]!, v[2 * i + 1]!];
    if (pair[0] < 0 || pair[1] < 0)
      throw new InvalidArgumentError(`Paddings must be non-negative: ${pair[0]} ${pair[1]}`);
    return pair;
  });
}

/** TF's _PadGrad: the gradient sliced back from the padded output at paddings[:, 0]. */
export function padGrad(x: Tensor, paddings: Tensor, dy: Tensor): Tensor {
  const p = constantValue(paddings);
  const begin = p
    ? Int32Array.from({ length: p.size / 2 }, (_, i) => p.data[2 * i] as number)
    : reshape(slice(paddings, [0, 0], stack([rank(x), 1])), [-1]);
  return slice(dy, begin, shapeOrConst(x, paddings.dtype));
}
