// tf.linalg: re-exports only.
export { qr } from '../ops/linalg/qr.js';
export { matrixDiagPart as diagPart, matrixDiag as diag } from '../ops/linalg/matrix_diag_part.js';
export { matrixSetDiag as setDiag } from '../ops/linalg/matrix_set_diag.js';
