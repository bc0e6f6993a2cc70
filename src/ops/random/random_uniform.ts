import * as tfc from '@tensorflow/tfjs-core';
import { getDefaultGraph } from '../../graph/default.js';
import type { DType } from '../../graph/dtype.js';
import type { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { add } from '../math/add.js';
import { multiply } from '../math/mul.js';
import { subtract } from '../math/sub.js';
import { defineRandom } from './random_op.js';
import { opSeeds } from './seeds.js';
import { shapeTensor } from './shape_tensor.js';

export const RandomUniform = defineRandom('RandomUniform', (shape, dtype, seed) => tfc.randomUniform(shape, 0, 1, dtype, seed));

export interface RandomUniformOptions {
  minval?: number;
  maxval?: number;
  dtype?: DType;
  seed?: number | null;
  name?: string;
}

/**
 * Uniform samples in [minval, maxval), built as TF1 builds random_uniform:
 * `RandomUniform * (max - min) + min` in a 'random_uniform' name scope.
 * @example tf.randomUniform([2, 3], {minval: -1, maxval: 1, seed: 7})
 */
export function randomUniform(shape: TensorLike, options: RandomUniformOptions = {}): Tensor {
  const g = getDefaultGraph();
  const dtype = options.dtype ?? 'float32';
  return g.nameScope(options.name ?? 'random_uniform', (scope) => {
    const shapeT = shapeTensor(shape);
    const minval = constant(options.minval ?? 0, { dtype, name: 'min' });
    const maxval = constant(options.maxval ?? 1, { dtype, name: 'max' });
    const [seed, seed2] = opSeeds(g, options.seed);
    const rnd = applyOp(RandomUniform, [shapeT], { seed, seed2, dtype }, { name: 'RandomUniform' })[0]!;
    return add(multiply(rnd, subtract(maxval, minval, 'sub'), 'mul'), minval, scope);
  });
}
