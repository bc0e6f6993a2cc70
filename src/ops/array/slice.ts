import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError, ValueError } from '../../errors.js';
import { TensorShape, mergeShapes, type Dim } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp, constantValue } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { subtract } from '../math/sub.js';
import { concat } from './concat_v2.js';
import { pad } from './pad.js';
import { stack } from './pack.js';
import { rank } from './rank.js';
import { reshape } from './reshape.js';
import { shape as shapeOf } from './shape.js';
import { bracket, hostInts, knownInts, partialInts, shapeFromTensor } from './util.js';

export const Slice = defineOp({
  type: 'Slice',
  inputs: ['input', 'begin:Index', 'size:Index'],
  attrs: { T: attr.type(), Index: attr.type('int32') },
  // TF's SliceShapeFn: -1 sizes run to the end when begin is known.
  infer: ([x, begin, size], a) => {
    const spec = mergeShapes(
      new TensorShape(begin!.shape.withRankOrThrow(1, 'begin')),
      new TensorShape(size!.shape.withRankOrThrow(1, 'size')),
    );
    const n = spec.dim(0);
    let input = x!.shape;
    if (n !== null) input = new TensorShape(input.withRankOrThrow(n, 'input'));
    const sizes = knownInts(size!);
    if (sizes) {
      const dims = input.withRankOrThrow(sizes.length, 'input');
      const begins = partialInts(begin!);
      const out = sizes.map((s, i): Dim => {
        if (s !== -1) return s;
        const d = dims[i] ?? null;
        const b = begins ? (begins[i] ?? null) : null;
        if (d === null || b === null) return null;
        if (d - b < 0)
          throw new ValueError(`Negative dimension size caused by subtracting ${b} from ${d}`);
        return d - b;
      });
      return [{ dtype: a.T, shape: new TensorShape(out) }];
    }
    const fromTensor = shapeFromTensor(size!, 'size');
    if (fromTensor.rank !== null) {
      input.withRankOrThrow(fromTensor.rank, 'input');
      return [{ dtype: a.T, shape: fromTensor }];
    }
    return [
      {
        dtype: a.T,
        shape: input.rank === null ? TensorShape.unknown() : TensorShape.unknownOfRank(input.rank),
      },
    ];
  },
  kernel: ([x, b, s]) => {
    const begin = hostInts(b!);
    const size = hostInts(s!);
    if (b!.rank !== 1 || s!.rank !== 1 || begin.length !== x!.rank || size.length !== x!.rank) {
      throw new InvalidArgumentError(
        `Expected begin and size arguments to be 1-D tensors of size ${x!.rank}, but got shapes ${bracket(b!.shape)} and ${bracket(s!.shape)} instead.`,
      );
    }
    const sizes = x!.shape.map((d, i) => {
      const bi = begin[i]!;
      const si = size[i] === -1 ? d - bi : size[i]!;
      if (bi < 0 || bi > d)
        throw new InvalidArgumentError(`Expected begin[${i}] in [0, ${d}], but got ${bi}`);
      if (si < 0 || si > d - bi)
        throw new InvalidArgumentError(`Expected size[${i}] in [0, ${d - bi}], but got ${si}`);
      return si;
    });
    return [x!.rank === 0 ? tfc.clone(x!) : tfc.slice(x!, begin, sizes)];
  },
  // TF's _SliceGrad: pad the gradient back with begin before and the rest after.
  grad: ({ inputs: [x, begin], outputs: [y] }, [dy]) => {
    const b = constantValue(begin!);
    if (b && x!.shape.isFullyDefined() && y!.shape.isFullyDefined()) {
      const bs = Array.from(b.data as ArrayLike<number>);
      const xs = x!.shape.dims as number[];
      const ys = y!.shape.dims as number[];
      return {
        input: pad(
          dy!,
          xs.map((d, i) => [bs[i]!, d - ys[i]! - bs[i]!]),
        ),
        begin: null,
        size: null,
      };
    }
    const padShape = stack([rank(x!), 1]);
    const before = reshape(begin!, padShape);
    const after = reshape(
      subtract(
        subtract(
          shapeOf(x!, { outType: begin!.dtype === 'int64' ? 'int64' : 'int32' }),
          shapeOf(y!),
        ),
        begin!,
      ),
      padShape,
    );
    return { input: pad(dy!, concat([before, after], 1)), begin: null, size: null };
  },
  // A slice of a shape vector keeps what is known of its entries.
  partialValue: ([x, begin, size]) => {
    const p = partialInts(x!);
    const b = knownInts(begin!);
    const s = knownInts(size!);
    if (!p || x!.shape.rank !== 1 || !b || !s || b.length !== 1 || s.length !== 1) return null;
    const n = s[0] === -1 ? p.length - b[0]! : s[0]!;
    if (b[0]! < 0 || n < 0 || b[0]! + n > p.length) return null;
    return p.slice(b[0]!, b[0]! + n);
  },
});

/** TF1's tf.slice: `size` entries of -1 take the rest of the dimension. @example tf.slice(x, [1, 0], [1, -1]) */
export function slice(
  input: TensorLike,
  begin: TensorLike,
  size: TensorLike,
  name?: string,
): Tensor {
  return applyOp(Slice, [input, begin, size], {}, { name: name ?? 'Slice' })[0]!;
}
