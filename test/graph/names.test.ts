import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';

afterEach(() => tf.resetDefaultGraph());

/** Builds in a fresh graph and returns its op names in creation order. */
function opNames(build: (g: tf.Graph) => void): string[] {
  const g = new tf.Graph();
  g.asDefault(() => build(g));
  return g.getOperations().map((o) => o.name);
}

const c = (name?: string): tf.Tensor => tf.constant(1, name === undefined ? {} : { name });

// Every expected list below is what TF 1.x graph mode (tf.compat.v1, TF 2.21) printed for the
// same program.
describe('unique op and scope names (TF outputs)', () => {
  const cases: { name: string; build: (g: tf.Graph) => void; expected: string[] }[] = [
    { name: 'default names get _1, _2', build: () => [c(), c(), c()], expected: ['Const', 'Const_1', 'Const_2'] },
    { name: 'case-insensitive: Foo, foo, FOO', build: () => [c('Foo'), c('foo'), c('FOO')], expected: ['Foo', 'foo_1', 'FOO_2'] },
    { name: 'an existing a_1 is skipped', build: () => [c('a_1'), c('a'), c('a'), c('a')], expected: ['a_1', 'a', 'a_2', 'a_3'] },
    { name: 'a, a, then a_1 becomes a_1_1', build: () => [c('a'), c('a'), c('a_1')], expected: ['a', 'a_1', 'a_1_1'] },
    {
      name: 'scopes and ops share one table; a/ re-enters; null and empty reset to the root',
      build: (g) => {
        c('a');
        g.nameScope('a', (s) => {
          expect(s).toBe('a_1/');
          c('c');
        });
        g.nameScope('b', (s) => expect(s).toBe('b/'));
        c('b');
        g.nameScope('a/', (s) => {
          expect(s).toBe('a/');
          c('d');
        });
        g.nameScope('a_1/', () => c('e'));
        g.nameScope('x', () => {
          g.nameScope(null, (s) => {
            expect(s).toBe('');
            c('root');
          });
          g.nameScope('', (s) => {
            expect(s).toBe('');
            c('root2');
          });
        });
      },
      expected: ['a', 'a_1/c', 'b_1', 'a/d', 'a_1/e', 'root', 'root2'],
    },
    {
      name: "an op name ending in '/' is used as-is (absolute)",
      build: () =>
        tf.nameScope('s', () => {
          const x = c('s2/');
          tf.identity(x, 't/');
        }),
      expected: ['s2', 't'],
    },
    {
      name: 'nested scopes are uniquified within their parent, case-insensitively',
      build: (g) => {
        g.nameScope('outer', () => {
          g.nameScope('inner', (s) => expect(s).toBe('outer/inner/'));
          g.nameScope('inner', (s) => expect(s).toBe('outer/inner_1/'));
        });
        g.nameScope('outer', (s) => expect(s).toBe('outer_1/'));
        g.nameScope('Outer', (s) => expect(s).toBe('Outer_2/'));
        g.nameScope('outer/inner/', () => c('z'));
      },
      expected: ['outer/inner/z'],
    },
    {
      name: 'ops made by builders default to their TF op type',
      build: () => {
        const x = tf.placeholder('float32', [2], 'x');
        tf.add(x, x);
        tf.add(x, x);
        tf.nameScope('layer', () => tf.add(x, x));
      },
      expected: ['x', 'Add', 'Add_1', 'layer/Add'],
    },
  ];
  it.each(cases)('$name', ({ build, expected }) => {
    expect(opNames(build)).toEqual(expected);
  });

  it('getNameScope reports the current scope without its slash', () => {
    const g = new tf.Graph();
    expect(g.getNameScope()).toBe('');
    g.nameScope('a', () => g.nameScope('b', () => expect(g.getNameScope()).toBe('a/b')));
    expect(g.getNameScope()).toBe('');
  });

  it('uniqueName(name, false) peeks without reserving', () => {
    const g = new tf.Graph();
    expect(g.uniqueName('w', false)).toBe('w');
    expect(g.uniqueName('w', false)).toBe('w');
    expect(g.uniqueName('w')).toBe('w');
    expect(g.uniqueName('w', false)).toBe('w_1');
  });

  it('a scope is restored after its callback throws', () => {
    const g = new tf.Graph();
    expect(() => g.nameScope('boom', () => {
      throw new Error('x');
    })).toThrow('x');
    expect(g.getNameScope()).toBe('');
  });
});

describe('invalid names (TF messages)', () => {
  const root = "is not a valid root scope name. A root scope name has to match the following pattern: ^[A-Za-z0-9.][A-Za-z0-9_.\\\\/>-]*$";
  const rows: { name: string; nested: boolean; ok: boolean }[] = [
    { name: '-a', nested: false, ok: false },
    { name: 'a b', nested: false, ok: false },
    { name: '_a', nested: false, ok: false },
    { name: 'a-b', nested: false, ok: true },
    { name: '.a', nested: false, ok: true },
    { name: 'a/b', nested: false, ok: true },
    { name: 'a>b', nested: false, ok: true },
    { name: '_a', nested: true, ok: true },
    { name: '-a', nested: true, ok: true },
    { name: 'a b', nested: true, ok: false },
    { name: 'a:0', nested: true, ok: false },
  ];
  it.each(rows)('scope $name (nested: $nested) ok=$ok', ({ name, nested, ok }) => {
    const g = new tf.Graph();
    const enter = (): string => g.nameScope(name, (s) => s);
    const run = (): string => (nested ? g.nameScope('outer', enter) : enter());
    if (ok) expect(run()).toBe(nested ? `outer/${name}/` : `${name}/`);
    else if (nested) expect(run).toThrow(new tf.ValueError(`'${name}' is not a valid scope name. A scope name has to match the following pattern: ^[A-Za-z0-9_.\\\\/>-]*$`));
    else expect(run).toThrow(new tf.ValueError(`'${name}' ${root}`));
  });

  it.each(['-a', 'a b', '_a', 'a:0'])('op name %s is rejected before the graph changes', (name) => {
    const g = new tf.Graph();
    g.asDefault(() => {
      expect(() => tf.constant(1, { name })).toThrow(
        new tf.ValueError(`\`${name}\` is not a valid node name. Accepted names conform to Regex /^[A-Za-z0-9.][A-Za-z0-9_.\\\\/>-]*$/`),
      );
    });
    expect(g.getOperations()).toEqual([]);
    expect(g.version).toBe(0);
  });

  it('an op named with a leading underscore inside a scope is valid', () => {
    expect(opNames(() => tf.nameScope('s', () => c('_a')))).toEqual(['s/_a']);
  });
});
