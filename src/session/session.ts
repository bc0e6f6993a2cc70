import * as tfc from '@tensorflow/tfjs-core';
import { z } from 'zod';
import { InvalidArgumentError, RuntimeError, TypeError, ValueError } from '../errors.js';
import { getDefaultGraph } from '../graph/default.js';
import { Graph } from '../graph/graph.js';
import type { NDArray } from '../graph/ndarray.js';
import type { Operation } from '../graph/operation.js';
import type { Tensor } from '../graph/tensor.js';
import { unfedPlaceholderMessage } from '../ops/array/placeholder.js';
import { activateBackend, defaultBackendName, prepareBackend } from './backend.js';
import { compile, type Plan } from './compile.js';
import { execute } from './execute.js';
import { feedToTfjs, resolveFeeds, type FeedDict, type FeedKey, type FeedValue, type ResolvedFeed } from './feeds.js';
import { flattenFetches, type FlatFetches } from './fetches.js';
import { readAsync, readSync } from './readback.js';
import { RunContext, SeedStreams } from './run_context.js';
import { VariableState } from './state.js';
import { SubgraphRunner } from './subgraph.js';

/** What `run` returns for a fetch structure: tensors become NDArrays, operations null. */
export type FetchResult<F> = F extends Operation
  ? null
  : F extends Tensor | { asGraphElement(): Tensor }
    ? NDArray
    : F extends `${string}:${number}`
      ? NDArray
      : F extends string
        ? null
        : F extends readonly unknown[]
          ? { -readonly [K in keyof F]: FetchResult<F[K]> }
          : F extends Record<string, unknown>
            ? { -readonly [K in keyof F]: FetchResult<F[K]> }
            : NDArray | null;

export interface SessionOptions {
  graph?: Graph;
  /** A tfjs backend name: 'cpu' (default in Node), 'wasm', 'webgl', 'tensorflow'. */
  backend?: string;
  /** Compiler passes to switch on or off by name. */
  optimize?: Record<string, boolean>;
}

const sessionOptionsSchema = z
  .object({
    graph: z.instanceof(Graph).optional(),
    backend: z.string().min(1).optional(),
    optimize: z.record(z.string(), z.boolean()).optional(),
  })
  .strict();

/**
 * Runs a graph on a tfjs backend. Owns the variables' values (two sessions on one graph have
 * separate values) until `close()`.
 * @example
 * const sess = new tf.Session();
 * await sess.run(tf.globalVariablesInitializer());
 * const [y] = await sess.run([out], {x: [[1, 2, 3, 4]]});
 */
export class Session {
  readonly graph: Graph;
  readonly backend: string;
  readonly optimize: Readonly<Record<string, boolean>>;
  private readonly state = new VariableState();
  private readonly seeds = new SeedStreams();
  private readonly plans = new Map<string, Plan>();
  private readonly subgraphs = new SubgraphRunner();
  private closed = false;

  constructor(options: SessionOptions = {}) {
    const parsed = sessionOptionsSchema.safeParse(options);
    if (!parsed.success) {
      throw new ValueError(`Invalid Session options: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`);
    }
    this.graph = options.graph ?? getDefaultGraph();
    this.backend = options.backend ?? defaultBackendName();
    this.optimize = Object.freeze({ ...(options.optimize ?? {}) });
  }

  /** Resolves once the session's backend is initialised (run awaits this itself). */
  ready(): Promise<void> {
    return prepareBackend(this.backend);
  }

  async run<const F>(fetches: F, feedDict?: FeedDict | null, _options?: unknown): Promise<FetchResult<F>> {
    this.checkOpen();
    await this.ready();
    const flat = flattenFetches(this.graph, fetches);
    const feeds = resolveFeeds(this.graph, feedDict);
    return this.runFlat(flat, feeds, true) as Promise<FetchResult<F>>;
  }

  runSync<const F>(fetches: F, feedDict?: FeedDict | null, _options?: unknown): FetchResult<F> {
    this.checkOpen();
    const flat = flattenFetches(this.graph, fetches);
    const feeds = resolveFeeds(this.graph, feedDict);
    return this.runFlat(flat, feeds, false) as FetchResult<F>;
  }

