import { ValueError } from '../../errors.js';
import { isFloating } from '../../graph/dtype.js';
import { TensorShape, type Dim } from '../../graph/shape.js';
import { Tensor } from '../../graph/tensor.js';
import { constant } from '../array/const.js';
import { shape } from '../array/shape.js';
import { applyOp } from '../core/apply.js';
import { symbolicOf, type TensorLike } from '../core/tensor_like.js';
import { cast } from '../math/cast.js';
import { greaterEqual } from '../math/greater_equal.js';
import { multiply } from '../math/mul.js';
import { divide } from '../math/real_div.js';
import { asTensor, inScope } from '../math/scope.js';
import { selectV2 } from '../math/select_v2.js';
import { subtract } from '../math/sub.js';
import { RandomUniform } from '../random/random_uniform.js';
import { opSeeds } from '../random/seeds.js';

export interface DropoutOptions {
  /** The probability that each element is dropped (TF1's `rate`). */
  rate?: TensorLike;
  /** Deprecated in TF1: the probability of keeping an element, 1 - rate. */
  keepProb?: TensorLike;
  /** The shape of the keep/drop mask, broadcast against x (null dims take x's). */
  noiseShape?: readonly (number | null)[] | TensorLike | null;
  seed?: number | null;
  name?: string;
}

/** TF1's _get_noise_shape: a static noise shape takes x's dims where it has None. */
function noiseShapeOf(x: Tensor, noise: DropoutOptions['noiseShape']): TensorLike {
  if (noise === undefined || noise === null) return shape(x);
  const t = symbolicOf(noise);
  if (t) return t;
  if (!Array.isArray(noise)) return noise as TensorLike;
  const dims = noise as readonly Dim[];
  const xd = x.shape.dims;
  const merged =
    xd !== null && xd.length === dims.length
      ? dims.map((d, i) => (d === null ? (xd[i] ?? null) : d))
      : [...dims];
  if (merged.some((d) => d === null)) {
    throw new ValueError(
      `noise_shape ${new TensorShape(dims).toString()} must be fully defined where x's shape ${x.shape.toString()} is unknown`,
    );
  }
  return Int32Array.from(merged as number[]);
}

/**
 * TF1's tf.nn.dropout(x, keep_prob, noise_shape, seed, name, rate): each element is zeroed with
 * probability `rate`, the rest scaled by 1 / (1 - rate). Built as TF1 builds it: x scaled,
 * RandomUniform >= rate, SelectV2 against 0. A number second argument is TF1's positional
 * keep_prob.
 * @example tf.nn.dropout(x, {rate: 0.5})
 */
export function dropout(x: TensorLike, options: DropoutOptions | number = {}): Tensor {
  const o: DropoutOptions = typeof options === 'number' ? { keepProb: options } : options;
  let rate: TensorLike | undefined = o.rate;
  if (o.keepProb !== undefined && o.keepProb !== null) {
    if (rate !== undefined && rate !== null)
      throw new ValueError("Cannot specify both 'rate' and 'keep_prob'.");
    // A keep_prob tensor: TF1 computes 1 - keep_prob in the graph.
    rate = typeof o.keepProb === 'number' ? 1 - o.keepProb : subtract(1, o.keepProb, 'sub');
  }
  if (rate === undefined || rate === null)
    throw new ValueError('`rate` must be provided. Received: rate=None');
  const r = rate;
  return inScope([x, r], o.name ?? 'dropout', () => {
    const isNumber = typeof r === 'number';
    if (isNumber && (r < 0 || r >= 1)) {
      throw new ValueError(
        `\`rate\` must be a scalar tensor or a float in the range [0, 1). Received: rate=${r}`,
      );
    }
    const xt = asTensor(x, undefined, 'x');
    if (!isFloating(xt.dtype)) {
      throw new ValueError(
        `\`x.dtype\` must be a floating point tensor as \`x\` will be scaled. Received: x_dtype=<dtype: '${xt.dtype}'>`,
      );
    }
    if (isNumber && r === 0) return xt;
    let scaled: Tensor;
    let rateT: TensorLike;
    if (isNumber) {
      scaled = multiply(xt, constant(1 / (1 - r), { dtype: xt.dtype }), 'Mul');
      rateT = r;
    } else {
      let rt = asTensor(r, xt.dtype, 'rate');
      if (rt.shape.rank !== null && rt.shape.rank !== 0)
        throw new ValueError(`Shape ${rt.shape.toString()} must have rank 0`);
      if (rt.dtype !== xt.dtype) rt = cast(rt, xt.dtype, 'rate');
      scaled = divide(xt, subtract(constant(1, { dtype: xt.dtype }), rt, 'Sub'), 'RealDiv');
      rateT = rt;
    }
    const g = xt.graph;
    const noise = noiseShapeOf(xt, o.noiseShape);
    const random = g.nameScope('random_uniform', () => {
      const [seed, seed2] = opSeeds(g, o.seed);
      const shapeT = noise instanceof Tensor ? noise : asTensor(noise, 'int32', 'shape');
      return applyOp(
        RandomUniform,
        [shapeT],
        { seed, seed2, dtype: xt.dtype },
        { name: 'RandomUniform' },
      )[0]!;
    });
    const keep = greaterEqual(random, rateT);
    const out = selectV2(keep, scaled, constant(0, { dtype: xt.dtype }));
    out.setShape(xt.shape);
    return out;
  });
}
