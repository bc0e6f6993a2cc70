import { describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';

const S = (d: readonly (number | null)[] | null): tf.TensorShape => new tf.TensorShape(d);

describe('TensorShape', () => {
  it.each([
    [[null, 28, 28, 1], '(?, 28, 28, 1)'],
    [null, '<unknown>'],
    [[], '()'],
    [[3], '(3,)'],
    [[null], '(?,)'],
  ] as const)('prints %j as TF: %s', (dims, text) => {
    expect(S(dims).toString()).toBe(text);
  });

  it('rank, dims, asList, size, isFullyDefined, dim(i)', () => {
    expect(S([null, 3]).rank).toBe(2);
    expect(S(null).rank).toBeNull();
    expect(S([2, 3]).size).toBe(6);
    expect(S([null, 3]).size).toBeNull();
    expect(S([2, 3]).isFullyDefined()).toBe(true);
    expect(S(null).isFullyDefined()).toBe(false);
    expect(S([2, 3]).dim(-1)).toBe(3);
    expect(S(null).dim(0)).toBeNull();
    expect(S([null, 3]).asList()).toEqual([null, 3]);
    expect(() => S(null).asList()).toThrow(new tf.ValueError('as_list() is not defined on an unknown TensorShape.'));
    expect(S([2]).toBracketString()).toBe('[2]');
    expect(S([null, 4]).toBracketString()).toBe('[?,4]');
  });

  it.each([
    [[null, 3], [2, null], true, '(2, 3)'],
    [null, [2, 3], true, '(2, 3)'],
    [[2, 3], null, true, '(2, 3)'],
    [null, null, true, '<unknown>'],
    [[1, 2], [1, 3], false, 'Shapes (1, 2) and (1, 3) are not compatible'],
    [[1, 2], [1, 2, 3], false, 'Shapes (1, 2) and (1, 2, 3) are not compatible'],
    [[], [], true, '()'],
  ] as const)('merge %j with %j', (a, b, ok, out) => {
    expect(S(a).isCompatibleWith(S(b))).toBe(ok);
    expect(S(b).isCompatibleWith(a === null ? null : S(a))).toBe(ok);
    if (ok) expect(S(a).mergeWith(S(b)).toString()).toBe(out);
    else expect(() => S(a).mergeWith(S(b))).toThrow(new tf.ValueError(out));
  });

  it('TF\'s errors for bad dims, withRank, assertIsCompatibleWith', () => {
    expect(() => S([-1])).toThrow(new tf.ValueError('Dimension -1 must be >= 0'));
    expect(() => S([1.5])).toThrow(tf.TypeError);
    expect(() => S([1, 2]).withRank(3)).toThrow(new tf.ValueError('Shape (1, 2) must have rank 3'));
    expect(S(null).withRank(2).toString()).toBe('(?, ?)');
    expect(() => S([1, 2]).assertIsCompatibleWith(S([1, 3]))).toThrow(new tf.ValueError('Shapes (1, 2) and (1, 3) are incompatible'));
    expect(S([1, 2]).equals([1, 2])).toBe(true);
    expect(S([1, null]).equals([1, null])).toBe(true);
    expect(S(null).equals(null)).toBe(true);
    expect(S([1]).equals(null)).toBe(false);
  });

  it('is immutable', () => {
    const s = S([1, 2]);
    expect(Object.isFrozen(s.dims)).toBe(true);
  });
});
