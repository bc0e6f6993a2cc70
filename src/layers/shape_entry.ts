import type { Tensor } from '../graph/tensor.js';
import { stridedSlice } from '../ops/array/strided_slice.js';

/** `shape[axis]` on a shape tensor, as Python indexing builds it (a StridedSlice named 'strided_slice'). */
export function shapeEntry(shape: Tensor, axis: number): Tensor {
  return stridedSlice(
    shape,
    Int32Array.from([axis]),
    Int32Array.from([axis + 1]),
    Int32Array.from([1]),
    { shrinkAxisMask: 1, name: 'strided_slice' },
  );
}
