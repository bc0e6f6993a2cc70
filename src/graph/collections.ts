/** TF1's standard collection names (the string values are TF's own). */
export const GraphKeys = Object.freeze({
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
  LOCAL_INIT_OP: 'local_init_op',
  READY_OP: 'ready_op',
  SAVERS: 'savers',
  ACTIVATIONS: 'activations',
  QUEUE_RUNNERS: 'queue_runners',
  MOVING_AVERAGE_VARIABLES: 'moving_average_variables',
  WEIGHTS: 'weights',
  BIASES: 'biases',
  CONCATENATED_VARIABLES: 'concatenated_variables',
  COND_CONTEXT: 'cond_context',
  WHILE_CONTEXT: 'while_context',
});

/** TF's scope filter: `re.match(scope, item.name)`, a regex anchored at the start. */
export function matchesScope(name: string, scope: string | RegExp): boolean {
  if (scope instanceof RegExp) {
    const re = new RegExp(scope.source, scope.flags.replace('g', ''));
    const m = re.exec(name);
    return m !== null && m.index === 0;
  }
  return new RegExp(`^(?:${scope})`).test(name);
}
