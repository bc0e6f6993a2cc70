import type { OpRecord } from '../core/define.js';
import { MatrixDiag, MatrixDiagPart } from './matrix_diag_part.js';
import { MatrixSetDiag } from './matrix_set_diag.js';
import { Qr } from './qr.js';

export const LINALG_OPS: readonly OpRecord[] = [MatrixDiag, MatrixDiagPart, MatrixSetDiag, Qr];
