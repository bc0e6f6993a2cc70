import { AttributeError, RuntimeError, ValueError } from '../errors.js';
import type { Dim, TensorShape } from '../graph/shape.js';
import type { Tensor } from '../graph/tensor.js';

/** One call of a layer (Keras' inbound node): its input and output, and their static shapes. */
export interface InboundNode {
  readonly input: Tensor;
  readonly output: Tensor;
  readonly inputShape: TensorShape;
  readonly outputShape: TensorShape;
}

const list = (s: TensorShape): Dim[] | null => (s.dims === null ? null : [...s.dims]);

/**
 * The calls of one layer, with TF's accessors and errors: the input and output are defined for
 * a single call (AttributeError otherwise), the shapes when every call had the same one.
 * @example layer.getOutputAt(1) // reads the second call through InboundNodes
 */
export class InboundNodes {
  private readonly nodes: InboundNode[] = [];

  constructor(private readonly layerName: () => string) {}

  push(node: InboundNode): void {
    this.nodes.push(node);
  }

  get length(): number {
    return this.nodes.length;
  }

  single(what: 'input' | 'output'): InboundNode {
    const name = this.layerName();
    if (this.nodes.length === 0) {
      throw new AttributeError(
        what === 'input'
          ? `Layer ${name} is not connected, no input to return.`
          : `Layer ${name} has no inbound nodes.`,
      );
    }
    if (this.nodes.length > 1) {
      const at = what === 'input' ? 'getInputAt' : 'getOutputAt';
      throw new AttributeError(
        `Layer ${name} has multiple inbound nodes, hence the notion of "layer ${what}" is ill-defined. Use \`${at}(nodeIndex)\` instead.`,
      );
    }
    return this.nodes[0]!;
  }

  sameShape(what: 'input' | 'output'): Dim[] | null {
    if (this.nodes.length === 0)
      throw new AttributeError(
        `The layer has never been called and thus has no defined ${what} shape.`,
      );
    const shapeOf = (n: InboundNode): TensorShape =>
      what === 'input' ? n.inputShape : n.outputShape;
    if (new Set(this.nodes.map((n) => shapeOf(n).toString())).size > 1) {
      const at = what === 'input' ? 'getInputShapeAt' : 'getOutputShapeAt';
      throw new AttributeError(
        `The layer "${this.layerName()}" has multiple inbound nodes, with different ${what} shapes. Hence the notion of "${what} shape" is ill-defined for the layer. Use \`${at}(nodeIndex)\` instead.`,
      );
    }
    return list(shapeOf(this.nodes[0]!));
  }

  at(nodeIndex: number, attrName: string): InboundNode {
    if (this.nodes.length === 0)
      throw new RuntimeError(
        `The layer has never been called and thus has no defined ${attrName}.`,
      );
    const node = this.nodes[nodeIndex];
    if (!node)
      throw new ValueError(
        `Asked to get ${attrName} at node ${nodeIndex}, but the layer has only ${this.nodes.length} inbound nodes.`,
      );
    return node;
  }

  shapeAt(nodeIndex: number, what: 'input' | 'output'): Dim[] | null {
    const node = this.at(nodeIndex, `${what}_shape`);
    return list(what === 'input' ? node.inputShape : node.outputShape);
  }
}
