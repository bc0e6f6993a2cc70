import type { Graph } from '../graph/graph.js';

/**
 * Keras' to_snake_case: 'Conv2DTranspose' -> 'conv2d_transpose', 'BatchNormalization' ->
 * 'batch_normalization'. A leading '_' would make a bad scope name, so it becomes 'private_'.
 */
export function toSnakeCase(name: string): string {
  const intermediate = name.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2');
  const insecure = intermediate.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return insecure.startsWith('_') ? `private${insecure}` : insecure;
}

const LAYER_NAME_UIDS = {};

/**
 * TF1's unique layer name (keras' unique_object_name with zero_based=False, as tf.layers asks
 * for it): per graph, 'dense_1', 'dense_2', ... The variable scope is made unique separately
 * and starts at 'dense', so a first unnamed Dense is named 'dense_1' and lives in 'dense/'.
 */
export function uniqueLayerName(graph: Graph, base: string): string {
  const uids = graph.local(LAYER_NAME_UIDS, () => new Map<string, number>());
  const n = (uids.get(base) ?? 0) + 1;
  uids.set(base, n);
  return `${base}_${n}`;
}
