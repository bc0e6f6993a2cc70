// Control ops of the `tf` namespace: re-exports only.
export { noOp } from '../ops/control/no_op.js';
export { group } from '../ops/control/group.js';
export { tuple } from '../ops/control/tuple.js';
export type { TupleOptions } from '../ops/control/tuple.js';
export { cond, smartCond } from '../ops/control/cond.js';
export type { CondOptions, CondResult, Nested } from '../ops/control/cond.js';
export { caseOp as case } from '../ops/control/case.js';
export type { CaseOptions } from '../ops/control/case.js';
export { whileLoop } from '../ops/control/while_loop.js';
export type { LoopArgs, LoopResult, WhileLoopOptions } from '../ops/control/while_loop.js';
export { assertOp as Assert } from '../ops/control/assert.js';
