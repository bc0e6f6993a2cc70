import { ValueError } from '../errors.js';
import { GraphKeys } from '../graph/collections.js';
import { getDefaultGraph } from '../graph/default.js';
import type { Graph } from '../graph/graph.js';
import { zerosInitializer } from '../init/initializers.js';
import type { Variable } from '../variables/variable.js';
import { getVariable } from '../variables/variable_scope.js';

/** The graph's global step variable, or null (TF1's tf.train.get_global_step). @example tf.train.getGlobalStep() */
export function getGlobalStep(graph: Graph = getDefaultGraph()): Variable | null {
  const list = graph.getCollection<Variable>(GraphKeys.GLOBAL_STEP);
  if (list.length > 1) throw new ValueError('Multiple tensors in global_step collection.');
  return list[0] ?? null;
}

/**
 * The global step, created if missing: an int64 scalar 'global_step:0' starting at 0, not
 * trainable, in GLOBAL_VARIABLES and GLOBAL_STEP.
 * @example const step = tf.train.getOrCreateGlobalStep()
 */
export function getOrCreateGlobalStep(graph: Graph = getDefaultGraph()): Variable {
  const existing = getGlobalStep(graph);
  if (existing) return existing;
  // As TF1's create_global_step: get_variable at the root name scope.
  return graph.asDefault(() =>
    graph.nameScope(null, () =>
      getVariable('global_step', {
        shape: [],
        dtype: 'int64',
        initializer: zerosInitializer(),
        trainable: false,
        collections: [GraphKeys.GLOBAL_VARIABLES, GraphKeys.GLOBAL_STEP],
      }),
    ),
  );
}
