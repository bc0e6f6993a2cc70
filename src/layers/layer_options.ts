import type { DType } from '../graph/dtype.js';
import type { InitializerLike } from '../init/initializers.js';
import type { TensorLike } from '../ops/core/tensor_like.js';
import type { Constraint } from '../variables/variable.js';
import type { Regularizer, ReuseMode, VariableScope } from '../variables/variable_scope.js';

/** tf.layers.Layer's constructor options. `_scope` and `_reuse` are what functional forms pass. */
export interface LayerOptions {
  trainable?: boolean;
  name?: string | null;
  dtype?: DType | null;
  activityRegularizer?: Regularizer | null;
  _scope?: string | VariableScope | null;
  _reuse?: ReuseMode | null;
}

/** Keyword arguments of a call: `training` for Dropout and BatchNormalization, `scope` for the first call. */
export interface CallKwargs {
  training?: boolean | TensorLike | null;
  scope?: string | VariableScope | null;
  [key: string]: unknown;
}

export interface AddVariableOptions {
  dtype?: DType | null;
  initializer?: InitializerLike | null;
  regularizer?: Regularizer | null;
  trainable?: boolean;
  constraint?: Constraint | null;
  /** TF's partitioned variables are not supported; anything but null throws. */
  partitioner?: null;
}
