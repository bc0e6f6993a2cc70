import type * as tfc from '@tensorflow/tfjs-core';
import { computeDType, isFloating, type DType } from '../../graph/dtype.js';
import { TensorShape } from '../../graph/shape.js';
import { TypeError } from '../../errors.js';
import { attr } from '../core/attr.js';
import { defineOp, type OpRecord } from '../core/define.js';

const randomAttrs = { seed: attr.int(0), seed2: attr.int(0), dtype: attr.type(), T: attr.type('int32') };
export type RandomAttrs = typeof randomAttrs;

/**
 * A stateful random op of TF's (shape) -> sample form; `draw` gets a fresh seed each run from
 * the Session, so runs differ while the whole sequence is fixed by the graph and op seeds.
 */
export function defineRandom(type: string, draw: (shape: number[], dtype: 'float32', seed: number) => tfc.Tensor): OpRecord<RandomAttrs> {
  return defineOp({
    type,
    inputs: ['shape:T'],
    attrs: randomAttrs,
    infer: ([shape], a) => {
      if (!isFloating(a.dtype)) throw new TypeError(`${type} only produces floating dtypes, got ${a.dtype}`);
      if (shape!.value) return [{ dtype: a.dtype, shape: new TensorShape(Array.from(shape!.value.data as ArrayLike<number>)) }];
      const n = shape!.shape.dim(0);
      return [{ dtype: a.dtype, shape: n === null ? TensorShape.unknown() : TensorShape.unknownOfRank(n) }];
    },
    kernel: ([shape], a, ctx) => [draw(Array.from(shape!.dataSync()), computeDType(a.dtype as DType) as 'float32', ctx.nextSeed())],
    grad: 'none',
    stateful: true,
  });
}
