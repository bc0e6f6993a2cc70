import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';

afterEach(() => tf.resetDefaultGraph());

describe('default graph stack', () => {
  it('asDefault nests and restores; resetDefaultGraph makes a new global graph', () => {
    const g0 = tf.getDefaultGraph();
    expect(tf.getDefaultGraph()).toBe(g0);
    const g1 = new tf.Graph();
    const g2 = new tf.Graph();
    const seen = g1.asDefault(() => {
      const inner = g2.asDefault(() => tf.getDefaultGraph());
      return [tf.getDefaultGraph(), inner];
    });
    expect(seen).toEqual([g1, g2]);
    expect(tf.getDefaultGraph()).toBe(g0);
    tf.resetDefaultGraph();
    expect(tf.getDefaultGraph()).not.toBe(g0);
  });

  it('asDefault returns the callback result and pops after a throw', () => {
    const g = new tf.Graph();
    expect(g.asDefault(() => 42)).toBe(42);
    expect(() => g.asDefault(() => {
      throw new tf.ValueError('x');
    })).toThrow(tf.ValueError);
    expect(tf.getDefaultGraph()).not.toBe(g);
  });

  it('an async callback keeps the graph default until it settles', async () => {
    const g = new tf.Graph();
    const t = await g.asDefault(async () => {
      await Promise.resolve();
      return tf.constant(1);
    });
    expect(t.graph).toBe(g);
    expect(tf.getDefaultGraph()).not.toBe(g);
  });

  it('resetDefaultGraph inside asDefault throws AssertionError (TF message); a name scope is fine', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      expect(() => tf.resetDefaultGraph()).toThrow(
        new tf.errors.AssertionError('Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.'),
      );
    });
    tf.nameScope('x', () => tf.resetDefaultGraph());
  });
});

