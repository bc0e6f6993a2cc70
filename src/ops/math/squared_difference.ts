import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';
import { multiply } from './mul.js';
import { negative } from './neg.js';
import { subtract } from './sub.js';

// TF's _SquaredDifferenceGrad: dx = (2 * dy) * (x - y), dy = -dx, built after dy.
export const SquaredDifference = defineBinary(
  'SquaredDifference',
  tfc.squaredDifference,
  ({ op, inputs: [x, y] }, [dy]) => {
    const gx = op.graph.controlDependencies([dy!], () =>
      multiply(multiply(2, dy!), subtract(x!, y!)),
    );
    return { x: gx, y: negative(gx) };
  },
);

/** (x - y)^2 with broadcasting. @example tf.squaredDifference(pred, label) */
export function squaredDifference(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(SquaredDifference, [x, y], {}, { name })[0]!;
}
