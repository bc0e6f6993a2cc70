// tf.nn convolutions, pooling and bias: re-exports only.
export {};
