// Variable-state ops of the `tf` namespace: re-exports only.
export { assign } from '../ops/state/assign.js';
export { assignAdd } from '../ops/state/assign_add.js';
export { assignSub } from '../ops/state/assign_sub.js';
export { isVariableInitialized } from '../ops/state/is_variable_initialized.js';
