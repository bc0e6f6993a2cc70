import { GraphKeys } from './collections.js';
import type { Graph } from './graph.js';
import type { Operation } from './operation.js';
import { TensorShape } from './shape.js';

/**
 * One op as the inspection tools (`g.summary()`, `tfgraph inspect`, the HTML viewer) see it.
 * It can come from a live Graph or straight from a GraphDef's NodeDefs, when an op type is
 * unknown to tfgraph and the graph cannot be imported.
 */
export interface OpInfo {
  readonly name: string;
  readonly type: string;
  /** Data inputs as [producer op name, output index]. */
  readonly inputs: readonly (readonly [string, number])[];
  readonly controlInputs: readonly string[];
  /** Static shapes of the outputs; empty when nothing is known (a NodeDef without `_output_shapes`). */
  readonly outputs: readonly TensorShape[];
  /** Set on variable ops: the variable's shape and whether it is trainable (null: unknown). */
  readonly variable: { readonly shape: TensorShape; readonly trainable: boolean | null } | null;
}

/** A name scope (or the root, path ''). An op whose name is also a scope sits inside that scope. */
export interface ScopeNode {
  readonly path: string;
  /** The last component of the path. */
  readonly label: string;
  readonly depth: number;
  readonly scopes: ScopeNode[];
  /** Ops directly in this scope. */
  readonly ops: OpInfo[];
  /** Every op in the subtree, in graph order. */
  readonly allOps: OpInfo[];
}

export interface ParamCounts {
  total: number;
  trainable: number;
  nonTrainable: number;
  /** Parameters of variables in no variable collection (a GraphDef records none). */
  unknown: number;
}

/** Op types that hold state: their shape attr gives the parameter count. */
export const VARIABLE_OP_TYPES: ReadonlySet<string> = new Set([
  'VariableV2',
  'Variable',
  'VarHandleOp',
]);

/** The ops of a live graph, with trainability taken from its variable collections. */
export function opsOfGraph(graph: Graph): OpInfo[] {
  const trainable = variableOps(graph, [GraphKeys.TRAINABLE_VARIABLES]);
  const known = variableOps(graph, [
    GraphKeys.GLOBAL_VARIABLES,
    GraphKeys.LOCAL_VARIABLES,
    GraphKeys.TRAINABLE_VARIABLES,
  ]);
  return graph.operations.map((op): OpInfo => {
    const shapeAttr = op.attrs.shape;
    const isVar = VARIABLE_OP_TYPES.has(op.type);
    return {
      name: op.name,
      type: op.type,
      inputs: op.inputs.map((t) => [t.op.name, t.valueIndex] as const),
      controlInputs: op.controlInputs.map((c) => c.name),
      outputs: op.outputs.map((t) => t.shape),
      variable: isVar
        ? {
            shape:
              shapeAttr instanceof TensorShape
                ? shapeAttr
                : (op.outputs[0]?.shape ?? TensorShape.unknown()),
            trainable: trainable.has(op) ? true : known.has(op) ? false : null,
          }
        : null,
    };
  });
}

function variableOps(graph: Graph, keys: readonly string[]): Set<Operation> {
  const out = new Set<Operation>();
  for (const key of keys) {
    for (const item of graph.getCollection(key)) {
      // Collections hold Variables; graph/ knows them only by their `op`.
      const op = (item as { op?: unknown } | null)?.op;
      if (op && typeof op === 'object' && 'type' in op) out.add(op as Operation);
    }
  }
  return out;
}

/**
 * Groups ops by name scope, as TensorBoard does: 'a/b/c' lies in scope 'a/b'; an op named like
 * an existing scope ('w' next to 'w/read') goes inside that scope. Scopes keep graph order.
 */