describe('lookups by name (TF messages)', () => {
  const build = (): { g: tf.Graph; a: tf.Variable } => {
    const g = new tf.Graph();
    const a = g.asDefault(() => tf.variableScope('enc', () => tf.getVariable('a', { shape: [1] })));
    return { g, a };
  };
  type Row = { name: string; call: (g: tf.Graph, a: tf.Variable) => unknown; ok?: string; cls?: new (m: string) => Error; msg?: string };
  const rows: Row[] = [
    { name: 'op by name', call: (g) => g.getOperationByName('enc/a').name, ok: 'enc/a' },
    { name: 'unknown op', call: (g) => g.getOperationByName('nope'), cls: tf.KeyError, msg: "The name 'nope' refers to an Operation not in the graph." },
    { name: 'op given a tensor name', call: (g) => g.getOperationByName('enc/a:0'), cls: tf.ValueError, msg: "Name 'enc/a:0' appears to refer to a Tensor, not a Operation." },
    { name: 'tensor by name', call: (g) => g.getTensorByName('enc/a:0').name, ok: 'enc/a:0' },
    {
      name: 'tensor given an op name',
      call: (g) => g.getTensorByName('enc/a'),
      cls: tf.ValueError,
      msg: `The name 'enc/a' refers to an Operation, not a Tensor. Tensor names must be of the form "<op_name>:<output_index>".`,
    },
    {
      name: 'tensor given an unknown op-like name',
      call: (g) => g.getTensorByName('nope'),
      cls: tf.ValueError,
      msg: `The name 'nope' looks like an (invalid) Operation name, not a Tensor. Tensor names must be of the form "<op_name>:<output_index>".`,
    },
    {
      name: 'tensor of an unknown op',
      call: (g) => g.getTensorByName('nope:0'),
      cls: tf.KeyError,
      msg: "The name 'nope:0' refers to a Tensor which does not exist. The operation, 'nope', does not exist in the graph.",
    },
    {
      name: 'output index out of range',
      call: (g) => g.getTensorByName('enc/a:3'),
      cls: tf.KeyError,
      msg: "The name 'enc/a:3' refers to a Tensor which does not exist. The operation, 'enc/a', exists but only has 1 outputs.",
    },
    {
      name: 'bad output index',
      call: (g) => g.getTensorByName('enc/a:x'),
      cls: tf.ValueError,
      msg: `The name 'enc/a:x' looks a like a Tensor name, but is not a valid one. Tensor names must be of the form "<op_name>:<output_index>".`,
    },
    {
      name: 'two colons',
      call: (g) => g.getTensorByName('enc/a:0:1'),
      cls: tf.ValueError,
      msg: `The name 'enc/a:0:1' looks a like a Tensor name, but is not a valid one. Tensor names must be of the form "<op_name>:<output_index>".`,
    },
    { name: 'non-string op name', call: (g) => g.getOperationByName(3 as never), cls: tf.TypeError, msg: 'Operation names are strings (or similar), not int.' },
    { name: 'number element', call: (g) => g.asGraphElement(3), cls: tf.TypeError, msg: 'Can not convert a int into a Tensor or Operation.' },
    { name: 'list element', call: (g) => g.asGraphElement([1]), cls: tf.TypeError, msg: 'Can not convert a list into a Tensor or Operation.' },
    { name: 'variable element is its ref tensor', call: (g, a) => (g.asGraphElement(a) as tf.Tensor).name, ok: 'enc/a:0' },
    { name: 'op-name element', call: (g) => (g.asGraphElement('enc/a') as tf.Operation).name, ok: 'enc/a' },
    {
      name: 'op name when only tensors allowed',
      call: (g) => g.asGraphElement('enc/a', { allowOperation: false }),
      cls: tf.ValueError,
      msg: `The name 'enc/a' refers to an Operation, not a Tensor. Tensor names must be of the form "<op_name>:<output_index>".`,
    },
    { name: 'operation when only tensors allowed', call: (g, a) => g.asGraphElement(a.op, { allowOperation: false }), cls: tf.TypeError, msg: 'Can not convert a Operation into a Tensor.' },
    { name: 'tensor when only ops allowed', call: (g, a) => g.asGraphElement(a.value(), { allowTensor: false }), cls: tf.TypeError, msg: 'Can not convert a Tensor into a Operation.' },
    { name: 'both disallowed', call: (g) => g.asGraphElement('enc/a', { allowTensor: false, allowOperation: false }), cls: tf.ValueError, msg: "allow_tensor and allow_operation can't both be False." },
  ];
  it.each(rows)('$name', ({ call, ok, cls, msg }) => {
    const { g, a } = build();
    if (ok !== undefined) expect(call(g, a)).toBe(ok);
    else expect(() => call(g, a)).toThrow(new cls!(msg!));
    if (cls) {
      try {
        call(g, a);
      } catch (e) {
        expect(e).toBeInstanceOf(cls);
      }
    }
  });

  it('elements of another graph are rejected; mixing two graphs in one op throws', () => {
    const { g, a } = build();
    const g2 = new tf.Graph();
    const z = g2.asDefault(() => tf.constant(1));
    expect(() => g.asGraphElement(z)).toThrow(new tf.ValueError('Tensor Tensor("Const:0", shape=(), dtype=float32) is not an element of this graph.'));
    expect(() => g.asGraphElement(z.op)).toThrow(/is not an element of this graph/);
    expect(() => tf.add(z, a)).toThrow(tf.ValueError);
    expect(() => tf.add(z, a)).toThrow(/must be from the same graph/);
    expect(() => tf.add(a, z)).toThrow(/must be from the same graph/);
    expect(g.getOperations().some((o) => o.name === 'Add')).toBe(false);
    expect(g2.getOperations()).toHaveLength(1);
  });
});

