// Control ops of the `tf` namespace: re-exports only.
export { noOp } from '../ops/control/no_op.js';
export { group } from '../ops/control/group.js';
