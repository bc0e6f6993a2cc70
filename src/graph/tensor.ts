import { TypeError, ValueError } from '../errors.js';
import type { DType } from './dtype.js';
import type { Graph } from './graph.js';
import type { Operation } from './operation.js';
import { TensorShape, type ShapeLike } from './shape.js';

/**
 * A symbolic tensor: the `valueIndex`-th output of `op`. It holds no value; a Session computes
 * one. Coercing it to a number or boolean throws, as TF forbids `if tensor:`.
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

  /** Refines the static shape; TF's set_shape: merge, ValueError when incompatible. */
  setShape(shape: ShapeLike): void {
    const s = TensorShape.from(shape);
    if (!this._shape.isCompatibleWith(s)) {
      throw new ValueError(
        `Tensor's shape ${this._shape.toString()} is not compatible with supplied shape ${s.toString()}`,
      );
    }
    this._shape = this._shape.mergeWith(s);
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
