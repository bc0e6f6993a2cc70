import type { OpRecord } from '../core/define.js';
import { Relu } from './relu.js';
import { ReluGrad } from './relu_grad.js';

export const ACTIVATION_OPS: readonly OpRecord[] = [Relu, ReluGrad];
