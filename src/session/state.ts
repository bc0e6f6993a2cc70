import * as tfc from '@tensorflow/tfjs-core';
import { FailedPreconditionError } from '../errors.js';

/**
 * The variables' tfjs values, owned by one Session. Writes during a run are staged and become
 * visible to the rest of that run; `commit` publishes them, `rollback` drops them, so a run
 * that fails leaves every variable exactly as it was.
 */
export class VariableState {
  private readonly committed = new Map<string, tfc.Tensor>();

  begin(): VariableTransaction {
    return new VariableTransaction(this.committed);
  }

  has(name: string): boolean {
    return this.committed.has(name);
  }

  get size(): number {
    return this.committed.size;
  }

  names(): string[] {
    return [...this.committed.keys()];
  }

  dispose(): void {
    for (const t of this.committed.values()) t.dispose();
    this.committed.clear();
  }
}

export class VariableTransaction {
  private readonly staged = new Map<string, tfc.Tensor>();
  private readonly superseded: tfc.Tensor[] = [];

  constructor(private readonly committed: Map<string, tfc.Tensor>) {}

  read(name: string): tfc.Tensor {
    const v = this.staged.get(name) ?? this.committed.get(name);
    if (!v) throw new FailedPreconditionError(`Attempting to use uninitialized value ${name}`, name);
    return v;
  }

  isInitialized(name: string): boolean {
    return this.staged.has(name) || this.committed.has(name);
  }

  /** Keeps its own handle on `value` (a clone shares the data), so callers may dispose theirs. */
  write(name: string, value: tfc.Tensor): void {
    const own = tfc.keep(tfc.clone(value));
    const prev = this.staged.get(name);
    if (prev) this.superseded.push(prev);
    this.staged.set(name, own);
  }

  commit(): void {
    for (const [name, t] of this.staged) {
      this.committed.get(name)?.dispose();
      this.committed.set(name, t);
    }
    for (const t of this.superseded) t.dispose();
    this.staged.clear();
    this.superseded.length = 0;
  }

  rollback(): void {
    for (const t of this.staged.values()) t.dispose();
    for (const t of this.superseded) t.dispose();
    this.staged.clear();
    this.superseded.length = 0;
  }
}
