import type { Tensor } from '../../graph/tensor.js';
import { identity } from '../../ops/array/identity.js';
import { stack } from '../../ops/array/pack.js';
import { shape } from '../../ops/array/shape.js';
import type { TensorLike } from '../../ops/core/tensor_like.js';
import { dropout as nnDropout } from '../../ops/nn/dropout.js';
import { Layer, type CallKwargs, type LayerOptions } from '../base.js';
import { applyFunctional, type FunctionalForm } from '../functional.js';
import { shapeEntry } from '../shape_entry.js';
import * as opt from '../options.js';
import { smartCond, type TrainingFlag } from '../smart_cond.js';

export interface DropoutOptions extends LayerOptions {
  /** The fraction of the inputs to drop, in [0, 1) (default 0.5). */
  rate?: number;
  /** The shape of the keep/drop mask (null entries take the input's size), e.g. [null, 1, null] to share it along an axis. */
  noiseShape?: readonly (number | null)[] | null;
  seed?: number | null;
}

const dropoutSchema = opt.optionsSchema({
  ...opt.baseShape,
  rate: opt.num('rate', 0.5, (r) => r >= 0 && r < 1, 'a float in the range [0, 1)'),
  noiseShape: opt.field<(number | null)[] | null>(
    (v) =>
      v === null ||
      (Array.isArray(v) &&
        v.every((d) => d === null || (Number.isInteger(d) && (d as number) >= 0)))
        ? { ok: v === null ? null : [...(v as (number | null)[])] }
        : {
            error: `The \`noiseShape\` argument must be a list of sizes (null for the input's). Received: ${opt.show(v)}`,
          },
    () => null,
  ),
  seed: opt.field<number | null>(
    (v) =>
      v === null || Number.isInteger(v)
        ? { ok: v as number | null }
        : { error: `The \`seed\` argument must be an integer. Received: ${opt.show(v)}` },
    () => null,
  ),
});

/**
 * Dropout: while training, zeroes each input with probability `rate` and scales the rest by
 * 1 / (1 - rate); otherwise passes the input through ('dropout/Identity'). `training` is
 * given at call time: a boolean, or a boolean tensor (then a tf.cond decides at run time).
 * @example const h = new tf.layers.Dropout({rate: 0.3}).apply(x, {training: isTraining})
 */
export class Dropout extends Layer {
  readonly rate: number;
  readonly noiseShape: readonly (number | null)[] | null;
  readonly seed: number | null;

  constructor(options: DropoutOptions = {}) {
    const o = opt.parseOptions(dropoutSchema, options, new.target.name);
    super(opt.baseOf(o));
    this.rate = o.rate;
    this.noiseShape = o.noiseShape;
    this.seed = o.seed;
  }

  /** keras' _get_noise_shape: null entries become the input's size, read at run time if unknown. */
  private noiseShapeFor(x: Tensor): readonly (number | null)[] | Tensor | null {
    const ns = this.noiseShape;
    if (ns === null) return null;
    const dims = x.shape.dims;
    const filled = ns.map((d, i) => d ?? dims?.[i] ?? null);
    if (filled.every((d) => d !== null)) return filled;
    const symbolic = shape(x);
    return stack(filled.map((d, i) => d ?? shapeEntry(symbolic, i)));
  }

  override call(inputs: Tensor, kwargs: CallKwargs = {}): Tensor {
    const training = kwargs.training as TrainingFlag;
    return smartCond(
      training,
      () =>
        nnDropout(inputs, {
          rate: this.rate,
          noiseShape: this.noiseShapeFor(inputs),
          seed: this.seed,
        }),
      () => identity(inputs),
    );
  }
}

/** Functional Dropout; `training` (default false) may be a boolean tensor. @example tf.layers.dropout(h, {rate: 0.5, training: isTraining}) */
export function dropout(
  inputs: TensorLike,
  options: FunctionalForm<DropoutOptions> & { training?: TrainingFlag } = {},
): Tensor {
  const { training, ...rest } = options;
  return applyFunctional((o: DropoutOptions) => new Dropout(o), inputs, rest, {
    training: training ?? false,
  });
}
