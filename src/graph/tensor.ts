import { TypeError } from '../errors.js';
import type { DType } from './dtype.js';
import type { Graph } from './graph.js';
import type { Operation } from './operation.js';
import { mergeShapes, TensorShape, type ShapeLike } from './shape.js';

/**
 * A symbolic tensor: the `valueIndex`-th output of `op`. It holds no value; a Session computes
 * one. Coercing it to a number or boolean throws, as TF forbids `if tensor:`.
 * @example const x = tf.placeholder('float32', [null, 3], 'x'); x.name === 'x:0'; x.shape.toString() === '(?, 3)'
 */
export class Tensor {
  readonly op: Operation;
  readonly valueIndex: number;
  readonly dtype: DType;
  private _shape: TensorShape;

  constructor(op: Operation, valueIndex: number, dtype: DType, shape: TensorShape) {
    this.op = op;
    this.valueIndex = valueIndex;
    this.dtype = dtype;
    this._shape = shape;
  }

  get name(): string {
    return `${this.op.name}:${this.valueIndex}`;
  }

  get graph(): Graph {
    return this.op.graph;
  }

  get shape(): TensorShape {
    return this._shape;
  }

  getShape(): TensorShape {
    return this._shape;
  }

  /** Refines the static shape; TF's set_shape: merge, ValueError (TF's C++ wording) when incompatible. */
  setShape(shape: ShapeLike): void {
    this._shape = mergeShapes(this._shape, TensorShape.from(shape));
  }

  /** The operations that take this tensor as an input. */
  consumers(): import('./operation.js').Operation[] {
    return this.graph.consumersOf(this);
  }

  toString(): string {
    return `Tensor("${this.name}", shape=${this._shape.toString()}, dtype=${this.dtype})`;
  }

  [Symbol.toPrimitive](hint: string): string {
    if (hint === 'string') return this.toString();
    throw new TypeError(
      `Using a symbolic Tensor (${this.name}) as a JavaScript ${hint === 'number' ? 'number' : 'value'} is not allowed. ` +
        'Build the computation with ops (tf.add, tf.cond, ...) and fetch its value with session.run.',
    );
  }
}
