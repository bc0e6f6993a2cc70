import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { numTensors } from '../util/leaks.js';

afterEach(() => tf.resetDefaultGraph());

const varNames = (vs: readonly tf.Variable[]): string[] => vs.map((v) => v.name);
const opNames = (g: tf.Graph = tf.getDefaultGraph()): string[] =>
  g.getOperations().map((o) => o.name);

/** A minimal custom layer: y = x * w (+ a non-trainable counter), as a user would write one. */
class Scale extends tf.layers.Layer {
  w: tf.Variable | null = null;
  steps: tf.Variable | null = null;
  constructor(
    options: tf.layers.LayerOptions & { regularizer?: (t: tf.Tensor) => tf.Tensor } = {},
  ) {
    const { regularizer, ...rest } = options;
    super(rest);
    this.regularizer = regularizer ?? null;
  }
  regularizer: ((t: tf.Tensor) => tf.Tensor) | null;
  override build(shape: tf.TensorShape): void {
    this.w = this.addWeight('w', [shape.dim(-1)], {
      initializer: tf.onesInitializer(),
      regularizer: this.regularizer,
    });
    this.steps = this.addVariable('steps', [], {
      trainable: false,
      initializer: tf.zerosInitializer(),
    });
    super.build(shape);
  }
  override call(x: tf.Tensor): tf.Tensor {
    return tf.multiply(x, this.w!);
  }
}

