// Array and creation ops of the `tf` namespace: re-exports only.
export { constant } from '../ops/array/const.js';
export { placeholder } from '../ops/array/placeholder.js';
export { placeholderWithDefault } from '../ops/array/placeholder_with_default.js';
export { identity } from '../ops/array/identity.js';
export { reshape } from '../ops/array/reshape.js';
export { fill } from '../ops/array/fill.js';
export { shape } from '../ops/array/shape.js';
export { zerosLike } from '../ops/array/zeros_like.js';
export { broadcastTo } from '../ops/array/broadcast_to.js';
