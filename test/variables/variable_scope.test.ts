import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';

afterEach(() => tf.resetDefaultGraph());

const v1 = (name: string): tf.Variable => tf.getVariable(name, { shape: [1] });
const c = (name = 'c'): string => tf.constant(1, { name }).name;

const EXISTS = (n: string): RegExp =>
  new RegExp(`^Variable ${n} already exists, disallowed\\. Did you mean to set reuse=True or reuse=tf\\.AUTO_REUSE in VarScope\\? Originally defined at:`);
const MISSING = (n: string): string =>
  `Variable ${n} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?`;

// Expected names below are TF 1.x graph-mode outputs (tf.compat.v1, TF 2.21) for the same program.
describe('variableScope naming (TF outputs)', () => {
  it('a string scope re-entered: ops in foo_1/, foo_2/; variables stay foo/', () => {
    const out = tf.variableScope('foo', (s1) => {
      const v = v1('v');
      return { s1, v, c: c(), ns: tf.getDefaultGraph().getNameScope() };
    });
    expect([out.s1.name, out.s1.originalNameScope, out.ns, out.c]).toEqual(['foo', 'foo/', 'foo', 'foo/c:0']);
    const second = tf.variableScope('foo', { reuse: true }, (s2) => [s2.name, s2.originalNameScope, v1('v'), c()] as const);
    expect(second).toEqual(['foo', 'foo_1/', out.v, 'foo_1/c:0']);
    const third = tf.variableScope('foo', { reuse: true }, (s3) => [s3.originalNameScope, c()]);
    expect(third).toEqual(['foo_2/', 'foo_2/c:0']);
    expect(tf.globalVariables().map((v) => v.name)).toEqual(['foo/v:0']);
  });

  it('a VariableScope object re-entered: a fresh name scope, originalNameScope kept', () => {
    const s1 = tf.variableScope('foo', (s) => {
      v1('v');
      return s;
    });
    tf.variableScope('foo', () => undefined); // foo_1
    const a = tf.variableScope(s1, (s4) => {
      expect(() => v1('v')).toThrow(EXISTS('foo/v'));
      return [s4.name, s4.originalNameScope, tf.getDefaultGraph().getNameScope(), c()];
    });
    expect(a).toEqual(['foo', 'foo/', 'foo_2', 'foo_2/c:0']);
    const b = tf.variableScope(s1, { reuse: true }, (s5) => {
      expect(() => v1('w')).toThrow(new tf.ValueError(MISSING('foo/w')));
      return [s5.name, s5.originalNameScope, s5.reuse, c(), v1('v').name];
    });
    expect(b).toEqual(['foo', 'foo/', true, 'foo_3/c:0', 'foo/v:0']);
    // Inside another scope: the name scope nests, the variable prefix does not.
    const d = tf.variableScope('bar', () =>
      tf.variableScope(s1, (s6) => {
        const w = v1('w2');
        return [s6.name, s6.originalNameScope, c(), w.name, w.initializer.name, w.op.name];
      }),
    );
    expect(d).toEqual(['foo', 'foo/', 'bar/foo/c:0', 'foo/w2:0', 'foo/w2/Assign', 'foo/w2']);
  });

  it('re-entering the current scope object nests its name scope (aa/aa/)', () => {
    const got = tf.variableScope('aa', () => tf.variableScope(tf.getVariableScope(), (same) => [same.name, same.originalNameScope, c('z')]));
    expect(got).toEqual(['aa', 'aa/', 'aa/aa/z:0']);
  });

  it('the root scope object and the empty name open no name scope', () => {
    const root = tf.getVariableScope();
    expect(root.name).toBe('');
    expect(tf.variableScope(root, (s) => [s.name, c('r')])).toEqual(['', 'r:0']);
    expect(tf.variableScope('', (s) => [s.name, s.originalNameScope, c('zz')])).toEqual(['', '', 'zz:0']);
    expect(tf.nameScope('ns', () => tf.variableScope('', () => c('in')))).toBe('ns/in:0');
  });

  it('a name scope does not prefix variables; the variable scope does', () => {
    const got = tf.nameScope('ns', () => tf.variableScope('vv', (vv) => [vv.name, vv.originalNameScope, v1('w').name, c('cc')]));
    expect(got).toEqual(['vv', 'ns/vv/', 'vv/w:0', 'ns/vv/cc:0']);
  });

  it('a variable scope named like an existing op gets a fresh name scope (m_1/) but keeps m/', () => {
    c('m');
    const got = tf.variableScope('m', (m) => [m.name, m.originalNameScope, v1('v').name, tf.constant(1).name]);
    expect(got).toEqual(['m', 'm_1/', 'm/v:0', 'm_1/Const:0']);
  });

  it('tf.Variable takes the name scope; getVariable the variable scope', () => {
    const names = tf.variableScope('vs', () => new tf.Variable(1, { name: 'nv' }).name);
    const again = tf.variableScope('vs', () => [new tf.Variable(1, { name: 'nv' }).name, v1('gv').name]);
    expect([names, ...again]).toEqual(['vs/nv:0', 'vs_1/nv:0', 'vs/gv:0']);
    expect(tf.nameScope('ns', () => new tf.Variable(1, { name: 'nv' }).name)).toBe('ns/nv:0');
    expect([new tf.Variable(1).name, new tf.Variable(1).name]).toEqual(['Variable:0', 'Variable_1:0']);
    const x = new tf.Variable(1, { name: 'x/' });
    expect([x.name, x.initializer.name, x.value().name]).toEqual(['x:0', 'x/Assign', 'x/read:0']);
  });
});