  /**
   * Compiles `fetches` for the tensors in `feedList` once; the returned function takes their
   * values in order. @example const step = sess.makeCallable([trainOp, loss], [x]); await step(batch)
   */
  makeCallable<const F>(fetches: F, feedList: readonly FeedKey[] = []): (...feedValues: FeedValue[]) => Promise<FetchResult<F>> {
    this.checkOpen();
    const flat = flattenFetches(this.graph, fetches);
    const keys = resolveFeeds(
      this.graph,
      feedList.map((k) => [k, 0] as const),
    ).map((f) => f.tensor);
    if (keys.length !== feedList.length) throw new ValueError('makeCallable: the feed list names one tensor twice');
    return async (...values: FeedValue[]) => {
      this.checkOpen();
      if (values.length !== keys.length) {
        throw new TypeError(`This callable takes ${keys.length} feed values, got ${values.length}`);
      }
      await this.ready();
      return this.runFlat(
        flat,
        keys.map((tensor, i) => ({ tensor, value: values[i]! })),
        true,
      ) as Promise<FetchResult<F>>;
    };
  }

  /** Frees every backend tensor the session holds; later runs throw RuntimeError. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.state.dispose();
    this.plans.clear();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private checkOpen(): void {
    if (this.closed) throw new RuntimeError('Attempted to use a closed Session.');
  }

  private plan(flat: FlatFetches, feeds: readonly ResolvedFeed[]): Plan {
    const key = [
      this.graph.version,
      flat.tensors.map((t) => t.name).join(','),
      flat.targets.map((o) => o.name).join(','),
      feeds.map((f) => f.tensor.name).join(','),
    ].join('|');
    let plan = this.plans.get(key);
    if (!plan) {
      plan = compile(
        this.graph,
        flat.tensors,
        flat.targets,
        feeds.map((f) => f.tensor),
      );
      this.plans.set(key, plan);
    }
    return plan;
  }

  private runFlat(flat: FlatFetches, feeds: readonly ResolvedFeed[], async: true): Promise<unknown>;
  private runFlat(flat: FlatFetches, feeds: readonly ResolvedFeed[], async: false): unknown;
  private runFlat(flat: FlatFetches, feeds: readonly ResolvedFeed[], async: boolean): unknown {
    activateBackend(this.backend);
    const plan = this.plan(flat, feeds);
    // TF1 checks every feed (shape, dtype) before the run can report an unfed placeholder.
    const fedValues = new Map<number, tfc.Tensor>();
    try {
      for (const f of feeds) {
        const t = feedToTfjs(f);
        const slot = plan.feedSlots.get(f.tensor);
        if (slot === undefined) t.dispose();
        else fedValues.set(slot, t);
      }
      const unfed = plan.unfedPlaceholders[0];
      if (unfed) {
        const t = unfed.outputs[0]!;
        throw new InvalidArgumentError(`${unfedPlaceholderMessage(unfed.name, t.dtype, unfed.attrs['shape'] as Tensor['shape'])}\n\t [[node ${unfed.name} (defined at ${unfed.createdAt}) ]]`, unfed.name);
      }
    } catch (e) {
      for (const t of fedValues.values()) t.dispose();
      throw e;
    }
    const txn = this.state.begin();
    let outs: tfc.Tensor[];
    try {
      outs = execute(plan, fedValues, new RunContext(txn, this.seeds, this.backend, this.subgraphs.run));
    } catch (e) {
      txn.rollback();
      throw e;
    }
    txn.commit();
    const finish = (arrays: NDArray[]): unknown => {
      const byTensor = new Map(flat.tensors.map((t, i) => [t, arrays[i]!]));
      return flat.rebuild((t) => byTensor.get(t));
    };
    if (!async) {
      try {
        return finish(outs.map((t, i) => readSync(t, flat.tensors[i]!.dtype)));
      } finally {
        outs.forEach((t) => t.dispose());
      }
    }
    return Promise.all(outs.map((t, i) => readAsync(t, flat.tensors[i]!.dtype)))
      .then(finish)
      .finally(() => outs.forEach((t) => t.dispose()));
  }
}
