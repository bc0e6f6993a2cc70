import { TensorShape, type ShapeLike } from '../../graph/shape.js';
import type { Tensor } from '../../graph/tensor.js';
import { expandDims } from '../../ops/array/expand_dims.js';
import { stack } from '../../ops/array/pack.js';
import { reshape } from '../../ops/array/reshape.js';
import { shape } from '../../ops/array/shape.js';
import { transpose } from '../../ops/array/transpose.js';
import type { TensorLike } from '../../ops/core/tensor_like.js';
import { Layer, type LayerOptions } from '../base.js';
import { applyFunctional, type FunctionalForm } from '../functional.js';
import { shapeEntry } from '../shape_entry.js';
import { InputSpec } from '../input_spec.js';
import * as opt from '../options.js';

export interface FlattenOptions extends LayerOptions {
  /** channels_first inputs are moved to channels_last first, so the order matches. */
  dataFormat?: string;
}

const flattenSchema = opt.optionsSchema({ ...opt.baseShape, dataFormat: opt.dataFormat });

/**
 * Flattens each example to a vector, keeping the batch axis: (batch, ...) -> (batch, n).
 * Keeps what is known of the shape: (?, 4, 5) gives (?, 20).
 * @example const flat = new tf.layers.Flatten().apply(pool) // (?, 7, 7, 64) -> (?, 3136)
 */
export class Flatten extends Layer {
  readonly dataFormat: opt.DataFormat;

  constructor(options: FlattenOptions = {}) {
    const o = opt.parseOptions(flattenSchema, options, new.target.name);
    super(opt.baseOf(o));
    this.dataFormat = o.dataFormat;
    this.inputSpec = new InputSpec({ minNdim: 1 });
  }

  override call(inputs: Tensor): Tensor {
    let x = inputs;
    const rank = x.shape.rank!;
    if (this.dataFormat === 'channels_first' && rank > 1) {
      x = transpose(x, [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1]);
    }
    if (rank === 1) return expandDims(x, 1);
    const dims = x.shape.asList();
    const inner = dims.slice(1);
    let target: TensorLike;
    if (inner.every((d) => d !== null)) {
      target = Int32Array.from([-1, (inner as number[]).reduce((p, d) => p * d, 1)]);
    } else if (dims[0] !== null) {
      target = Int32Array.from([dims[0]!, -1]);
    } else {
      // Neither known: the batch size is read at run time (TF's shape(inputs)[0]).
      const batch = shapeEntry(shape(x), 0);
      target = stack([batch, -1]);
    }
    const y = reshape(x, target);
    y.setShape(this.computeOutputShape(inputs.shape));
    return y;
  }

  override computeOutputShape(inputShape: ShapeLike): TensorShape {
    const dims = TensorShape.from(inputShape).asList();
    if (dims.length === 0) return new TensorShape([1]);
    const inner = dims.slice(1);
    const n =
      inner.length === 0
        ? 1
        : inner.every((d) => d !== null && d !== 0)
          ? (inner as number[]).reduce((p, d) => p * d, 1)
          : null;
    return new TensorShape([dims[0] ?? null, n]);
  }
}

/** Functional Flatten. @example tf.layers.flatten(x) */
export function flatten(inputs: TensorLike, options: FunctionalForm<FlattenOptions> = {}): Tensor {
  return applyFunctional((o: FlattenOptions) => new Flatten(o), inputs, options);
}
