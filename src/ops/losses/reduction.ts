import { ValueError } from '../../errors.js';

/** TF1's tf.losses.Reduction: how compute_weighted_loss reduces weighted losses. */
export const Reduction = Object.freeze({
  /** The weighted losses, unreduced. */
  NONE: 'none',
  /** Their sum. */
  SUM: 'weighted_sum',
  /** Their sum divided by the number of elements. */
  SUM_OVER_BATCH_SIZE: 'weighted_sum_over_batch_size',
  /** Their sum divided by the sum of the (broadcast) weights. */
  MEAN: 'weighted_mean',
  /** Their sum divided by the number of non-zero weights (the default). */
  SUM_BY_NONZERO_WEIGHTS: 'weighted_sum_by_nonzero_weights',
  SUM_OVER_NONZERO_WEIGHTS: 'weighted_sum_by_nonzero_weights',
  /** Every key, in TF's order. */
  all(): readonly string[] {
    return [
      'none',
      'weighted_sum',
      'weighted_mean',
      'weighted_sum_over_batch_size',
      'weighted_sum_by_nonzero_weights',
      'weighted_sum_by_nonzero_weights',
    ];
  },
  /** TF's ValueError for an unknown key. */
  validate(key: string): void {
    if (!Reduction.all().includes(key)) {
      throw new ValueError(
        `Invalid Reduction Key ${key}. Key should be one of (${Reduction.all()
          .map((k) => `'${k}'`)
          .join(', ')}).`,
      );
    }
  },
});

export type ReductionKey =
  | 'none'
  | 'weighted_sum'
  | 'weighted_sum_over_batch_size'
  | 'weighted_mean'
  | 'weighted_sum_by_nonzero_weights';