describe('defaultName (TF outputs)', () => {
  it('is uniquified among variable scopes: dn, dn_1, dn_2', () => {
    const got = [0, 1, 2].map(() => tf.variableScope(null, { defaultName: 'dn' }, (d) => [d.name, d.originalNameScope]));
    expect(got).toEqual([
      ['dn', 'dn/'],
      ['dn_1', 'dn_1/'],
      ['dn_2', 'dn_2/'],
    ]);
  });

  it('after a variable scope of that name: dd_1; after an op of that name: variable scope ee, name scope ee_1/', () => {
    tf.variableScope('dd', () => undefined);
    expect(tf.variableScope(null, { defaultName: 'dd' }, (d) => [d.name, d.originalNameScope])).toEqual(['dd_1', 'dd_1/']);
    c('ee');
    expect(tf.variableScope(null, { defaultName: 'ee' }, (d) => [d.name, d.originalNameScope])).toEqual(['ee', 'ee_1/']);
  });

  it('counts reset when the parent scope is left: p/q each time', () => {
    const got = [
      tf.variableScope('p', () => tf.variableScope(null, { defaultName: 'q' }, (d) => [d.name, d.originalNameScope])),
      tf.variableScope('p', () => tf.variableScope(null, { defaultName: 'q' }, (d) => [d.name, d.originalNameScope])),
      tf.variableScope('p', { reuse: true }, () => tf.variableScope(null, { defaultName: 'q' }, (d) => [d.name, d.originalNameScope])),
    ];
    expect(got).toEqual([
      ['p/q', 'p/q/'],
      ['p/q', 'p_1/q/'],
      ['p/q', 'p_2/q/'],
    ]);
  });

  it('inside a re-entered scope object the counts are restored on exit', () => {
    tf.variableScope('aa', () => undefined);
    tf.variableScope('bb', () => undefined);
    const b1 = tf.variableScope('aa', () => tf.variableScope('bb', (s) => s));
    const cc = tf.variableScope(b1, () => tf.variableScope('cc', (s) => [s.name, s.originalNameScope]));
    const d1 = tf.variableScope(b1, () => tf.variableScope(null, { defaultName: 'd' }, (s) => [s.name, s.originalNameScope]));
    const d2 = tf.variableScope(b1, () => tf.variableScope(null, { defaultName: 'd' }, (s) => [s.name, s.originalNameScope]));
    const ab = tf.variableScope('aa/bb', (s) => [s.name, s.originalNameScope]);
    const dab = tf.variableScope(null, { defaultName: 'aa/bb' }, (s) => [s.name, s.originalNameScope]);
    expect([cc, d1, d2, ab, dab]).toEqual([
      ['aa/bb/cc', 'bb_1/cc/'],
      ['aa/bb/d', 'bb_2/d/'],
      ['aa/bb/d', 'bb_3/d/'],
      ['aa/bb', 'aa/bb/'],
      ['aa/bb_1', 'aa/bb_1/'],
    ]);
  });
});

