import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InvalidArgumentError, NotFoundError, TypeError, ValueError } from '../errors.js';
import { GraphKeys } from '../graph/collections.js';
import { getDefaultGraph } from '../graph/default.js';
import type { NDArray } from '../graph/ndarray.js';
import { TensorShape } from '../graph/shape.js';
import { Tensor } from '../graph/tensor.js';
import type { Session } from '../session/session.js';
import { Variable } from '../variables/variable.js';
import { dataFileName, indexFileName, readEntry, readIndex, writeBundle, type BundleEntryInfo } from './checkpoint/bundle.js';
import { formatCheckpointState, parseCheckpointState, resolveInDir, type CheckpointState } from './checkpoint_state.js';

export interface SaverOptions {
  /** Variables to save: a list (saved under their op names) or an object name -> Variable. */
  varList?: readonly Variable[] | Readonly<Record<string, Variable>>;
  /** Checkpoints to keep (older complete ones are deleted); 0 or null keeps all. */
  maxToKeep?: number | null;
  /** Write paths in the `checkpoint` file relative to its directory (default true). */
  saveRelativePaths?: boolean;
}

export interface SaveOptions {
  globalStep?: number | Variable | Tensor;
  latestFilename?: string;
}

const fsp = (): Promise<typeof import('node:fs/promises')> => import('node:fs/promises');

/**
 * TF1's Saver, writing TensorFlow's own V2 checkpoints. A save writes temporary files and
 * renames them, and updates the `checkpoint` state file last (also by rename), so a crash
 * mid-save leaves the previous checkpoint intact. A restore reads and checks everything before
 * changing any variable.
 * @example
 * const saver = new tf.train.Saver({maxToKeep: 3});
 * const path = await saver.save(sess, 'ckpt/model', {globalStep: step});
 * await saver.restore(sess2, path);
 */
export class Saver {
  private readonly vars: ReadonlyMap<string, Variable>;
  readonly maxToKeep: number | null;
  private readonly relative: boolean;
  private last: string[] = [];

  constructor(options: SaverOptions = {}) {
    const list = options.varList ?? getDefaultGraph().getCollection<Variable>(GraphKeys.GLOBAL_VARIABLES);
    const vars = new Map<string, Variable>();
    const entries: [string, unknown][] = Array.isArray(list) ? list.map((v) => [(v as Variable)?.op?.name, v]) : Object.entries(list);
    for (const [name, v] of entries) {
      if (!(v instanceof Variable)) throw new TypeError(`Saver: varList entries must be Variables, got ${String(v)} for '${name}'`);
      if (vars.has(name)) throw new ValueError(`At least two variables have the same name: ${name}`);
      vars.set(name, v);
    }
    if (vars.size === 0) throw new ValueError('No variables to save');
    this.vars = vars;
    this.maxToKeep = options.maxToKeep === undefined ? 5 : options.maxToKeep;
    this.relative = options.saveRelativePaths ?? true;
  }

  /** The checkpoint prefixes this saver wrote and still keeps, oldest first. */
  get lastCheckpoints(): readonly string[] {
    return [...this.last];
  }

  async save(sess: Session, savePath: string, options: SaveOptions = {}): Promise<string> {
    let prefix = savePath;
    if (options.globalStep !== undefined) {
      const step = typeof options.globalStep === 'number' ? options.globalStep : ((await sess.run(options.globalStep)).item() as number);
      prefix = `${savePath}-${step}`;
    }
    const names = [...this.vars.keys()];
    const values = (await sess.run(names.map((n) => this.vars.get(n)!))) as NDArray[];
    const { index, data } = writeBundle(new Map(names.map((n, i) => [n, values[i]!])));
    const fs = await fsp();
    await fs.mkdir(dirname(prefix), { recursive: true });
    await writeAtomically(fs, [
      [dataFileName(prefix), data],
      [indexFileName(prefix), index],
    ]);

    this.last = [...this.last.filter((p) => p !== prefix), prefix];
    const dropped: string[] = [];
    if (this.maxToKeep && this.last.length > this.maxToKeep) dropped.push(...this.last.splice(0, this.last.length - this.maxToKeep));
    const dir = dirname(prefix);
    const rel = (p: string): string => (this.relative && dirname(p) === dir ? basename(p) : p);
    const state: CheckpointState = { modelCheckpointPath: rel(prefix), allModelCheckpointPaths: this.last.map(rel) };
    await writeAtomically(fs, [[join(dir, options.latestFilename ?? 'checkpoint'), new TextEncoder().encode(formatCheckpointState(state))]]);
    // Only now that the new checkpoint and the state file are complete do old ones go.
    for (const p of dropped) {
      await fs.rm(indexFileName(p), { force: true });
      await fs.rm(dataFileName(p), { force: true });
    }
    return prefix;
  }

