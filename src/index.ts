// The public `tf` namespace: re-exports only, no logic.
export * as errors from './api/errors.js';
export { ValueError, TypeError, KeyError, RuntimeError, AttributeError, LookupError, OpError, InvalidArgumentError, FailedPreconditionError, NotFoundError, UnimplementedError, OutOfRangeError } from './errors.js';

export { Graph } from './graph/graph.js';
export { Operation } from './graph/operation.js';
export { Tensor } from './graph/tensor.js';
export { TensorShape } from './graph/shape.js';
export { NDArray } from './graph/ndarray.js';
export type { DType } from './graph/dtype.js';
export { GraphKeys } from './graph/collections.js';
export { getDefaultGraph, resetDefaultGraph } from './graph/default.js';
export { nameScope, controlDependencies, addToCollection, addToCollections, getCollection, getCollectionRef, setRandomSeed } from './graph/default_api.js';

export * from './api/ops_array.js';
export * from './api/ops_math.js';
export * from './api/ops_random.js';
export * from './api/ops_state.js';
export * from './api/ops_control.js';
export * from './api/gradients.js';
export type { TensorLike } from './ops/core/tensor_like.js';
export * as nn from './api/nn.js';
// TF1 also has tf.sigmoid and tf.tanh at the top level.
export { sigmoid, tanh } from './api/nn_activation.js';
export * as losses from './api/losses.js';
export * as regularizers from './api/regularizers.js';
export * as constraints from './api/constraints.js';
export * as contrib from './api/contrib.js';

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
export { orthogonalInitializer } from './init/orthogonal.js';
export { reportUninitializedVariables } from './variables/report_uninitialized.js';
export * as linalg from './api/linalg.js';

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
export * as train from './api/train.js';
export * as layers from './api/layers.js';
export * as GraphDef from './api/graph_def.js';
export { importGraphDef } from './io/import_graph_def.js';
export type { ImportGraphDefOptions } from './io/import_graph_def.js';
export * as summary from './api/summary.js';
