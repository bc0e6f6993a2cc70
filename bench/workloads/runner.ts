/** One implementation of a workload, ready to time. Each call completes its work (values read back). */
export interface Runner {
  /** One training step with the loss read back; null where this implementation cannot train. */
  train: (() => unknown) | null;
  /** Why `train` is null (e.g. a missing kernel). */
  trainNote?: string;
  /** One forward pass with the output read back. */
  infer: () => unknown;
  dispose(): void;
}

/** The three ways each workload is run. */
export type Impl = 'tfgraph' | 'eager' | 'eager-conv-grad' | 'layers';
