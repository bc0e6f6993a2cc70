import * as tfc from '@tensorflow/tfjs-core';
import { getDefaultGraph } from '../../graph/default.js';
import type { DType } from '../../graph/dtype.js';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { multiply } from '../math/mul.js';
import { defineRandom } from './random_op.js';
import { opSeeds } from './seeds.js';
import { shapeTensor } from './shape_tensor.js';

export const RandomStandardNormal = defineRandom('RandomStandardNormal', (shape, dtype, seed) => tfc.randomNormal(shape, 0, 1, dtype, seed));

export interface RandomNormalOptions {
  mean?: number;
  stddev?: number;
  dtype?: DType;
  seed?: number | null;
  name?: string;
}

/** Normal samples, built as TF1's random_normal (RandomStandardNormal * stddev + mean). @example tf.randomNormal([3], {stddev: 0.1, seed: 1}) */
export function randomNormal(shape: TensorLike, options: RandomNormalOptions = {}): Tensor {
  const g = getDefaultGraph();
  const dtype = options.dtype ?? 'float32';
  return g.nameScope(options.name ?? 'random_normal', (scope) => {
    const shapeT = shapeTensor(shape);
    const mean = constant(options.mean ?? 0, { dtype, name: 'mean' });
    const stddev = constant(options.stddev ?? 1, { dtype, name: 'stddev' });
    const [seed, seed2] = opSeeds(g, options.seed);
    const rnd = applyOp(RandomStandardNormal, [shapeT], { seed, seed2, dtype }, { name: 'RandomStandardNormal' })[0]!;
    return add(multiply(rnd, stddev, 'mul'), mean, scope);
  });
}