describe('Layer naming and scopes', () => {
  it('names unnamed layers per graph as TF1 (layer name dense_1, scope dense)', () => {
    const x = tf.placeholder('float32', [null, 4], 'x');
    const d1 = new tf.layers.Dense({ units: 3 });
    const d2 = new tf.layers.Dense({ units: 2 });
    expect(d1.name).toBe('dense_1');
    expect(d2.name).toBe('dense_2');
    expect(() => d1.scopeName).toThrow(tf.ValueError);
    const y1 = d1.apply(x);
    const y2 = d2.apply(y1);
    expect(d1.scopeName).toBe('dense');
    expect(d2.scopeName).toBe('dense_1');
    expect(y1.name).toBe('dense/BiasAdd:0');
    expect(y2.name).toBe('dense_1/BiasAdd:0');
    expect(varNames(tf.globalVariables())).toEqual([
      'dense/kernel:0',
      'dense/bias:0',
      'dense_1/kernel:0',
      'dense_1/bias:0',
    ]);
    expect(opNames()).toContain('dense/MatMul');
    // Another graph counts from 1 again.
    const g = new tf.Graph();
    g.asDefault(() => expect(new tf.layers.Dense({ units: 1 }).name).toBe('dense_1'));
    expect(new Scale().name).toBe('scale_1');
  });

  it('keeps a given name and uses it as the scope', () => {
    const x = tf.placeholder('float32', [2, 4]);
    const d = new tf.layers.Dense({ units: 3, name: 'fc' });
    d.apply(x);
    expect(d.name).toBe('fc');
    expect(d.scopeName).toBe('fc');
    expect(varNames(d.variables)).toEqual(['fc/kernel:0', 'fc/bias:0']);
  });

  it('a second call reuses the variables; its ops are made unique in the layer scope', () => {
    const x = tf.placeholder('float32', [null, 4]);
    const d = new tf.layers.Dense({ units: 3, activation: 'relu' });
    const a = d.apply(x);
    const nVars = tf.globalVariables().length;
    const b = d.apply(x);
    expect(a.name).toBe('dense/Relu:0');
    // TF1 re-enters the layer's original name scope: dense/MatMul_1, dense/BiasAdd_1, dense/Relu_1.
    expect(b.name).toBe('dense/Relu_1:0');
    expect(opNames()).toEqual(expect.arrayContaining(['dense/MatMul_1', 'dense/BiasAdd_1']));
    expect(tf.globalVariables().length).toBe(nVars);
    expect(b.op.inputs[0]!.op.inputs[1]!.name).toBe('dense/bias/read:0');
    expect(d.inboundNodeCount).toBe(2);
  });

  it('lives under the enclosing variable scope', () => {
    const x = tf.placeholder('float32', [null, 4]);
    const y = tf.variableScope('outer', () => new tf.layers.Dense({ units: 3 }).apply(x));
    expect(y.name).toBe('outer/dense/BiasAdd:0');
    expect(varNames(tf.globalVariables())).toEqual(['outer/dense/kernel:0', 'outer/dense/bias:0']);
  });

  it('two layer objects with one name get unique scopes (TF1 default_name)', () => {
    const x = tf.placeholder('float32', [null, 4]);
    const a = new tf.layers.Dense({ units: 2, name: 'fc' });
    const b = new tf.layers.Dense({ units: 2, name: 'fc' });
    a.apply(x);
    b.apply(x);
    expect([a.name, b.name]).toEqual(['fc', 'fc']);
    expect([a.scopeName, b.scopeName]).toEqual(['fc', 'fc_1']);
    expect(varNames(b.weights)).toEqual(['fc_1/kernel:0', 'fc_1/bias:0']);
  });

  it("build may be called by hand before the first call; graph is the first call's", () => {
    const x = tf.placeholder('float32', [null, 3]);
    const s = new Scale();
    expect(s.graph).toBeNull();
    s.build(new tf.TensorShape([null, 3]));
    expect(s.built).toBe(true);
    expect(varNames(s.weights)).toEqual(['scale/w:0', 'scale/steps:0']);
    const y = s.apply(x);
    expect(y.name).toBe('scale/Mul:0');
    expect(tf.globalVariables().length).toBe(2);
    expect(s.graph).toBe(tf.getDefaultGraph());
  });

  it('the scope kwarg of the first call names the scope', () => {
    const x = tf.placeholder('float32', [null, 4]);
    const d = new tf.layers.Dense({ units: 3 });
    d.apply(x, { scope: 'my_scope' });
    expect(d.scopeName).toBe('my_scope');
    expect(varNames(d.weights)).toEqual(['my_scope/kernel:0', 'my_scope/bias:0']);
  });

  it('functional forms share variables through name + reuse, and through variableScope reuse', () => {
    const x = tf.placeholder('float32', [null, 4]);
    const a = tf.layers.dense(x, { units: 3, name: 'fc' });
    const b = tf.layers.dense(x, { units: 3, name: 'fc', reuse: true });
    expect(a.name).toBe('fc/BiasAdd:0');
    expect(b.name).toBe('fc_1/BiasAdd:0');
    expect(varNames(tf.globalVariables())).toEqual(['fc/kernel:0', 'fc/bias:0']);
    const c = tf.variableScope('net', () => tf.layers.dense(x, { units: 2 }));
    const d = tf.variableScope('net', { reuse: true }, () => tf.layers.dense(x, { units: 2 }));
    expect(c.name).toBe('net/dense/BiasAdd:0');
    expect(d.name).toBe('net_1/dense/BiasAdd:0');
    expect(varNames(tf.globalVariables())).toEqual([
      'fc/kernel:0',
      'fc/bias:0',
      'net/dense/kernel:0',
      'net/dense/bias:0',
    ]);
    // AUTO_REUSE creates once, then shares.
    tf.layers.dense(x, { units: 2, name: 'auto', reuse: tf.AUTO_REUSE });
    tf.layers.dense(x, { units: 2, name: 'auto', reuse: tf.AUTO_REUSE });
    expect(tf.globalVariables('auto').length).toBe(2);
  });

  it("reuse: true with a name never built throws TF's error; a duplicate without reuse too", () => {
    const x = tf.placeholder('float32', [null, 4]);
    expect(() => tf.layers.dense(x, { units: 3, name: 'nope', reuse: true })).toThrow(
      /Variable nope\/kernel does not exist, or was not created with tf.get_variable\(\)/,
    );
    tf.layers.dense(x, { units: 3, name: 'fc' });
    expect(() => tf.layers.dense(x, { units: 3, name: 'fc' })).toThrow(
      /Variable fc\/kernel already exists, disallowed/,
    );
  });

  it('a reused layer with a different input size fails on the variable shape', () => {
    const x = tf.placeholder('float32', [null, 4]);
    tf.layers.dense(x, { units: 3, name: 'fc' });
    const z = tf.placeholder('float32', [null, 5]);
    expect(() => tf.layers.dense(z, { units: 3, name: 'fc', reuse: true })).toThrow(
      /Trying to share variable fc\/kernel, but specified shape \(5, 3\) and found shape \(4, 3\)/,
    );
  });
});

