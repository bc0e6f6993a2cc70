// Math ops of the `tf` namespace: re-exports only.
export { add } from '../ops/math/add.js';
export { subtract } from '../ops/math/sub.js';
export { multiply } from '../ops/math/mul.js';
export { divide } from '../ops/math/real_div.js';
export { negative } from '../ops/math/neg.js';
export { matmul } from '../ops/math/mat_mul.js';
export { reduceSum } from '../ops/math/sum.js';
export { reduceMean } from '../ops/math/mean.js';
export { addN } from '../ops/math/add_n.js';
