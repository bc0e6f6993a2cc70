/**
 * TF1's exception classes. Python's builtins (ValueError, TypeError, ...) are raised while a
 * graph is built; the OpError family while a Session runs it.
 */
export class TfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValueError extends TfError {}
export class TypeError extends TfError {}
export class AttributeError extends TfError {}
export class RuntimeError extends TfError {}
export class KeyError extends TfError {}
export class NotImplementedError extends TfError {}
/** Python's AssertionError: TF raises it for tf.reset_default_graph() inside a graph's block. */
export class AssertionError extends TfError {}
/** Python's LookupError: tf.gradients raises it for an op with no gradient rule. */
export class LookupError extends TfError {}

/** Raised by a Session run; `op` names the operation that failed, when one did. */
export class OpError extends TfError {
  readonly opName: string | null;
  constructor(message: string, opName: string | null = null) {
    super(message);
    this.opName = opName;
  }
}
export class InvalidArgumentError extends OpError {}
export class FailedPreconditionError extends OpError {}
export class NotFoundError extends OpError {}
export class UnimplementedError extends OpError {}
export class OutOfRangeError extends OpError {}
export class InternalError extends OpError {}
export class DataLossError extends OpError {}
