import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';

afterEach(() => tf.resetDefaultGraph());

describe('GraphKeys', () => {
  it('has TF1 string values for every key API.md lists', () => {
    expect({ ...tf.GraphKeys }).toMatchObject({
      GLOBAL_VARIABLES: 'variables',
      LOCAL_VARIABLES: 'local_variables',
      MODEL_VARIABLES: 'model_variables',
      TRAINABLE_VARIABLES: 'trainable_variables',
      REGULARIZATION_LOSSES: 'regularization_losses',
      UPDATE_OPS: 'update_ops',
      LOSSES: 'losses',
      SUMMARIES: 'summaries',
      GLOBAL_STEP: 'global_step',
      TRAIN_OP: 'train_op',
      INIT_OP: 'init_op',
      SAVERS: 'savers',
      ACTIVATIONS: 'activations',
    });
  });
});

describe('collections (TF outputs)', () => {
  it('add, addToCollections (deduplicated keys), copies vs the live ref, keys, clear', () => {
    const g = new tf.Graph();
    g.getCollectionRef('empty');
    expect(g.getAllCollectionKeys()).toEqual(['empty']);
    g.addToCollection('x', 1);
    g.addToCollections(['x', 'y'], 2);
    g.addToCollections('z', 3);
    expect([g.getCollection('x'), g.getCollection('y'), g.getCollection('z'), g.getCollection('nope')]).toEqual([[1, 2], [2], [3], []]);
    expect(g.getAllCollectionKeys()).toEqual(['empty', 'x', 'y', 'z']);
    g.getCollection('x').push(9);
    expect(g.getCollection('x')).toEqual([1, 2]);
    g.getCollectionRef('x').push(10);
    expect(g.getCollection('x')).toEqual([1, 2, 10]);
    g.clearCollection('x');
    expect(g.getCollection('x')).toEqual([]);
    expect(g.getAllCollectionKeys()).toEqual(['empty', 'y', 'z']);
    g.addToCollections(['q', 'q'], 1);
    expect(g.getCollection('q')).toEqual([1]);
  });

  it('filters by scope as re.match: a prefix regex anchored at the start; nameless items are skipped', () => {
    const a = tf.variableScope('enc', () => tf.getVariable('a', { shape: [1] }));
    tf.variableScope('encoder', () => tf.getVariable('b', { shape: [1] }));
    tf.variableScope('dec', () => tf.getVariable('c', { shape: [1] }));
    const names = (vs: tf.Variable[]): string[] => vs.map((v) => v.name);
    // TF: ['enc/a:0', 'encoder/b:0'] ['enc/a:0'] ['enc/a:0', 'dec/c:0'] []
    expect(names(tf.globalVariables('enc'))).toEqual(['enc/a:0', 'encoder/b:0']);
    expect(names(tf.globalVariables('enc/'))).toEqual(['enc/a:0']);
    expect(names(tf.globalVariables('.*c/'))).toEqual(['enc/a:0', 'dec/c:0']);
    expect(names(tf.globalVariables('c'))).toEqual([]);
    expect(names(tf.trainableVariables(/^(enc|dec)\//))).toEqual(['enc/a:0', 'dec/c:0']);
    expect(names(tf.globalVariables(/c/g))).toEqual([]); // anchored even for a RegExp
    tf.addToCollection('mixed', 5);
    tf.addToCollection('mixed', a);
    tf.addToCollection('mixed', { name: 'enc/x' });
    expect(tf.getCollection('mixed', 'enc')).toEqual([a, { name: 'enc/x' }]);
    expect(tf.getCollection('mixed')).toHaveLength(3);
    expect(tf.getCollection('mixed', null)).toHaveLength(3);
  });

  it('tf.* collection functions act on the default graph', () => {
    const g = new tf.Graph();
    g.asDefault(() => {
      tf.addToCollection('k', 1);
      tf.addToCollections(['k', 'l'], 2);
      tf.getCollectionRef('l').push(3);
    });
    expect(g.getCollection('k')).toEqual([1, 2]);
    expect(g.getCollection('l')).toEqual([2, 3]);
    expect(tf.getDefaultGraph().getCollection('k')).toEqual([]);
  });

  it('each kind of variable joins the collections TF1 puts it in', () => {
    const names = (key: string): string[] => tf.getCollection<tf.Variable>(key).map((v) => v.name);
    tf.getVariable('r', { shape: [2] });
    tf.getVariable('nt', { shape: [2], trainable: false });
    tf.getVariable('cc', { shape: [2], collections: ['mine'] });
    tf.getVariable('cc2', { shape: [2], collections: ['mine', tf.GraphKeys.GLOBAL_VARIABLES], trainable: false });
    tf.getVariable('lv', { shape: [1], collections: [tf.GraphKeys.LOCAL_VARIABLES] });
    new tf.Variable(1, { name: 'plain' });
    new tf.Variable(1, { name: 'mv', collections: [tf.GraphKeys.MODEL_VARIABLES, tf.GraphKeys.GLOBAL_VARIABLES] });
    // TF: glob ['r:0','nt:0','cc2:0'], trainable ['r:0','cc:0','lv:0'], mine ['cc:0','cc2:0'], local ['lv:0']
    expect(names('variables')).toEqual(['r:0', 'nt:0', 'cc2:0', 'plain:0', 'mv:0']);
    expect(names('trainable_variables')).toEqual(['r:0', 'cc:0', 'lv:0', 'plain:0', 'mv:0']);
    expect(names('mine')).toEqual(['cc:0', 'cc2:0']);
    expect(tf.localVariables().map((v) => v.name)).toEqual(['lv:0']);
    expect(tf.modelVariables().map((v) => v.name)).toEqual(['mv:0']);
  });
});
