/**
 * TF's summary histogram (tensorflow/core/lib/histogram): default bucket limits growing by 10%
 * from 1e-12 to 1e20, mirrored for negatives, and runs of empty buckets collapsed on encoding.
 */
const DBL_MAX = Number.MAX_VALUE;

function defaultLimits(): number[] {
  const pos: number[] = [];
  for (let v = 1e-12; v < 1e20; v *= 1.1) pos.push(v);
  pos.push(DBL_MAX);
  const neg = [...pos].reverse().map((x) => -x);
  return [...neg, 0, ...pos];
}

const LIMITS = defaultLimits();

export interface HistogramObject {
  min: number;
  max: number;
  num: number;
  sum: number;
  sumSquares: number;
  bucketLimit: number[];
  bucket: number[];
}

/** The HistogramProto TF's HistogramSummary writes for `values`. */
export function histogramOf(values: ArrayLike<number>): HistogramObject {
  const counts = new Float64Array(LIMITS.length);
  let min = DBL_MAX;
  let max = -DBL_MAX;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // The bucket whose limit is the first one above v (upper_bound).
    let lo = 0;
    let hi = LIMITS.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (LIMITS[mid]! > v) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]! += 1;
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    sumSquares += v * v;
  }
  const bucketLimit: number[] = [];
  const bucket: number[] = [];
  for (let i = 0; i < counts.length; ) {
    let end = LIMITS[i]!;
    let count = counts[i]!;
    i++;
    if (count <= 0) {
      while (i < counts.length && counts[i]! <= 0) {
        end = LIMITS[i]!;
        count = counts[i]!;
        i++;
      }
    }
    bucketLimit.push(end);
    bucket.push(count);
  }
  return { min, max, num: values.length, sum, sumSquares, bucketLimit, bucket };
}
