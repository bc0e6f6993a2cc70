import type { Tensor } from '../../graph/tensor.js';
import { reshape } from '../array/reshape.js';
import { shape } from '../array/shape.js';
import type { GradContext, GradResult } from '../core/define.js';
import { cast } from './cast.js';
import { equal } from './equal.js';
import { keptShape } from './kept_shape.js';
import { multiply } from './mul.js';
import { divide } from './real_div.js';
import type { ReductionAttrs } from './reduction.js';
import { reduceSum } from './sum.js';

/**
 * TF's _MinOrMaxGrad: the gradient goes to the elements equal to the extremum, split equally
 * among ties (indicators / their count per output element).
 */
export function minOrMaxGrad(
  { inputs: [x, axes], outputs: [out], attrs }: GradContext<ReductionAttrs>,
  dy: Tensor,
): GradResult {
  let y = out!;
  let g = dy;
  let kept;
  if (!attrs.keep_dims) {
    kept = keptShape(x!, axes!);
    y = reshape(y, kept);
    g = reshape(g, kept);
  } else {
    kept = shape(y);
  }
  const indicators = cast(equal(y, x!), g.dtype);
  const numSelected = reshape(reduceSum(indicators, axes!), kept);
  return { input: multiply(divide(indicators, numSelected), g), reduction_indices: null };
}
