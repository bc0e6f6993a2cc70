import { ValueError } from '../../errors.js';
import { TensorShape, type Dim } from '../../graph/shape.js';

/** Static broadcasting of two shapes (numpy rules), with unknown dims and ranks. */
export function broadcastShapes(a: TensorShape, b: TensorShape): TensorShape {
  if (a.dims === null || b.dims === null) return TensorShape.unknown();
  const n = Math.max(a.dims.length, b.dims.length);
  const out: Dim[] = [];
  for (let i = 0; i < n; i++) {
    const x = a.dims[a.dims.length - n + i];
    const y = b.dims[b.dims.length - n + i];
    const dx = x === undefined ? 1 : x;
    const dy = y === undefined ? 1 : y;
    if (dx === 1) out.push(dy);
    else if (dy === 1) out.push(dx);
    else if (dx === null) out.push(dy);
    else if (dy === null) out.push(dx);
    else if (dx === dy) out.push(dx);
    else {
      throw new ValueError(`Dimensions must be equal, but are ${dx} and ${dy}: shapes ${a.toBracketString()} and ${b.toBracketString()} cannot be broadcast`);
    }
  }
  return new TensorShape(out);
}

/** Concrete broadcasting, for kernels and references. */
export function broadcastConcrete(a: readonly number[], b: readonly number[]): number[] {
  return broadcastShapes(new TensorShape(a), new TensorShape(b)).asList() as number[];
}
