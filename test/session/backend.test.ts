import * as tfc from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import {
  defaultBackendCandidates,
  isBackendReady,
  resolveDefaultBackendSync,
} from '../../src/session/backend.js';

afterEach(() => tf.resetDefaultGraph());

// The order matters: the first test runs before anything in this process initialised wasm.
describe('default backend', () => {
  it('in Node: wasm, then cpu; a first runSync before wasm is up settles on cpu', () => {
    expect(defaultBackendCandidates()).toEqual(['wasm', 'cpu']);
    expect(isBackendReady('wasm')).toBe(false);
    expect(resolveDefaultBackendSync()).toBe('cpu');
    const x = tf.constant([1, 2], { name: 'x' });
    const sess = new tf.Session();
    expect(sess.backend).toBe('wasm'); // not settled yet: the candidate it would try
    const y = tf.multiply(x, 2);
    // explain runs nothing on the backend: it neither needs nor settles it.
    expect(sess.explain(y, undefined, { print: false }).backend).toBe('wasm');
    expect(isBackendReady('wasm')).toBe(false);
    expect(sess.runSync(y).toArray()).toEqual([2, 4]);
    expect(sess.backend).toBe('cpu');
    sess.close();
  });

  it('a session that names none runs on wasm (loaded from node_modules, offline)', async () => {
    const x = tf.constant([1, 2], { name: 'x' });
    const sess = new tf.Session();
    expect((await sess.run(tf.multiply(x, 3))).toArray()).toEqual([3, 6]);
    expect(sess.backend).toBe('wasm');
    expect(tfc.getBackend()).toBe('wasm');
    // Once wasm is up, a fresh session's first runSync takes it too.
    const other = new tf.Session();
    other.runSync(x);
    expect(other.backend).toBe('wasm');
    sess.close();
    other.close();
  });

  it('the backend option wins; an unknown one fails at the first run', async () => {
    const x = tf.constant([1, 2], { name: 'x' });
    const cpu = new tf.Session({ backend: 'cpu' });
    await cpu.run(x);
    expect(cpu.backend).toBe('cpu');
    expect(tfc.getBackend()).toBe('cpu');
    cpu.close();
    const bad = new tf.Session({ backend: 'nope' });
    await expect(bad.run(x)).rejects.toThrow(/Unknown backend 'nope'/);
  });
});
