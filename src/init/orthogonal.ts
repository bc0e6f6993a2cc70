import { ValueError } from '../errors.js';
import { isFloating, type DType } from '../graph/dtype.js';
import type { Tensor } from '../graph/tensor.js';
import { reshape } from '../ops/array/reshape.js';
import { transpose } from '../ops/array/transpose.js';
import { matrixDiagPart } from '../ops/linalg/matrix_diag_part.js';
import { qr } from '../ops/linalg/qr.js';
import { multiply } from '../ops/math/mul.js';
import { sign } from '../ops/math/sign.js';
import { randomNormal } from '../ops/random/random_normal.js';
import { Initializer, type SeedOption } from './initializers.js';

/**
 * TF1's orthogonal initializer: the Q of a QR decomposition of a normal sample (signs fixed
 * by R's diagonal so the distribution is uniform), transposed when there are fewer rows than
 * columns, reshaped to `shape` and scaled by `gain`.
 */
export class Orthogonal extends Initializer {
  constructor(
    readonly gain = 1.0,
    readonly seed: number | null = null,
  ) {
    super();
  }

  call(shape: readonly number[], dtype: DType): Tensor {
    if (!isFloating(dtype)) throw new ValueError(`Expected float dtype, got ${dtype}.`);
    if (shape.length < 2) throw new ValueError('The tensor to initialize must be at least two-dimensional');
    const numRows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
    const numCols = shape[shape.length - 1]!;
    const flat = [Math.max(numCols, numRows), Math.min(numCols, numRows)];
    const a = randomNormal(Int32Array.from(flat), { dtype, seed: this.seed });
    const [q, r] = qr(a);
    let oriented = multiply(q, sign(matrixDiagPart(r)));
    if (numRows < numCols) oriented = transpose(oriented);
    return multiply(this.gain, reshape(oriented, Int32Array.from(shape)));
  }

  override getConfig(): Record<string, unknown> {
    return { gain: this.gain, seed: this.seed };
  }
}

/** @example tf.getVariable('w', {shape: [64, 64], initializer: tf.orthogonalInitializer({gain: 1})}) */
export const orthogonalInitializer = (o: { gain?: number } & SeedOption = {}): Initializer => new Orthogonal(o.gain ?? 1, o.seed ?? null);
