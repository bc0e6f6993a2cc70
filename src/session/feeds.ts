import * as tfc from '@tensorflow/tfjs-core';
import { z } from 'zod';
import { KeyError, TfError, TypeError, ValueError } from '../errors.js';
import { computeDType } from '../graph/dtype.js';
import type { Graph } from '../graph/graph.js';
import { isTypedArray, toNDArray } from '../graph/host_value.js';
import { NDArray } from '../graph/ndarray.js';
import { formatConcreteShape, TensorShape } from '../graph/shape.js';
import { Tensor } from '../graph/tensor.js';

/** A feed value: a host value or a tfjs tensor. */
export type FeedValue = number | boolean | string | readonly unknown[] | ArrayBufferView | NDArray | tfc.Tensor;
export type FeedKey = Tensor | string | { asGraphElement(): unknown };
export type FeedDict = Map<FeedKey, FeedValue> | readonly (readonly [FeedKey, FeedValue])[] | Record<string, FeedValue>;

const feedValueSchema = z.union([
  z.number(),
  z.boolean(),
  z.string(),
  z.array(z.unknown()),
  z.custom<ArrayBufferView>((v) => isTypedArray(v), 'a TypedArray'),
  z.instanceof(NDArray),
  z.instanceof(tfc.Tensor),
]);

const feedDictSchema = z.union([
  z.instanceof(Map),
  z.array(z.tuple([z.unknown(), z.unknown()])),
  z.record(z.string(), z.unknown()),
]);

export interface ResolvedFeed {
  readonly tensor: Tensor;
  readonly value: FeedValue;
}

/** Normalises any feed-dict form to (tensor, value) pairs; keys resolve in `graph`. */
export function resolveFeeds(graph: Graph, feedDict: unknown): ResolvedFeed[] {
  if (feedDict === undefined || feedDict === null) return [];
  const parsed = feedDictSchema.safeParse(feedDict);
  if (!parsed.success) {
    throw new TypeError(`feed_dict must be a Map, an array of [key, value] pairs or an object keyed by tensor name, got ${describe(feedDict)}`);
  }
  const entries: [unknown, unknown][] =
    feedDict instanceof Map ? [...feedDict.entries()] : Array.isArray(feedDict) ? (feedDict as [unknown, unknown][]) : Object.entries(feedDict as Record<string, unknown>);
  const seen = new Map<Tensor, ResolvedFeed>();
  for (const [key, value] of entries) {
    const tensor = resolveKey(graph, key);
    if (value instanceof Tensor || (typeof value === 'object' && value !== null && typeof (value as { toTensor?: unknown }).toTensor === 'function')) {
      throw new TypeError(
        `The value of a feed cannot be a tf.Tensor object. Acceptable feed values include numbers, booleans, strings, nested arrays, TypedArrays, NDArrays and tfjs Tensors. For reference, the tensor object was ${String(value)} which was passed to the argument \`feed_dict\` with key ${tensor.toString()}.`,
      );
    }
    const v = feedValueSchema.safeParse(value);
    if (!v.success) {
      throw new TypeError(`The value of a feed cannot be a ${describe(value)} (feeding '${tensor.name}'). Acceptable feed values include numbers, booleans, strings, nested arrays, TypedArrays, NDArrays and tfjs Tensors.`);
    }
    seen.set(tensor, { tensor, value: value as FeedValue });
  }
  return [...seen.values()];
}

/** TF1 wraps every key error in a TypeError; an unknown name stays a KeyError (API.md). */
function resolveKey(graph: Graph, key: unknown): Tensor {
  try {
    const el = graph.asGraphElement(key, { allowTensor: true, allowOperation: false });
    return el as Tensor;
  } catch (e) {
    if (e instanceof KeyError) throw new KeyError(`Cannot interpret feed_dict key as Tensor: ${e.message}`);
    if (e instanceof TfError) throw new TypeError(`Cannot interpret feed_dict key as Tensor: ${e.message}`);
    throw e;
  }
}

/**
 * Converts a feed to a tfjs tensor of the fed tensor's dtype, checking shape as TF does. Values
 * are cast as TF1's `np.asarray(value, dtype)` casts them (1.7 fed to int32 is 1); strings that
 * do not parse as numbers throw ValueError. The caller's tfjs tensor is never disposed.
 */
export function feedToTfjs(feed: ResolvedFeed): tfc.Tensor {
  const { tensor, value } = feed;
  const target = computeDType(tensor.dtype);
  if (value instanceof tfc.Tensor) {
    if (value.dtype === 'string' ? target !== 'string' : target === 'string') {
      throw new TypeError(`Cannot feed a ${value.dtype} tensor to Tensor '${tensor.name}' of dtype ${tensor.dtype}.`);
    }
    checkShape(tensor, value.shape);
    if (value.dtype === target) return tfc.clone(value);
    return tfc.cast(value, target);
  }
  let nd: NDArray;
  try {
    nd = toNDArray(value, tensor.dtype, `feed for '${tensor.name}'`, true);
  } catch (e) {
    if (e instanceof TfError && !(e instanceof ValueError)) {
      throw new TypeError(`Cannot feed value ${preview(value)} to Tensor '${tensor.name}' of dtype ${tensor.dtype}: ${e.message}`);
    }
    throw e;
  }
  checkShape(tensor, nd.shape);
  return tfc.tensor(nd.data, [...nd.shape], target);
}

function checkShape(tensor: Tensor, shape: readonly number[]): void {
  if (!tensor.shape.isCompatibleWith(new TensorShape(shape))) {
    throw new ValueError(`Cannot feed value of shape ${formatConcreteShape(shape)} for Tensor '${tensor.name}', which has shape '${tensor.shape.toString()}'`);
  }
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}

function preview(x: unknown): string {
  const s = JSON.stringify(x) ?? String(x);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