  async restore(sess: Session, savePath: string): Promise<void> {
    const fs = await fsp();
    let indexBytes: Uint8Array;
    try {
      indexBytes = new Uint8Array(await fs.readFile(indexFileName(savePath)));
    } catch {
      throw new ValueError(`The passed save_path is not a valid checkpoint: ${savePath}`);
    }
    const { numShards, entries } = readIndex(indexBytes, `checkpoint ${savePath}`);
    const byName = new Map<string, BundleEntryInfo>(entries.map((e) => [e.name, e]));
    const problems: string[] = [];
    let missing = false;
    for (const [name, v] of this.vars) {
      const e = byName.get(name);
      if (!e) {
        missing = true;
        problems.push(`Key ${name} not found in checkpoint`);
        continue;
      }
      if (e.dtype !== v.dtype) problems.push(`'${name}': checkpoint has dtype ${e.dtype}, the variable is ${v.dtype}`);
      if (!v.shape.isCompatibleWith(new TensorShape(e.shape))) {
        problems.push(`'${name}': checkpoint has shape ${new TensorShape(e.shape).toBracketString()}, the variable is ${v.shape.toBracketString()}`);
      }
    }
    if (problems.length > 0) {
      const msg = `Restoring from checkpoint ${savePath} failed; no variable was changed:\n  ${problems.join('\n  ')}`;
      throw missing ? new NotFoundError(msg) : new InvalidArgumentError(msg);
    }
    const shards = new Map<number, Uint8Array>();
    const feeds: [Tensor, NDArray][] = [];
    for (const [name, v] of this.vars) {
      const e = byName.get(name)!;
      let data = shards.get(e.shard);
      if (!data) {
        data = new Uint8Array(await fs.readFile(dataFileName(savePath, e.shard, numShards)));
        shards.set(e.shard, data);
      }
      feeds.push([v.initializer.inputs[1]!, readEntry(e, data, `checkpoint ${savePath}`)]);
    }
    // One run assigns every variable, so a failure changes none (runs are transactional).
    await sess.run(
      [...this.vars.values()].map((v) => v.initializer),
      feeds,
    );
  }
}

/** Writes each file to a temporary name, syncs it, then renames all of them into place. */
async function writeAtomically(fs: typeof import('node:fs/promises'), files: readonly (readonly [string, Uint8Array])[]): Promise<void> {
  const suffix = `.tempstate${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const temps: string[] = [];
  try {
    for (const [path, bytes] of files) {
      const tmp = path + suffix;
      temps.push(tmp);
      const fh = await fs.open(tmp, 'w');
      try {
        await fh.writeFile(bytes);
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
    for (let i = 0; i < files.length; i++) await fs.rename(temps[i]!, files[i]![0]);
  } catch (e) {
    for (const t of temps) await fs.rm(t, { force: true });
    throw e;
  }
}

/**
 * The newest checkpoint prefix recorded in `dir`'s state file whose index exists, or null.
 * Synchronous, as TF's latest_checkpoint.
 * @example const path = tf.train.latestCheckpoint('ckpt')
 */
export function latestCheckpoint(dir: string, latestFilename = 'checkpoint'): string | null {
  let text: string;
  try {
    text = readFileSync(join(dir, latestFilename), 'utf8');
  } catch {
    return null;
  }
  const state = parseCheckpointState(text);
  if (!state) return null;
  const path = resolveInDir(dir, state.modelCheckpointPath);
  return existsSync(indexFileName(path)) ? path : null;
}
