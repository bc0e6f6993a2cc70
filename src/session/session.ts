import * as tfc from '@tensorflow/tfjs-core';
import { z } from 'zod';
import { InvalidArgumentError, RuntimeError, TypeError, ValueError } from '../errors.js';
import { getDefaultGraph } from '../graph/default.js';
import { Graph } from '../graph/graph.js';
import type { NDArray } from '../graph/ndarray.js';
import type { Operation } from '../graph/operation.js';
import type { Tensor } from '../graph/tensor.js';
import { unfedPlaceholderMessage } from '../ops/array/placeholder.js';
import { activateBackend, defaultBackendName, onBackend, prepareBackend, resolveDefaultBackend, resolveDefaultBackendSync } from './backend.js';
import { compile, type Plan } from './compile.js';
import { execute, type RunStats } from './execute.js';
import { explainPlan, type PlanExplanation } from './explain.js';
import { estimatePeak } from './memory.js';
import { resolveOptimize } from './passes/index.js';
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
  /**
   * A tfjs backend name: 'cpu', 'wasm', 'webgl', 'tensorflow'. By default wasm in Node when it
   * initialises (else cpu), webgl in a browser (else wasm, else cpu).
   */
  backend?: string;
  /**
   * Compiler passes to switch on or off by name (all on by default): identityElimination,
   * constantFolding, arithmeticSimplification, commonSubexpressionElimination (or cse), fusion.
   */
  optimize?: Record<string, boolean>;
}

export interface ExplainOptions {
  /** Print the plan with console.log (default true); the returned object is the same either way. */
  print?: boolean;
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
  readonly optimize: Readonly<Record<string, boolean>>;
  private lastStats: RunStats | null = null;
  private chosenBackend: string | null;
  private readonly state = new VariableState();
  private readonly seeds = new SeedStreams();
  private readonly plans = new Map<string, Plan>();
  private readonly planStats = new WeakMap<Plan, RunStats>();
  private plansVersion = -1;
  private readonly subgraphs: SubgraphRunner;
  private closed = false;

  constructor(options: SessionOptions = {}) {
    const parsed = sessionOptionsSchema.safeParse(options);
    if (!parsed.success) {
      throw new ValueError(`Invalid Session options: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`);
    }
    this.graph = options.graph ?? getDefaultGraph();
    this.chosenBackend = options.backend ?? null;
    this.optimize = resolveOptimize(options.optimize ?? {});
    this.subgraphs = new SubgraphRunner(() => ({ optimize: this.optimize, backendName: this.backend }));
  }

  /**
   * The tfjs backend the session runs on. Without a `backend` option it is settled by the first
   * run: the first default candidate that initialises (a first `runSync` takes one already
   * initialised, else cpu); before that, the candidate it will try first.
   */
  get backend(): string {
    return this.chosenBackend ?? defaultBackendName();
  }

  /**
   * What the last successful run measured: its peak backend bytes above what it started with
   * (sampled after each step's kernel, so a kernel's own short-lived temporaries are not in it;
   * `tfc.profile` around a run sees those), the step it peaked at, and the number of steps.
   */
  get lastRunStats(): RunStats | null {
    return this.lastStats;
  }

  /** Resolves once the session's backend is initialised (run awaits this itself). */
  async ready(): Promise<void> {
    if (this.chosenBackend !== null) return prepareBackend(this.chosenBackend);
    const name = await resolveDefaultBackend();
    this.chosenBackend ??= name;
    return prepareBackend(this.chosenBackend);
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
    this.chosenBackend ??= resolveDefaultBackendSync();
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

  /**
   * The plan `run(fetches, feedDict)` would execute: the ops before and after each compiler
   * pass and what each rewrote, the fused groups, the kernels' chosen lowerings, and peak live
   * bytes (estimated from shapes, refined by the feed values' shapes; measured too once the plan
   * has run). Compiles (and caches) the plan but runs nothing. Prints it unless `print: false`.
   * @example sess.explain(trainOp, {'x:0': batch})
   */
  explain(fetches: unknown, feedDict?: FeedDict | null, options: ExplainOptions = {}): PlanExplanation {
    this.checkOpen();
    // Nothing runs on the session's backend here (folding and estimates compute on cpu), so
    // explain neither needs it initialised nor settles a default one: the plan is for the
    // backend the session has, or would try first.
    const flat = flattenFetches(this.graph, fetches);
    const feeds = resolveFeeds(this.graph, feedDict);
    const plan = this.plan(flat, feeds);
    const feedShapes = new Map<number, readonly number[]>();
    for (const f of feeds) {
      const slot = plan.feedSlots.get(f.tensor);
      if (slot === undefined) continue;
      // A tfjs tensor's shape is at hand (cloning it on cpu would move its data there).
      if (f.value instanceof tfc.Tensor) {
        feedShapes.set(slot, f.value.shape);
        continue;
      }
      const t = onBackend('cpu', () => feedToTfjs(f));
      feedShapes.set(slot, t.shape);
      t.dispose();
    }
    const e = explainPlan(
      plan,
      { fetches: [...flat.tensors.map((t) => t.name), ...flat.targets.map((o) => o.name)], feeds: feeds.map((f) => f.tensor.name) },
      estimatePeak(plan, feedShapes),
      this.planStats.get(plan) ?? null,
    );
    if (options.print ?? true) console.log(e.toString());
    return e;
  }

  /** Frees every backend tensor the session holds; later runs throw RuntimeError. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.state.dispose();
    this.disposePlans();
    this.subgraphs.dispose();
  }

  private disposePlans(): void {
    for (const p of this.plans.values()) p.dispose();
    this.plans.clear();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private checkOpen(): void {
    if (this.closed) throw new RuntimeError('Attempted to use a closed Session.');
  }

  private plan(flat: FlatFetches, feeds: readonly ResolvedFeed[]): Plan {
    // The graph grew: plans of the old version will not be asked for again.
    if (this.plansVersion !== this.graph.version) {
      this.disposePlans();
      this.plansVersion = this.graph.version;
    }
    // The backend is in the key: fusion depends on what its fused kernels support.
    const key = [
      this.backend,
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
        { optimize: this.optimize, backendName: this.backend },
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
    const stats: RunStats = { peakBytes: 0, peakStep: '', steps: 0 };
    let outs: tfc.Tensor[];
    try {
      outs = execute(plan, fedValues, new RunContext(txn, this.seeds, this.backend, this.subgraphs.run), stats);
    } catch (e) {
      txn.rollback();
      throw e;
    }
    txn.commit();
    this.lastStats = stats;
    this.planStats.set(plan, stats);
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
