import type * as tfc from '@tensorflow/tfjs-core';
import { UnimplementedError } from '../errors.js';
import type { Operation } from '../graph/operation.js';
import type { SubgraphFunction } from '../ops/core/define.js';
import type { VariableTransaction } from './state.js';
import type { StepContext } from './execute.js';

/** Per-session random streams: each random op gets its own counter, so runs differ. */
export class SeedStreams {
  private readonly counters = new Map<string, number>();
  /** Base for ops without seeds: differs per session, as TF's nondeterministic ops do. */
  private readonly base = Math.floor(Math.random() * 2 ** 31);

  next(op: Operation): number {
    const seed = Number(op.attrs['seed'] ?? 0);
    const seed2 = Number(op.attrs['seed2'] ?? 0);
    const n = this.counters.get(op.name) ?? 0;
    this.counters.set(op.name, n + 1);
    const a = seed === 0 && seed2 === 0 ? this.base ^ hashString(op.name) : Math.imul(seed, 0x9e3779b1) ^ Math.imul(seed2 + 0x7f4a7c15, 0x85ebca6b);
    return mix(a ^ Math.imul(n + 1, 0xc2b2ae35));
  }
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function mix(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The KernelContext of one run: reads and writes go through the run's transaction. */
export class RunContext implements StepContext {
  op!: Operation;
  outputSlots: readonly number[] = [];

  constructor(
    private readonly txn: VariableTransaction,
    private readonly seeds: SeedStreams,
    readonly backendName: string,
    private readonly subgraphRunner: ((fn: SubgraphFunction, inputs: readonly tfc.Tensor[], ctx: RunContext) => tfc.Tensor[]) | null = null,
  ) {}

  readVariable(name: string): tfc.Tensor {
    return this.txn.read(name);
  }

  writeVariable(name: string, value: tfc.Tensor): void {
    this.txn.write(name, value);
  }

  isVariableInitialized(name: string): boolean {
    return this.txn.isInitialized(name);
  }

  outputWanted(index: number): boolean {
    return (this.outputSlots[index] ?? -1) >= 0;
  }

  nextSeed(): number {
    return this.seeds.next(this.op);
  }

  /** A context for a sub-graph of this run: same transaction and seeds. */
  child(): RunContext {
    return new RunContext(this.txn, this.seeds, this.backendName, this.subgraphRunner);
  }

  runSubgraph(fn: SubgraphFunction, inputs: readonly tfc.Tensor[]): tfc.Tensor[] {
    if (!this.subgraphRunner) throw new UnimplementedError(`${this.op.type} '${this.op.name}': sub-graphs are not supported here`, this.op.name);
    const { op, outputSlots } = this;
    try {
      return this.subgraphRunner(fn, inputs, this);
    } finally {
      this.op = op;
      this.outputSlots = outputSlots;
    }
  }
}
