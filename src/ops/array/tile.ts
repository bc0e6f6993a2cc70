import * as tfc from '@tensorflow/tfjs-core';
import { InvalidArgumentError } from '../../errors.js';
import { TensorShape } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp, constantValue } from '../core/apply.js';
import { attr } from '../core/attr.js';
import { defineOp } from '../core/define.js';
import type { TensorLike } from '../core/tensor_like.js';
import { reduceSum } from '../math/sum.js';
import { stack } from './pack.js';
import { range } from './range.js';
import { reshape } from './reshape.js';
import { shape as shapeOf } from './shape.js';
import { size } from './size.js';
import { transpose } from './transpose.js';
import { hostInts, mulDims, shapeFromTensor } from './util.js';

export const Tile = defineOp({
  type: 'Tile',
  inputs: ['input', 'multiples:Tmultiples'],
  attrs: { T: attr.type(), Tmultiples: attr.type('int32') },
  // TF's Tile shape function: multiples read as a partial shape; each dim multiplies.
  infer: ([x, multiples], a) => {
    let m = shapeFromTensor(multiples!, 'multiples');
    if (x!.shape.rank !== null) {
      m = new TensorShape(m.withRankOrThrow(x!.shape.rank, 'multiples'));
      multiples!.shape.withRankOrThrow(1, 'multiples');
    }
    if (m.dims === null) return [{ dtype: a.T, shape: TensorShape.unknown() }];
    const dims = x!.shape.withRankOrThrow(m.dims.length, 'input');
    return [
      { dtype: a.T, shape: new TensorShape(dims.map((d, i) => mulDims(d, m.dims![i] ?? null))) },
    ];
  },
  kernel: ([x, multiples]) => {
    const m = hostInts(multiples!);
    if (multiples!.rank !== 1 || m.length !== x!.rank) {
      throw new InvalidArgumentError(
        `Expected multiples argument to be a vector of length ${x!.rank} but got length ${m.length}`,
      );
    }
    m.forEach((v, i) => {
      if (v < 0) throw new InvalidArgumentError(`Expected multiples[${i}] >= 0, but got ${v}`);
    });
    return [x!.rank === 0 ? tfc.clone(x!) : tfc.tile(x!, m)];
  },
  // TF's _TileGrad: view the gradient as [m0, d0, m1, d1, ...] and sum the multiple axes.
  grad: ({ inputs: [x, multiples] }, [dy]) => {
    const m = constantValue(multiples!);
    const r = x!.shape.rank;
    let splitShape: TensorLike;
    if (m && x!.shape.isFullyDefined()) {
      const dims = x!.shape.dims as number[];
      splitShape = Int32Array.from(dims.flatMap((d, i) => [m.data[i] as number, d]));
    } else {
      const pairs = stack([
        multiples!,
        shapeOf(x!, { outType: multiples!.dtype === 'int64' ? 'int64' : 'int32' }),
      ]);
      splitShape = reshape(transpose(pairs), [-1]);
    }
    const axes =
      r !== null ? Int32Array.from({ length: r }, (_, i) => 2 * i) : range(0, size(splitShape), 2);
    const g = reduceSum(reshape(dy!, splitShape), axes);
    if (g.shape.isCompatibleWith(x!.shape)) g.setShape(x!.shape);
    return { input: g, multiples: null };
  },
});

/** TF1's tf.tile: repeats `input` `multiples[i]` times along axis i. @example tf.tile(x, [2, 1]) */
export function tile(input: TensorLike, multiples: TensorLike, name?: string): Tensor {
  return applyOp(Tile, [input, multiples], {}, { name: name ?? 'Tile' })[0]!;
}