export function buildScopeTree(ops: readonly OpInfo[]): ScopeNode {
  const prefixes = new Set<string>();
  for (const op of ops) {
    const parts = op.name.split('/');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('/'));
  }
  const root = newScope('', 0);
  const byPath = new Map<string, ScopeNode>([['', root]]);
  const scopeOf = (path: string): ScopeNode => {
    const found = byPath.get(path);
    if (found) return found;
    const cut = path.lastIndexOf('/');
    const parent = scopeOf(cut < 0 ? '' : path.slice(0, cut));
    const node = newScope(path, parent.depth + 1);
    parent.scopes.push(node);
    byPath.set(path, node);
    return node;
  };
  for (const op of ops) {
    const cut = op.name.lastIndexOf('/');
    const home = scopeOf(prefixes.has(op.name) ? op.name : cut < 0 ? '' : op.name.slice(0, cut));
    home.ops.push(op);
    for (let s = home.path; ; s = s.slice(0, Math.max(0, s.lastIndexOf('/')))) {
      byPath.get(s)!.allOps.push(op);
      if (s === '') break;
    }
  }
  return root;
}

function newScope(path: string, depth: number): ScopeNode {
  return {
    path,
    label: path.slice(path.lastIndexOf('/') + 1),
    depth,
    scopes: [],
    ops: [],
    allOps: [],
  };
}

/** Parameter counts of the variables among `ops` (a variable of unknown shape counts 0). */
export function countParams(ops: readonly OpInfo[]): ParamCounts {
  const c: ParamCounts = { total: 0, trainable: 0, nonTrainable: 0, unknown: 0 };
  for (const op of ops) {
    if (!op.variable) continue;
    const n = op.variable.shape.size ?? 0;
    c.total += n;
    if (op.variable.trainable === true) c.trainable += n;
    else if (op.variable.trainable === false) c.nonTrainable += n;
    else c.unknown += n;
  }
  return c;
}

/** Consumers of each tensor ('op:index'), for finding what leaves a scope. */
export function consumerIndex(ops: readonly OpInfo[]): Map<string, OpInfo[]> {
  const index = new Map<string, OpInfo[]>();
  for (const op of ops) {
    for (const [src, i] of op.inputs) {
      const key = `${src}:${i}`;
      const list = index.get(key);
      if (list) list.push(op);
      else index.set(key, [op]);
    }
  }
  return index;
}

/** TF1's gradient ops live under 'gradients/' ('gradients_1/' for a second call). */
const GRADIENT_SCOPE = /^gradients(_\d+)?(\/|$)/;
/** Ops that write state; their outputs are not what a scope computes. */
const STATE_WRITE = /^(Assign|Apply|ResourceApply|ScatterUpdate|NoOp)/;

/**
 * The shapes a scope hands on: its tensors read by ops outside it, not counting the gradient
 * machinery (which reads nearly everything). Activations win over parameters (variables and
 * their reads); a scope nobody reads (a loss) reports its final tensors instead, or else its
 * variables' shapes. Shapes come back distinct, in graph order.
 */
export function scopeOutputShapes(
  scope: ScopeNode,
  consumers: ReadonlyMap<string, readonly OpInfo[]>,
  byName: ReadonlyMap<string, OpInfo>,
): TensorShape[] {
  const inside = new Set(scope.allOps);
  const activations: TensorShape[] = [];
  const params: TensorShape[] = [];
  const finals: TensorShape[] = [];
  for (const op of scope.allOps) {
    op.outputs.forEach((shape, i) => {
      const readers = (consumers.get(`${op.name}:${i}`) ?? []).filter(
        (c) => !GRADIENT_SCOPE.test(c.name),
      );
      if (readers.some((c) => !inside.has(c)))
        (isParameter(op, byName) ? params : activations).push(shape);
      else if (readers.length === 0 && !STATE_WRITE.test(op.type) && !isParameter(op, byName))
        finals.push(shape);
    });
  }
  // A scope nobody reads at all (an unused step counter) still has its variables' shapes.
  const variables = scope.allOps.flatMap((op) => (op.variable ? [op.variable.shape] : []));
  const chosen = [activations, params, finals, variables].find((list) => list.length > 0) ?? [];
  const seen = new Set<string>();
  return chosen.filter((s) => {
    const key = s.toString();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isParameter(op: OpInfo, byName: ReadonlyMap<string, OpInfo>): boolean {
  if (op.variable || op.type === 'Const') return true;
  // A variable's snapshot ('w/read').
  const src = op.inputs[0];
  return op.type === 'Identity' && src !== undefined && byName.get(src[0])?.variable != null;
}