describe('Layer variables, losses and updates', () => {
  it('tracks trainable and non-trainable variables and their collections', () => {
    const x = tf.placeholder('float32', [null, 3]);
    const s = new Scale();
    s.apply(x);
    expect(varNames(s.trainableWeights)).toEqual(['scale/w:0']);
    expect(varNames(s.nonTrainableWeights)).toEqual(['scale/steps:0']);
    expect(varNames(s.weights)).toEqual(['scale/w:0', 'scale/steps:0']);
    expect(varNames(s.variables)).toEqual(varNames(s.weights));
    expect(varNames(s.trainableVariables)).toEqual(['scale/w:0']);
    expect(varNames(s.nonTrainableVariables)).toEqual(['scale/steps:0']);
    expect(varNames(tf.trainableVariables())).toEqual(['scale/w:0']);
    expect(varNames(tf.globalVariables())).toEqual(['scale/w:0', 'scale/steps:0']);
    expect(s.countParams()).toBe(4);
    expect(s.dtype).toBe('float32');
    expect(s.built).toBe(true);
  });

  it('a non-trainable layer keeps its variables out of TRAINABLE_VARIABLES', () => {
    const x = tf.placeholder('float32', [null, 3]);
    const d = new tf.layers.Dense({ units: 2, trainable: false });
    d.apply(x);
    expect(tf.trainableVariables()).toEqual([]);
    expect(d.trainableWeights).toEqual([]);
    expect(varNames(d.nonTrainableWeights)).toEqual(['dense/kernel:0', 'dense/bias:0']);
    // trainable is mutable; the layer's lists follow it (TF's collections do not).
    d.trainable = true;
    expect(d.trainableWeights).toEqual([]);
  });

  it('weight regularizers: losses of new variables only, in REGULARIZATION_LOSSES', () => {
    const x = tf.placeholder('float32', [null, 3]);
    const reg = (w: tf.Tensor): tf.Tensor => tf.multiply(0.5, tf.reduceSum(tf.multiply(w, w)));
    const s = new Scale({ regularizer: reg, name: 'sc' });
    s.apply(x);
    expect(s.losses.length).toBe(1);
    expect(s.losses[0]!.name).toMatch(/^sc\/w\/Regularizer\//);
    expect(tf.getCollection(tf.GraphKeys.REGULARIZATION_LOSSES)).toEqual(s.losses);
    // Unconditional: reported for inputs null, not for the inputs.
    expect(s.getLossesFor(null)).toEqual(s.losses);
    expect(s.getLossesFor(x)).toEqual([]);
    // A second call adds no loss.
    s.apply(x);
    expect(s.losses.length).toBe(1);
    // A layer sharing the variable by reuse adds none either.
    const t = tf.variableScope('sc', { reuse: true }, () => new Scale({ regularizer: reg }));
    void t;
    expect(tf.getCollection(tf.GraphKeys.REGULARIZATION_LOSSES).length).toBe(1);
  });

  it('TF1 and Keras regularizers: loss names and values', async () => {
    const x = tf.placeholder('float32', [null, 3]);
    const d = new tf.layers.Dense({
      units: 2,
      kernelRegularizer: tf.contrib.layers.l2Regularizer(0.1),
      biasRegularizer: tf.regularizers.l2(0.01),
      biasInitializer: tf.onesInitializer(),
    });
    d.apply(x);
    const losses = tf.getCollection<tf.Tensor>(tf.GraphKeys.REGULARIZATION_LOSSES);
    expect(losses[0]!.name).toBe('dense/kernel/Regularizer/l2_regularizer:0');
    expect(losses[1]!.name.startsWith('dense/bias/Regularizer/')).toBe(true);
    expect(d.getLossesFor(null)).toEqual(losses);
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    const [k, kl, bl] = await sess.run([d.kernel!, losses[0]!, losses[1]!]);
    const sq = Array.from(k!.data as Float32Array).reduce((a, v) => a + v * v, 0);
    expect(kl!.item()).toBeCloseTo((0.1 * sq) / 2, 5);
    expect(bl!.item()).toBeCloseTo(0.01 * 2, 5);
    sess.close();
  });

  it('constraints stay on the variables for the optimizer', () => {
    const x = tf.placeholder('float32', [null, 3]);
    const c = (w: tf.Tensor): tf.Tensor => tf.multiply(w, 0.5);
    const d = new tf.layers.Dense({ units: 2, kernelConstraint: c });
    d.apply(x);
    expect(d.kernel!.constraint).toBe(c);
    expect(d.bias!.constraint).toBeNull();
  });

  it('addLoss and addUpdate: conditional on inputs or not, as the seed documents', () => {
    const a = tf.placeholder('float32', [2, 3], 'a');
    const b = tf.placeholder('float32', [2, 3], 'b');
    const s = new Scale();
    const ya = s.apply(a);
    const yb = s.apply(b);
    const la = tf.reduceSum(ya);
    const lb = tf.reduceSum(yb);
    const lu = tf.reduceSum(s.w!);
    s.addLoss(la, a);
    s.addLoss(lb, b);
    s.addLoss(lu);
    expect(s.losses).toEqual([la, lb, lu]);
    expect(s.getLossesFor(a)).toEqual([la]);
    expect(s.getLossesFor([b])).toEqual([lb]);
    expect(s.getLossesFor(null)).toEqual([lu]);
    const ua = tf.assignAdd(s.steps!, tf.reduceSum(ya));
    const uu = tf.assignAdd(s.steps!, 1);
    s.addUpdate(ua, a);
    s.addUpdate([uu]);
    expect(s.updates).toEqual([ua, uu]);
    expect(s.getUpdatesFor(a)).toEqual([ua]);
    expect(s.getUpdatesFor(b)).toEqual([]);
    expect(s.getUpdatesFor(null)).toEqual([uu]);
    // Updates reach UPDATE_OPS with the next call.
    expect(tf.getCollection(tf.GraphKeys.UPDATE_OPS)).toEqual([]);
    s.apply(a);
    expect(tf.getCollection(tf.GraphKeys.UPDATE_OPS)).toEqual([ua, uu]);
    s.trainable = false;
    expect(s.updates).toEqual([]);
  });

  it('activity regularizer: a loss per call, divided by the batch size, conditional on the inputs', async () => {
    const x = tf.placeholder('float32', [null, 2], 'x');
    const reg = (t: tf.Tensor): tf.Tensor => tf.reduceSum(tf.multiply(t, t));
    const d = new tf.layers.Dense({
      units: 2,
      activityRegularizer: reg,
      kernelInitializer: tf.onesInitializer(),
    });
    const y = d.apply(x);
    expect(d.activityRegularizer).toBe(reg);
    expect(d.losses.length).toBe(1);
    const loss = d.losses[0]!;
    expect(loss.name).toMatch(/^dense\/ActivityRegularizer\//);
    expect(d.getLossesFor(x)).toEqual([loss]);
    expect(d.getLossesFor(null)).toEqual([]);
    expect(tf.getCollection(tf.GraphKeys.REGULARIZATION_LOSSES)).toEqual([loss]);
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    const feed = {
      'x:0': [
        [1, 2],
        [3, 4],
        [0, 1],
      ],
    };
    const [yv, lv] = await sess.run([y, loss], feed);
    const out = Array.from(yv!.data as Float32Array);
    const expected = out.reduce((s, v) => s + v * v, 0) / 3;
    expect(lv!.item()).toBeCloseTo(expected, 3);
    sess.close();
  });
});

describe('Layer inbound nodes, counts and errors', () => {
  it('input, output and shapes of a single call', () => {
    const x = tf.placeholder('float32', [null, 4]);
    const d = new tf.layers.Dense({ units: 3 });
    expect(() => d.input).toThrow(tf.AttributeError);
    expect(() => d.output).toThrow(tf.AttributeError);
    expect(() => d.inputShape).toThrow(/never been called/);
    expect(() => d.getInputAt(0)).toThrow(tf.RuntimeError);
    const y = d.apply(x);
    expect(d.input).toBe(x);
    expect(d.output).toBe(y);
    expect(d.inputShape).toEqual([null, 4]);
    expect(d.outputShape).toEqual([null, 3]);
    expect(d.getInputAt(0)).toBe(x);
    expect(d.getOutputAt(0)).toBe(y);
    expect(d.getInputShapeAt(0)).toEqual([null, 4]);
    expect(d.getOutputShapeAt(0)).toEqual([null, 3]);
    expect(() => d.getInputAt(1)).toThrow(
      /Asked to get input at node 1, but the layer has only 1 inbound nodes/,
    );
  });

  it('several inbound nodes: input/output ill-defined (AttributeError), shapes if all equal', () => {
    const x = tf.placeholder('float32', [null, 4]);
    const z = tf.placeholder('float32', [7, 4]);
    const d = new tf.layers.Dense({ units: 3 });
    const y1 = d.apply(x);
    const y2 = d.apply(x);
    expect(() => d.input).toThrow(tf.AttributeError);
    expect(() => d.input).toThrow(
      /has multiple inbound nodes, hence the notion of "layer input" is ill-defined/,
    );
    expect(() => d.output).toThrow(/"layer output" is ill-defined/);
    expect(d.inputShape).toEqual([null, 4]);
    expect(d.getOutputAt(1)).toBe(y2);
    expect(d.getOutputAt(0)).toBe(y1);
    const y3 = d.apply(z);
    expect(y3.shape.toString()).toBe('(7, 3)');
    expect(() => d.inputShape).toThrow(/multiple inbound nodes, with different input shapes/);
    expect(() => d.outputShape).toThrow(tf.AttributeError);
    expect(d.getOutputShapeAt(2)).toEqual([7, 3]);
  });

  it('countParams before build throws ValueError', () => {
    const d = new tf.layers.Dense({ units: 3 });
    expect(() => d.countParams()).toThrow(tf.ValueError);
    expect(() => d.countParams()).toThrow(/isn't built/);
    d.apply(tf.placeholder('float32', [null, 5]));
    expect(d.countParams()).toBe(18);
  });

  it('checks the input spec on every call with a clear ValueError', () => {
    const d = new tf.layers.Dense({ units: 3 });
    expect(() => d.apply(tf.placeholder('float32', [4]))).toThrow(
      /Input 0 of layer dense_1 is incompatible with the layer: : expected min_ndim=2, found ndim=1/,
    );
    expect(() => d.apply(tf.placeholder('float32'))).toThrow(/its rank is undefined/);
    d.apply(tf.placeholder('float32', [null, 5]));
    expect(() => d.apply(tf.placeholder('float32', [null, 6]))).toThrow(
      /Input 0 of layer dense_1 is incompatible with the layer: expected axis -1 of input shape to have value 5 but received input with shape \(None, 6\)/,
    );
    const spec = new tf.layers.InputSpec({ dtype: 'float32', shape: [null, 3] });
    expect(spec.ndim).toBe(2);
    expect(spec.toString()).toBe('InputSpec(dtype=float32, shape=(None, 3), ndim=2)');
    const s = new Scale();
    s.inputSpec = spec;
    expect(() => s.apply(tf.placeholder('int32', [2, 3]))).toThrow(
      /expected dtype=float32, found dtype=int32/,
    );
    expect(() => s.apply(tf.placeholder('float32', [2, 4]))).toThrow(
      /Input 0 is incompatible with layer scale_1: expected shape=\(None, 3\), found shape=\(2, 4\)/,
    );
    s.inputSpec = new tf.layers.InputSpec({ maxNdim: 2 });
    expect(() => s.apply(tf.placeholder('float32', [2, 4, 1]))).toThrow(
      /expected max_ndim=2, found ndim=3/,
    );
    s.inputSpec = new tf.layers.InputSpec({ ndim: 2 });
    expect(() => s.apply(tf.placeholder('float32', [2, 4, 1]))).toThrow(
      /expected ndim=2, found ndim=3. Full shape received: \(2, 4, 1\)/,
    );
    expect(() => new tf.layers.InputSpec({ ndim: 2, axes: { 3: 1 } })).toThrow(
      /Axis 3 is greater than the maximum allowed value: 1/,
    );
  });

  it('call returning nothing is a ValueError', () => {
    class Bad extends tf.layers.Layer {
      override call(): tf.Tensor {
        return null as never;
      }
    }
    expect(() => new Bad().apply(tf.placeholder('float32', [2]))).toThrow(
      /should return a Tensor or a list of Tensors, not None \(layer: bad_1\)/,
    );
  });

  it('the base layer passes its input through; host values become constants', () => {
    const l = new tf.layers.Layer({ name: 'id' });
    const y = l.apply([[1, 2]]);
    expect(y.op.type).toBe('Const');
    expect(l.computeOutputShape([null, 2]).toString()).toBe('(?, 2)');
    expect(l.countParams()).toBe(0);
  });

  it('rejects bad base options', () => {
    expect(() => new tf.layers.Layer({ trainable: 'yes' as never })).toThrow(
      /The `trainable` argument must be a boolean. Received: yes/,
    );
    expect(() => new tf.layers.Layer({ nmae: 'x' } as never)).toThrow(tf.TypeError);
    expect(() => new tf.layers.Dense({ units: 0 })).toThrow(
      /Invalid value for argument `units`.*units=0/,
    );
  });
});

describe('summary', () => {
  it('prints a Keras-like table of layers, shapes and parameter counts', () => {
    const x = tf.placeholder('float32', [null, 5]);
    const d1 = new tf.layers.Dense({ units: 3, name: 'hidden' });
    const d2 = new tf.layers.Dense({ units: 2, useBias: false, name: 'out', trainable: false });
    d2.apply(d1.apply(x));
    const lines: string[] = [];
    const text = tf.layers.summary([d1, d2], { printFn: (l) => lines.push(l) });
    expect(lines.join('\n')).toBe(text);
    expect(text).toBe(
      [
        '_________________________________________________________________',
        'Layer (type)                 Output Shape              Param #   ',
        '=================================================================',
        'hidden (Dense)               (None, 3)                 18        ',
        '_________________________________________________________________',
        'out (Dense)                  (None, 2)                 6         ',
        '=================================================================',
        'Total params: 24',
        'Trainable params: 18',
        'Non-trainable params: 6',
        '_________________________________________________________________',
      ].join('\n'),
    );
    const one = d1.summary({ printFn: null });
    expect(one.split('\n')[0]).toBe('Layer: "hidden"');
    expect(() => new tf.layers.Dense({ units: 1 }).summary({ printFn: null })).toThrow(
      tf.ValueError,
    );
  });
});

describe('Dense end to end', () => {
  it("computes activation(x W + b) with the layer's own kernel and bias", async () => {
    const x = tf.placeholder('float32', [null, 3], 'x');
    const d = new tf.layers.Dense({
      units: 2,
      activation: tf.nn.relu,
      biasInitializer: tf.constantInitializer(0.25),
    });
    const y = d.apply(x);
    expect(y.name).toBe('dense/Relu:0');
    const before = numTensors();
    const sess = new tf.Session();
    await sess.run(tf.globalVariablesInitializer());
    const xv = [
      [1, -2, 3],
      [0.5, 0.5, -1],
    ];
    const [yv, kv, bv] = await sess.run([y, d.kernel!, d.bias!], { 'x:0': xv });
    const k = kv!.toArray() as number[][];
    const b = bv!.toArray() as number[];
    const expected = xv.flatMap((row) =>
      [0, 1].map((j) => Math.max(0, row.reduce((s, v, i) => s + v * k[i]![j]!, 0) + b[j]!)),
    );
    const got = Array.from(yv!.data as Float32Array);
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    sess.close();
    expect(numTensors()).toBe(before);
  });
});