describe('reuse (TF outputs)', () => {
  it('reuse: true is inherited; false / undefined inherit; AUTO_REUSE is inherited and overridden by true', () => {
    const r = tf.variableScope('r', { reuse: true }, () => [
      tf.variableScope('inner', { reuse: false }, (s) => s.reuse),
      tf.variableScope('inner2', (s) => s.reuse),
    ]);
    expect(r).toEqual([true, true]);
    const a = tf.variableScope('a', { reuse: tf.AUTO_REUSE }, (s) => {
      const x1 = tf.getVariable('x', { shape: [2] });
      const x2 = tf.getVariable('x', { shape: [2] });
      return [s.reuse, tf.variableScope('b', (b) => b.reuse), tf.variableScope('c', { reuse: true }, (b) => b.reuse), x1 === x2, x1.name];
    });
    expect(a).toEqual([tf.AUTO_REUSE, tf.AUTO_REUSE, true, true, 'a/x:0']);
    expect(tf.variableScope('t', { reuse: true }, () => tf.variableScope('u', { reuse: tf.AUTO_REUSE }, (u) => u.reuse))).toBe(tf.AUTO_REUSE);
    expect(tf.getVariableScope().reuse).toBe(false);
  });

  it('a scope object keeps its own reuse, not the enclosing one', () => {
    const s = tf.variableScope('s', (x) => x);
    expect(tf.variableScope('r', { reuse: true }, () => tf.variableScope(s, (x) => x.reuse))).toBe(false);
  });

  it('reuseVariables() sets reuse on the current scope object, inherited by children', () => {
    const got = tf.variableScope('k', (k) => {
      k.reuseVariables();
      return [k.reuse, tf.getVariableScope().reuse, tf.variableScope('kk', (kk) => kk.reuse)];
    });
    expect(got).toEqual([true, true, true]);
    expect(tf.variableScope('k', (k) => k.reuse)).toBe(false);
  });

  it('both reuse errors with TF1 messages', () => {
    tf.variableScope('foo', () => v1('v'));
    expect(() => tf.variableScope('foo', () => v1('v'))).toThrow(EXISTS('foo/v'));
    expect(() => tf.variableScope('foo', () => v1('v'))).toThrow(tf.ValueError);
    expect(() => tf.variableScope('foo', { reuse: true }, () => v1('w'))).toThrow(new tf.ValueError(MISSING('foo/w')));
    expect(tf.globalVariables()).toHaveLength(1);
  });

  it('sharing checks shape and dtype (TF messages); a partial or missing shape is compatible', () => {
    const w = tf.getVariable('w', { shape: [3, 4] });
    tf.variableScope('', { reuse: true }, () => {
      expect(() => tf.getVariable('w', { shape: [3, 5] })).toThrow(new tf.ValueError('Trying to share variable w, but specified shape (3, 5) and found shape (3, 4).'));
      expect(() => tf.getVariable('w', { shape: [3, 4], dtype: 'int32' })).toThrow(
        new tf.ValueError('Trying to share variable w, but specified dtype int32 and found dtype float32_ref.'),
      );
      expect(tf.getVariable('w', { shape: [null, 4] })).toBe(w);
      expect(tf.getVariable('w')).toBe(w);
    });
  });
});

