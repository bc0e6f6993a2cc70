import { getDefaultGraph } from '../graph/default.js';
import type { Tensor } from '../graph/tensor.js';
import { constant } from '../ops/array/const.js';
import { gather } from '../ops/array/gather_v2.js';
import { stack } from '../ops/array/pack.js';
import { squeeze } from '../ops/array/squeeze.js';
import { logicalNot } from '../ops/math/logical_not.js';
import { whereIndices } from '../ops/math/where.js';
import { isVariableInitialized } from '../ops/state/is_variable_initialized.js';
import { globalVariables, localVariables } from './collections.js';
import type { Variable } from './variable.js';

/**
 * TF1's report_uninitialized_variables: a 1-D string tensor of the names of the variables not
 * yet initialized in the running session (all global and local variables by default).
 * @example const names = await sess.run(tf.reportUninitializedVariables())
 */
export function reportUninitializedVariables(varList?: readonly Variable[], name = 'report_uninitialized_variables'): Tensor {
  const vars = varList ?? [...globalVariables(), ...localVariables()];
  return getDefaultGraph().nameScope(name, () => {
    if (vars.length === 0) return constant([], { dtype: 'string' });
    const mask = logicalNot(stack(vars.map((v) => isVariableInitialized(v))));
    const names = constant(vars.map((v) => v.op.name), { dtype: 'string' });
    // TF's boolean_mask for a 1-D mask: the true positions, gathered.
    return getDefaultGraph().nameScope('boolean_mask', () => gather(names, squeeze(whereIndices(mask), [1])));
  });
}
