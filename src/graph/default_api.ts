import { getDefaultGraph } from './default.js';
import type { GraphElementLike } from './graph.js';
import type { Operation } from './operation.js';
import type { Tensor } from './tensor.js';

/** tf.nameScope on the default graph; `fn` gets the scope name with its trailing '/'. @example tf.nameScope('loss', () => tf.reduceMean(err)) */
export function nameScope<T>(name: string | null, fn: (scope: string) => T): T {
  return getDefaultGraph().nameScope(name, fn);
}

/** Ops built in `fn` run after `deps` (null: clear the outer dependencies). @example tf.controlDependencies(updateOps, () => opt.minimize(loss)) */
export function controlDependencies<T>(deps: readonly (Operation | Tensor | GraphElementLike | string)[] | null, fn: () => T): T {
  return getDefaultGraph().controlDependencies(deps, fn);
}

/** @example tf.addToCollection(tf.GraphKeys.LOSSES, loss) */
export function addToCollection(key: string, value: unknown): void {
  getDefaultGraph().addToCollection(key, value);
}

/** @example tf.addToCollections(['a', 'b'], value) */
export function addToCollections(keys: string | readonly string[], value: unknown): void {
  getDefaultGraph().addToCollections(keys, value);
}

/** @example tf.getCollection(tf.GraphKeys.TRAINABLE_VARIABLES, 'encoder') */
export function getCollection<T = unknown>(key: string, scope?: string | RegExp | null): T[] {
  return getDefaultGraph().getCollection<T>(key, scope);
}

/** @example tf.getCollectionRef(tf.GraphKeys.UPDATE_OPS).push(op) */
export function getCollectionRef<T = unknown>(key: string): T[] {
  return getDefaultGraph().getCollectionRef<T>(key);
}

/** Sets the default graph's random seed (TF1's tf.set_random_seed). @example tf.setRandomSeed(42) */
export function setRandomSeed(seed: number | null): void {
  getDefaultGraph().seed = seed;
}