describe('Operation and Tensor', () => {
  it('exposes TF fields; consumers; getAttr; attrs are frozen', () => {
    const x = tf.placeholder('float32', [null, 3], 'x');
    const y = tf.add(x, x, 'y');
    const z = tf.identity(y, 'z');
    expect(y.name).toBe('y:0');
    expect(y.valueIndex).toBe(0);
    expect(y.op.type).toBe('Add');
    expect(y.op.inputs).toEqual([x, x]);
    expect(y.op.outputs).toEqual([y]);
    expect(y.graph).toBe(tf.getDefaultGraph());
    expect(y.dtype).toBe('float32');
    expect(y.getShape().toString()).toBe('(?, 3)');
    expect(x.consumers()).toEqual([y.op, y.op]);
    expect(y.consumers()).toEqual([z.op]);
    expect(x.op.getAttr('dtype')).toBe('float32');
    expect(() => x.op.getAttr('nope')).toThrow(new tf.ValueError("Operation 'x' has no attr named 'nope'."));
    expect(Object.isFrozen(x.op.attrs)).toBe(true);
    expect(String(x.op)).toBe("<tf.Operation 'x' type=Placeholder>");
    expect(String(y)).toBe('Tensor("y:0", shape=(?, 3), dtype=float32)');
  });

  it('a symbolic tensor cannot be used as a JS number or boolean', () => {
    const x = tf.placeholder('float32', [], 'x');
    expect(() => Number(x)).toThrow(tf.TypeError);
    expect(`${x}`).toBe('Tensor("x:0", shape=(), dtype=float32)');
  });

  it('setShape merges; incompatible shapes throw TF\'s messages', () => {
    const p = tf.placeholder('float32', [null, 3]);
    expect(() => p.setShape([2, 4])).toThrow(new tf.ValueError('Dimension 1 in both shapes must be equal, but are 3 and 4. Shapes are [?,3] and [2,4].'));
    expect(() => p.setShape([1, 2, 3])).toThrow(new tf.ValueError('Shapes must be equal rank, but are 2 and 3'));
    p.setShape([2, null]);
    expect(p.shape.toString()).toBe('(2, 3)');
    const u = tf.placeholder('float32');
    u.setShape([null, 5]);
    expect(u.shape.toString()).toBe('(?, 5)');
  });

  it('version counts ops; getOperations is a copy', () => {
    const g = new tf.Graph();
    expect(g.version).toBe(0);
    g.asDefault(() => tf.add(tf.constant(1), 2));
    expect(g.version).toBe(3);
    g.getOperations().pop();
    expect(g.getOperations()).toHaveLength(3);
  });
});

describe('finalize', () => {
  it('adding an op, a variable or a collection item throws RuntimeError and leaves the graph unchanged', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      const x = tf.placeholder('float32', [2], 'x');
      g.finalize();
      expect(g.finalized).toBe(true);
      const ops = g.getOperations().length;
      const version = g.version;
      const msg = 'Graph is finalized and cannot be modified.';
      expect(() => tf.constant(1)).toThrow(new tf.RuntimeError(msg));
      expect(() => tf.add(x, 1)).toThrow(new tf.RuntimeError(msg));
      expect(() => tf.getVariable('zz', { shape: [1] })).toThrow(new tf.RuntimeError(msg));
      expect(() => new tf.Variable(1)).toThrow(new tf.RuntimeError(msg));
      expect(() => g.addToCollection('x', 1)).toThrow(new tf.RuntimeError(msg));
      expect(g.getOperations()).toHaveLength(ops);
      expect(g.version).toBe(version);
      expect(g.getCollection('x')).toEqual([]);
      expect(tf.globalVariables()).toEqual([]);
    });
  });

  it('a finalized graph still runs', async () => {
    const before = numTensors();
    const g = new tf.Graph();
    const y = g.asDefault(() => tf.add(tf.placeholder('float32', [], 'x'), 1));
    g.finalize();
    const sess = new tf.Session({ graph: g });
    expect((await sess.run(y, { 'x:0': 2 })).item()).toBe(3);
    sess.close();
    expect(numTensors()).toBe(before);
  });
});
