import { TypeError, ValueError } from '../errors.js';
import { asDType, type DType } from '../graph/dtype.js';
import { TensorShape, type Dim } from '../graph/shape.js';
import { Tensor } from '../graph/tensor.js';

export interface InputSpecOptions {
  dtype?: DType | null;
  /** Expected shape, batch included; null entries are unchecked. Sets `ndim`. */
  shape?: readonly Dim[] | TensorShape | null;
  ndim?: number | null;
  maxNdim?: number | null;
  minNdim?: number | null;
  /** Axis (negative counts from the end) to the size it must have. */
  axes?: Readonly<Record<number, number | null>> | null;
}

/**
 * What a layer accepts as input: rank, dtype, shape, or sizes of given axes. Checked on every
 * call of the layer (TF's InputSpec and assert_input_compatibility).
 * @example layer.inputSpec = new tf.layers.InputSpec({minNdim: 2, axes: {[-1]: 8}})
 */
export class InputSpec {
  readonly dtype: DType | null;
  readonly shape: readonly Dim[] | null;
  readonly ndim: number | null;
  readonly maxNdim: number | null;
  readonly minNdim: number | null;
  readonly axes: Readonly<Record<number, number | null>>;

  constructor(options: InputSpecOptions = {}) {
    this.dtype =
      options.dtype === undefined || options.dtype === null ? null : asDType(options.dtype);
    const shape = TensorShape.from(options.shape);
    if (shape.dims !== null) {
      this.shape = Object.freeze([...shape.dims]);
      this.ndim = shape.dims.length;
    } else {
      this.shape = null;
      this.ndim = options.ndim ?? null;
    }
    this.maxNdim = options.maxNdim ?? null;
    this.minNdim = options.minNdim ?? null;
    const axes: Record<number, number | null> = {};
    for (const [k, v] of Object.entries(options.axes ?? {})) {
      const axis = Number(k);
      if (!Number.isInteger(axis)) throw new TypeError('The keys in axes must be integers.');
      axes[axis] = v;
    }
    this.axes = Object.freeze(axes);
    const keys = Object.keys(axes).map(Number);
    const limit = this.ndim ?? this.maxNdim;
    if (keys.length > 0 && limit !== null) {
      const maxAxis = Math.max(...keys);
      if (maxAxis > limit - 1)
        throw new ValueError(
          `Axis ${maxAxis} is greater than the maximum allowed value: ${limit - 1}`,
        );
    }
  }

  toString(): string {
    const parts = [
      this.dtype ? `dtype=${this.dtype}` : '',
      this.shape ? `shape=${pyTuple(this.shape)}` : '',
      this.ndim ? `ndim=${this.ndim}` : '',
      this.maxNdim ? `max_ndim=${this.maxNdim}` : '',
      this.minNdim ? `min_ndim=${this.minNdim}` : '',
      Object.keys(this.axes).length > 0 ? `axes=${pyDict(this.axes)}` : '',
    ];
    return `InputSpec(${parts.filter((p) => p).join(', ')})`;
  }
}

/** Python's tuple repr of a shape: `(None, 8)`, `(3,)`. */
export function pyTuple(dims: readonly Dim[]): string {
  const parts = dims.map((d) => (d === null ? 'None' : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

function pyDict(axes: Readonly<Record<number, number | null>>): string {
  return `{${Object.entries(axes)
    .map(([k, v]) => `${k}: ${v === null ? 'None' : v}`)
    .join(', ')}}`;
}

/**
 * TF's assert_input_compatibility: a clear ValueError naming the layer, the input and what
 * was expected. `spec` may be one InputSpec or one (or null) per input.
 */
export function assertInputCompatibility(
  spec: InputSpec | readonly (InputSpec | null)[] | null,
  inputs: readonly Tensor[],
  layerName: string,
): void {
  if (spec === null) return;
  const specs = spec instanceof InputSpec ? [spec] : spec;
  if (specs.length === 0) return;
  for (const x of inputs) {
    if (!(x instanceof Tensor))
      throw new TypeError(`Inputs to a layer should be tensors. Got: ${String(x)}`);
  }
  if (inputs.length !== specs.length) {
    throw new ValueError(
      `Layer ${layerName} expects ${specs.length} input(s), but it received ${inputs.length} input tensors. Inputs received: [${inputs.map((t) => t.toString()).join(', ')}]`,
    );
  }
  specs.forEach((s, i) => {
    if (s) checkOne(s, inputs[i]!, i, layerName);
  });
}

function checkOne(spec: InputSpec, x: Tensor, index: number, layerName: string): void {
  const dims = x.shape.dims;
  const prefix = `Input ${index} of layer ${layerName} is incompatible with the layer: `;
  if (dims === null) {
    // TF's wording, its doubled ': ' before min_ndim included.
    if (spec.ndim !== null || spec.minNdim !== null || spec.maxNdim !== null) {
      throw new ValueError(
        `${prefix}its rank is undefined, but the layer requires a defined rank.`,
      );
    }
  } else {
    const ndim = dims.length;
    if (spec.ndim !== null && ndim !== spec.ndim) {
      throw new ValueError(
        `${prefix}expected ndim=${spec.ndim}, found ndim=${ndim}. Full shape received: ${pyTuple(dims)}`,
      );
    }
    if (spec.maxNdim !== null && ndim > spec.maxNdim) {
      throw new ValueError(`${prefix}expected max_ndim=${spec.maxNdim}, found ndim=${ndim}`);
    }
    if (spec.minNdim !== null && ndim < spec.minNdim) {
      throw new ValueError(
        `${prefix}: expected min_ndim=${spec.minNdim}, found ndim=${ndim}. Full shape received: ${pyTuple(dims)}`,
      );
    }
  }
  if (spec.dtype !== null && x.dtype !== spec.dtype) {
    throw new ValueError(`${prefix}expected dtype=${spec.dtype}, found dtype=${x.dtype}`);
  }
  if (dims === null) return;
  for (const [k, value] of Object.entries(spec.axes)) {
    const axis = Number(k);
    const actual = dims[axis < 0 ? dims.length + axis : axis];
    if (value !== null && actual !== undefined && actual !== null && actual !== value) {
      throw new ValueError(
        `${prefix}expected axis ${axis} of input shape to have value ${value} but received input with shape ${pyTuple(dims)}`,
      );
    }
  }
  if (spec.shape !== null) {
    spec.shape.forEach((want, i) => {
      const got = dims[i];
      if (want !== null && got !== undefined && got !== null && want !== got) {
        throw new ValueError(
          `Input ${index} is incompatible with layer ${layerName}: expected shape=${pyTuple(spec.shape!)}, found shape=${pyTuple(dims)}`,
        );
      }
    });
  }
}
