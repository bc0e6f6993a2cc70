import type { Tensor } from '../graph/tensor.js';
import { graphOf, type TensorLike } from '../ops/core/tensor_like.js';
import type { ReuseMode } from '../variables/variable_scope.js';
import type { CallKwargs, Layer, LayerOptions } from './base.js';

/** What every functional form takes besides the layer's options: TF1's `reuse`. */
export interface FunctionalOptions {
  reuse?: ReuseMode | null;
}

/** Options of a functional form: the layer's, less the internal ones, plus `reuse`. */
export type FunctionalForm<O extends LayerOptions> = Omit<O, '_scope' | '_reuse'> &
  FunctionalOptions;

/**
 * TF1's functional layer forms: a fresh layer whose scope is its name (so name + reuse shares
 * variables), applied once. Built in the input's graph.
 */
export function applyFunctional<O extends LayerOptions>(
  make: (options: O) => Layer,
  inputs: TensorLike,
  options: FunctionalForm<O>,
  kwargs: CallKwargs = {},
): Tensor {
  const { reuse, ...rest } = options;
  const graph = graphOf([inputs]);
  return graph.asDefault(() => {
    const layerOptions = { ...rest, _reuse: reuse ?? null, _scope: rest.name ?? null } as O;
    return make(layerOptions).apply(inputs, kwargs);
  });
}