describe('scope defaults (TF outputs)', () => {
  it('initializer, regularizer and dtype are inherited; constraint is not', () => {
    const cons = (x: tf.Tensor): tf.Tensor => x;
    const reg = (x: tf.Tensor): tf.Tensor => tf.reduceSum(x);
    const o = tf.variableScope('o', { constraint: cons, initializer: tf.zerosInitializer(), dtype: 'float64', regularizer: reg }, (o) => {
      expect([o.constraint === cons, o.dtype]).toEqual([true, 'float64']);
      tf.variableScope('i', (i) => {
        expect([i.constraint, i.dtype, i.initializer !== null, i.regularizer === reg]).toEqual([null, 'float64', true, true]);
        const v = v1('v');
        expect([v.dtype, v.constraint]).toEqual(['float64', null]);
        expect(tf.getDefaultGraph().getOperations()[0]!.name).toBe('o/i/v/Initializer/zeros');
      });
      const own = v1('own');
      expect(own.constraint).toBe(cons);
      return o;
    });
    expect(tf.variableScope(o, (o2) => [o2.constraint, o2.dtype])).toEqual([null, 'float64']);
    expect(tf.variableScope(o, { constraint: cons }, (o2) => o2.constraint === cons)).toBe(true);
    expect(tf.getCollection(tf.GraphKeys.REGULARIZATION_LOSSES).map((t) => (t as tf.Tensor).name)).toEqual(['o/i/v/Regularizer/Sum:0', 'o/own/Regularizer/Sum:0']);
  });

  it('getVariable options override the scope defaults', () => {
    const v = tf.variableScope('s', { initializer: tf.onesInitializer(), dtype: 'int32' }, () => tf.getVariable('v', { shape: [2], dtype: 'float32', initializer: tf.zerosInitializer() }));
    expect(v.dtype).toBe('float32');
    expect(v.initialValue.op.name).toBe('s/v/Initializer/zeros');
  });

  it('values pick the graph', () => {
    const g = new tf.Graph();
    const x = g.asDefault(() => tf.constant(1));
    const v = tf.variableScope('vals', { values: [x] }, () => v1('w'));
    expect(v.graph).toBe(g);
    expect(tf.globalVariables()).toEqual([]);
  });

  it('the scope is restored after the callback throws', () => {
    expect(() => tf.variableScope('boom', () => {
      throw new Error('inside');
    })).toThrow('inside');
    expect(tf.getVariableScope().name).toBe('');
    expect(tf.getDefaultGraph().getNameScope()).toBe('');
  });

  it('auxiliaryNameScope false keeps the current name scope', () => {
    const s = tf.variableScope('layer', (x) => x);
    const got = tf.nameScope('outer', () => tf.variableScope(s, { auxiliaryNameScope: false }, (x) => [x.name, x.originalNameScope, c('k')]));
    expect(got).toEqual(['layer', 'layer/', 'outer/k:0']);
    const str = tf.variableScope('plain', { auxiliaryNameScope: false }, (x) => [x.name, x.originalNameScope, c('j')]);
    expect(str).toEqual(['plain', '', 'j:0']);
    const nested = tf.nameScope('o2', () => tf.variableScope('plain2', { auxiliaryNameScope: false }, (x) => [x.name, x.originalNameScope, c('j')]));
    expect(nested).toEqual(['plain2', 'o2/', 'o2/j:0']);
  });
});

describe('variableScope argument errors (TF messages)', () => {
  it.each([
    ['null name with reuse true', () => tf.variableScope(null, { defaultName: 'zz', reuse: true }, () => 0), tf.ValueError, 'reuse=True cannot be used without a name_or_scope'],
    ['null name with AUTO_REUSE', () => tf.variableScope(null, { defaultName: 'zz', reuse: tf.AUTO_REUSE }, () => 0), tf.ValueError, 'reuse=True cannot be used without a name_or_scope'],
    ['no name, no default', () => tf.variableScope(null, () => 0), tf.TypeError, 'If default_name is None then name_or_scope is required'],
    ['a number as name', () => tf.variableScope(3 as never, () => 0), tf.TypeError, 'VariableScope: name_or_scope must be a string or VariableScope.'],
    ['a bad reuse value', () => tf.variableScope('q', { reuse: 3 as never }, () => 0), tf.ValueError, 'The reuse parameter must be True or False or None.'],
  ] as const)('%s', (_n, call, cls, msg) => {
    expect(call).toThrow(new cls(msg));
    expect(tf.getVariableScope().name).toBe('');
  });
});
