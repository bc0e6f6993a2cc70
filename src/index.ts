// The public `tf` namespace: re-exports only, no logic.
export * as errors from './api/errors.js';
export { ValueError, TypeError, KeyError, RuntimeError, AttributeError, OpError, InvalidArgumentError, FailedPreconditionError, NotFoundError, UnimplementedError, OutOfRangeError } from './errors.js';

export { Graph } from './graph/graph.js';
export { Operation } from './graph/operation.js';
export { Tensor } from './graph/tensor.js';
export { TensorShape } from './graph/shape.js';
export { NDArray } from './graph/ndarray.js';
export type { DType } from './graph/dtype.js';
export { GraphKeys } from './graph/collections.js';
export { getDefaultGraph, resetDefaultGraph } from './graph/default.js';
export { nameScope, controlDependencies, addToCollection, addToCollections, getCollection, getCollectionRef, setRandomSeed } from './graph/default_api.js';

export { constant } from './ops/array/const.js';
export { placeholder } from './ops/array/placeholder.js';
export { placeholderWithDefault } from './ops/array/placeholder_with_default.js';
export { identity } from './ops/array/identity.js';
export { reshape } from './ops/array/reshape.js';
export { fill } from './ops/array/fill.js';
export { shape } from './ops/array/shape.js';
export { add } from './ops/math/add.js';
export { subtract } from './ops/math/sub.js';
export { multiply } from './ops/math/mul.js';
export { divide } from './ops/math/real_div.js';
export { negative } from './ops/math/neg.js';
export { matmul } from './ops/math/mat_mul.js';
export { reduceSum } from './ops/math/sum.js';
export { reduceMean } from './ops/math/mean.js';
export { randomUniform } from './ops/random/random_uniform.js';
export { randomNormal } from './ops/random/random_normal.js';
export { truncatedNormal } from './ops/random/truncated_normal.js';
export { assign } from './ops/state/assign.js';
export { assignAdd } from './ops/state/assign_add.js';
export { assignSub } from './ops/state/assign_sub.js';
export { isVariableInitialized } from './ops/state/is_variable_initialized.js';
export { noOp } from './ops/control/no_op.js';
export { group } from './ops/control/group.js';
export type { TensorLike } from './ops/core/tensor_like.js';
export * as nn from './api/nn.js';

export * as initializers from './api/initializers.js';
export {
  zerosInitializer,
  onesInitializer,
  constantInitializer,
  randomUniformInitializer,
  randomNormalInitializer,
  truncatedNormalInitializer,
  varianceScalingInitializer,
  glorotUniformInitializer,
  glorotNormalInitializer,
} from './init/initializers.js';

export { Variable } from './variables/variable.js';
export { getVariable, variableScope, getVariableScope, VariableScope, AUTO_REUSE } from './variables/variable_scope.js';
export {
  globalVariables,
  trainableVariables,
  localVariables,
  modelVariables,
  globalVariablesInitializer,
  localVariablesInitializer,
  variablesInitializer,
} from './variables/collections.js';

export { Session } from './session/session.js';
export type { SessionOptions, FetchResult } from './session/session.js';
