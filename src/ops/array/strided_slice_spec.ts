import type { Dim } from '../../graph/shape.js';

export interface SliceMasks {
  readonly begin_mask: number;
  readonly end_mask: number;
  readonly ellipsis_mask: number;
  readonly new_axis_mask: number;
  readonly shrink_axis_mask: number;
}

/**
 * A strided slice resolved against the input's rank (TF's StridedSliceDenseSpec after
 * ValidateStridedSliceOp): per input dim the canonical begin/end/stride (valid where the dim
 * and the sparse values are known) and the number of elements taken; then the final shape
 * after shrinking and new axes.
 */
export interface DenseSlice {
  readonly begin: number[];
  readonly end: number[];
  readonly strides: number[];
  /** Elements taken per input dim (TF's processing shape). */
  readonly processing: Dim[];
  readonly final: Dim[];
}

const SHRINK = -1;
const NEW_AXIS = -2;

/**
 * TF's ValidateStridedSliceOp. `begin`/`end` null when not known while building (shape
 * inference only); `inputDims` may hold unknown dims. `fail` makes TF's error (ValueError while
 * building, InvalidArgumentError in a kernel).
 */
export function resolveStridedSlice(
  begin: readonly number[] | null,
  end: readonly number[] | null,
  strides: readonly number[],
  inputDims: readonly Dim[],
  masks: SliceMasks,
  fail: (message: string) => Error,
): DenseSlice {
  const n = strides.length;
  if ((begin && begin.length !== n) || (end && end.length !== n) || n >= 32) {
    throw fail(
      `Expected begin, end, and strides to be 1D equal size tensors, but got shapes [${begin?.length ?? '?'}], [${end?.length ?? '?'}], and [${n}] instead.`,
    );
  }
  const ellipsisMask = masks.ellipsis_mask;
  if (ellipsisMask && (ellipsisMask & (ellipsisMask - 1)) !== 0)
    throw fail('Multiple ellipses in slice spec not allowed');

  // Step 1: count new axes after the ellipsis; add an implicit trailing ellipsis.
  let sparseDims = n;
  let sparseEllipsis = ellipsisMask;
  let newAxesAfterEllipsis = 0;
  let ellipsisSeen = false;
  for (let i = 0; i < n; i++) {
    if (ellipsisSeen && (1 << i) & masks.new_axis_mask) newAxesAfterEllipsis++;
    if ((1 << i) & ellipsisMask) ellipsisSeen = true;
  }
  if (!ellipsisSeen) {
    sparseEllipsis |= 1 << sparseDims;
    sparseDims++;
  }

  // Step 2: the dense spec, one entry per input dim.
  const dims = inputDims.length;
  const dBegin = new Array<number>(dims).fill(0);
  const dEnd = new Array<number>(dims).fill(0);
  const dStrides = new Array<number>(dims).fill(1);
  let beginMask = 0;
  let endMask = 0;
  let shrinkMask = 0;
  const gather: number[] = [];
  let full = 0;
  for (let i = 0; i < sparseDims; i++) {
    if ((1 << i) & sparseEllipsis) {
      const next = Math.min(dims - (sparseDims - i) + 1 + newAxesAfterEllipsis, dims);
      for (; full < next; full++) {
        beginMask |= 1 << full;
        endMask |= 1 << full;
        gather.push(full);
      }
    } else if ((1 << i) & masks.new_axis_mask) {
      gather.push(NEW_AXIS);
    } else {
      if (full === dims) {
        if (dims === 0) throw fail('Attempting to slice scalar input.');
        throw fail(`Index out of range using input dim ${full}; input has only ${dims} dims`);
      }
      if (begin) dBegin[full] = begin[i]!;
      if (end) dEnd[full] = end[i]!;
      dStrides[full] = strides[i]!;
      if (masks.begin_mask & (1 << i)) beginMask |= 1 << full;
      if (masks.end_mask & (1 << i)) endMask |= 1 << full;
      if (masks.shrink_axis_mask & (1 << i)) {
        gather.push(SHRINK);
        shrinkMask |= 1 << full;
      } else gather.push(full);
      full++;
    }
  }

  // Step 3: canonical ranges and the processing shape.
  const processing: Dim[] = [];
  for (let i = 0; i < dims; i++) {
    const stride = dStrides[i]!;
    const dim = inputDims[i] ?? null;
    if (stride === 0) throw fail(`strides[${i}] must be non-zero`);
    const shrink = (shrinkMask & (1 << i)) !== 0;
    if (dim === null) {
      processing.push(shrink ? 1 : null);
      continue;
    }
    const bm = (beginMask & (1 << i)) !== 0;
    const em = (endMask & (1 << i)) !== 0;
    const lo = stride > 0 ? 0 : -1;
    const hi = stride > 0 ? dim : dim - 1;
    const canonical = (x: number, masked: boolean, isEnd: boolean): number => {
      if (masked) return stride > 0 ? (isEnd ? hi : lo) : isEnd ? lo : hi;
      const fwd = x < 0 ? dim + x : x;
      return fwd < lo ? lo : fwd > hi ? hi : fwd;
    };
    if (shrink && stride <= 0) throw fail('only stride 1 allowed on non-range indexing.');
    const valid = begin !== null && end !== null;
    if (valid) {
      if (shrink) {
        const fwd = dBegin[i]! < 0 ? dim + dBegin[i]! : dBegin[i]!;
        dBegin[i] = fwd;
        dEnd[i] = fwd + 1;
        if (fwd < 0 || fwd >= dim)
          throw fail(`slice index ${fwd} of dimension ${i} out of bounds.`);
      } else {
        dBegin[i] = canonical(dBegin[i]!, bm, false);
        dEnd[i] = canonical(dEnd[i]!, em, true);
      }
    }
    let interval: number | null = null;
    if (valid) interval = dEnd[i]! - dBegin[i]!;
    else if (shrink) interval = 1;
    else if (bm && em) interval = stride < 0 ? -dim : dim;
    if (interval === null) processing.push(null);
    else if (interval === 0 || interval < 0 !== stride < 0) processing.push(0);
    else processing.push(Math.trunc(interval / stride) + (interval % stride !== 0 ? 1 : 0));
  }

  // Step 4: the final shape (shrunk dims dropped, new axes of size 1).
  const final: Dim[] = [];
  for (const g of gather) {
    if (g >= 0) final.push(processing[g]!);
    else if (g === NEW_AXIS) final.push(1);
  }
  return { begin: dBegin, end: dEnd, strides: dStrides, processing, final };
}

/** The input indices a resolved 1-D slice takes, in order (for build-time values). */
export function sliceIndices1d(spec: DenseSlice): number[] {
  const n = spec.processing[0] ?? 0;
  const out: number[] = [];
  for (let k = 0; k < (n ?? 0); k++) out.push(spec.begin[0]! + k * spec.strides[0]!);
  return out;
}
