import { ValueError } from '../errors.js';
import type { Graph } from './graph.js';
import type { Tensor } from './tensor.js';

/** Attribute values after an op's builder canonicalised them; frozen. */
export type AttrMap = Readonly<Record<string, unknown>>;

/**
 * A node of the graph. Immutable once created except for the consumer bookkeeping the Graph
 * does, so a Session may cache plans keyed by the graph version.
 * @example const op = tf.getDefaultGraph().getOperationByName('x'); op.type === 'Placeholder'
 */
export class Operation {
  /** Creation index: the graph is append-only, so ids are a topological order. */
  readonly id: number;
  readonly name: string;
  readonly type: string;
  readonly inputs: readonly Tensor[];
  readonly controlInputs: readonly Operation[];
  readonly attrs: AttrMap;
  readonly graph: Graph;
  outputs: readonly Tensor[] = [];
  private readonly _createdAt: Error;

  constructor(args: {
    id: number;
    name: string;
    type: string;
    inputs: readonly Tensor[];
    controlInputs: readonly Operation[];
    attrs: AttrMap;
    graph: Graph;
  }) {
    this.id = args.id;
    this.name = args.name;
    this.type = args.type;
    this.inputs = Object.freeze([...args.inputs]);
    this.controlInputs = Object.freeze([...args.controlInputs]);
    this.attrs = Object.freeze({ ...args.attrs });
    this.graph = args.graph;
    // The stack is formatted only if an error needs it.
    this._createdAt = new Error('created here');
  }

  getAttr(name: string): unknown {
    if (!Object.prototype.hasOwnProperty.call(this.attrs, name)) {
      throw new ValueError(`Operation '${this.name}' has no attr named '${name}'.`);
    }
    return this.attrs[name];
  }

  /** The first user-code frame of the stack where the op was built. */
  get createdAt(): string {
    const lines = (this._createdAt.stack ?? '').split('\n').slice(1);
    const user = lines.find((l) => !/[/\\](src|dist)[/\\](graph|ops|layers|init|train|session)[/\\]/.test(l) && !/node:internal|node_modules/.test(l));
    return (user ?? lines[0] ?? '').trim().replace(/^at /, '');
  }

  toString(): string {
    return `<tf.Operation '${this.name}' type=${this.type}>`;
  }
}
