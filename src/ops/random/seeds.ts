import type { Graph } from '../../graph/graph.js';

/** TF's DEFAULT_GRAPH_SEED, used when only an op seed is given. */
export const DEFAULT_GRAPH_SEED = 87654321;
const MAX_INT32 = 2 ** 31 - 1;

/**
 * TF1's random_seed.get_seed: the (seed, seed2) attrs of a new random op. With a graph seed and
 * no op seed, the op seed is the graph's op count, so the same program draws the same values.
 * (0, 0) means nondeterministic.
 */
export function opSeeds(g: Graph, opSeed: number | null | undefined): [number, number] {
  const truncate = (s: number): number => s % MAX_INT32;
  let seeds: [number, number];
  if (g.seed !== null) {
    seeds = [truncate(g.seed), truncate(opSeed ?? g.operations.length)];
  } else if (opSeed !== null && opSeed !== undefined) {
    seeds = [DEFAULT_GRAPH_SEED, truncate(opSeed)];
  } else {
    seeds = [0, 0];
  }
  if (seeds[0] === 0 && seeds[1] === 0 && (g.seed !== null || (opSeed !== null && opSeed !== undefined))) return [0, MAX_INT32];
  return seeds;
}
