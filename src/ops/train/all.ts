import type { OpRecord } from '../core/define.js';
import { ApplyAdagrad } from './apply_adagrad.js';
import { ApplyAdam } from './apply_adam.js';
import { ApplyCenteredRMSProp } from './apply_centered_rms_prop.js';
import { ApplyGradientDescent } from './apply_gradient_descent.js';
import { ApplyMomentum } from './apply_momentum.js';
import { ApplyRMSProp } from './apply_rms_prop.js';

export const TRAIN_OPS: readonly OpRecord[] = [ApplyAdagrad, ApplyAdam, ApplyCenteredRMSProp, ApplyGradientDescent, ApplyMomentum, ApplyRMSProp];
