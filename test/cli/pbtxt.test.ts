import { describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { parseGraphDefText } from '../../src/cli/pbtxt.js';
import { denseGraph } from './small_graphs.js';

describe('parseGraphDefText', () => {
  it("reads back TF's text format as tfgraph writes it (same object as the binary round trip)", () => {
    const gd = denseGraph().asGraphDef();
    const viaText = parseGraphDefText(tf.GraphDef.toText(gd));
    // Compared as bytes: the binary decoder hands back Node Buffers where the text has Uint8Arrays.
    expect(tf.GraphDef.encode(viaText)).toEqual(tf.GraphDef.encode(gd));
    expect(viaText.node.map((n) => n.name)).toEqual(gd.node.map((n) => n.name));
  });

  it('handles escapes, adjacent strings, list syntax, <> messages, comments and skips unknown fields', () => {
    const gd = parseGraphDefText(`
      # a comment
      node {
        name: "a\\101" "b\\x43\\n😀"
        op: 'Const'
        input: ["x:1", "^y"]
        attr { key: "value" value < tensor { dtype: DT_INT32 tensor_shape { dim { size: 2 } } int_val: [1, -2] } > }
        attr { key: "f" value { f: -inf } }
        attr { key: "empty_dim" value { shape { dim { } } } }
      }
      library { function { signature { name: "fn" } } }
      versions { producer: 27 }
    `);
    const node = gd.node[0]!;
    expect(node.name).toBe('aAbC\n😀');
    expect(node.op).toBe('Const');
    expect(node.input).toEqual(['x:1', '^y']);
    expect(node.attr!.value!.tensor).toEqual({
      dtype: 'DT_INT32',
      tensorShape: { dim: [{ size: 2 }] },
      intVal: [1, -2],
    });
    expect(node.attr!.f!.f).toBe(-Infinity);
    expect(node.attr!.empty_dim!.shape).toEqual({ dim: [{}] });
    expect(gd.versions).toEqual({ producer: 27 });
  });

  it('reports where the text does not parse', () => {
    expect(() => parseGraphDefText('node { name: "a" ')).toThrow('pbtxt: unexpected end of input');
    expect(() => parseGraphDefText('node { name: @ }')).toThrow(
      "pbtxt: unexpected character '@' at offset 13",
    );
  });
});
