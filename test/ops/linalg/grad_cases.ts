import * as tf from '../../../src/index.js';
import type { GradCase } from '../../util/gradcheck.js';

export const GRAD_CASES: GradCase[] = [
  { opType: 'MatrixDiagPart', name: 'diag part of a non-square matrix', inputs: [{ shape: [3, 4] }], build: (x) => tf.linalg.diagPart(x) },
  { opType: 'MatrixDiag', name: 'diagonal matrix', inputs: [{ shape: [2, 3] }], build: (x) => tf.linalg.diag(x) },
  { opType: 'MatrixSetDiag', name: 'set diagonal', inputs: [{ shape: [3, 2] }, { shape: [2] }], build: (x, d) => tf.linalg.setDiag(x, d) },
];
