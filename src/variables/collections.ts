import { GraphKeys } from '../graph/collections.js';
import { getDefaultGraph } from '../graph/default.js';
import type { Operation } from '../graph/operation.js';
import { group } from '../ops/control/group.js';
import { noOp } from '../ops/control/no_op.js';
import type { Variable } from './variable.js';

/** @example tf.globalVariables('encoder') */
export function globalVariables(scope?: string | RegExp): Variable[] {
  return getDefaultGraph().getCollection<Variable>(GraphKeys.GLOBAL_VARIABLES, scope);
}

/** @example tf.trainableVariables() */
export function trainableVariables(scope?: string | RegExp): Variable[] {
  return getDefaultGraph().getCollection<Variable>(GraphKeys.TRAINABLE_VARIABLES, scope);
}

/** @example tf.localVariables() */
export function localVariables(scope?: string | RegExp): Variable[] {
  return getDefaultGraph().getCollection<Variable>(GraphKeys.LOCAL_VARIABLES, scope);
}

/** @example tf.modelVariables() */
export function modelVariables(scope?: string | RegExp): Variable[] {
  return getDefaultGraph().getCollection<Variable>(GraphKeys.MODEL_VARIABLES, scope);
}

/** One op running every initializer in `vars` (a NoOp when empty), named 'init' by default. @example sess.run(tf.variablesInitializer([w, b])) */
export function variablesInitializer(vars: readonly Variable[], name = 'init'): Operation {
  if (vars.length === 0) return noOp(name);
  return group(
    vars.map((v) => v.initializer),
    { name },
  );
}

/** @example await sess.run(tf.globalVariablesInitializer()) */
export function globalVariablesInitializer(): Operation {
  return variablesInitializer(globalVariables());
}

/** @example await sess.run(tf.localVariablesInitializer()) */
export function localVariablesInitializer(): Operation {
  return variablesInitializer(localVariables());
}
