import * as tfc from '@tensorflow/tfjs-core';
import type { Tensor } from '../../graph/tensor.js';
import { applyOp } from '../core/apply.js';
import type { TensorLike } from '../core/tensor_like.js';
import { defineBinary } from './elementwise.js';
import { FloorDiv } from './floor_div.js';
import { multiply } from './mul.js';
import { negative } from './neg.js';

// tfjs' mod is the floor remainder (the sign of the divisor), as TF's FloorMod.
// TF's _FloorModGrad: dx = dy, dy = dy * -floor(x / y).
export const FloorMod = defineBinary('FloorMod', tfc.mod, ({ inputs: [x, y] }, [dy]) => ({
  x: dy!,
  y: multiply(dy!, negative(applyOp(FloorDiv, [x!, y!])[0]!)),
}));

/** Remainder of floor division (the sign of y), TF's FloorMod. @example tf.floormod(i, 3) */
export function floormod(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(FloorMod, [x, y], {}, { name })[0]!;
}

/** Alias of {@link floormod} (TF1's tf.mod). @example tf.mod(i, 3) */
export const mod = floormod;
