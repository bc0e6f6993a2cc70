import type { OpRecord } from '../core/define.js';
import { Abs } from './abs.js';
import { Add } from './add.js';
import { AddN } from './add_n.js';
import { All } from './all_reduce.js';
import { Any } from './any_reduce.js';
import { ArgMax } from './arg_max.js';
import { ArgMin } from './arg_min.js';
import { Cast } from './cast.js';
import { Ceil } from './ceil.js';
import { Cumprod } from './cumprod.js';
import { Cumsum } from './cumsum.js';
import { DivNoNan } from './div_no_nan.js';
import { Equal } from './equal.js';
import { Exp } from './exp.js';
import { Expm1 } from './expm1.js';
import { Floor } from './floor.js';
import { FloorDiv } from './floor_div.js';
import { FloorMod } from './floor_mod.js';
import { Greater } from './greater.js';
import { GreaterEqual } from './greater_equal.js';
import { Less } from './less.js';
import { LessEqual } from './less_equal.js';
import { Log } from './log.js';
import { Log1p } from './log1p.js';
import { LogicalAnd } from './logical_and.js';
import { LogicalNot } from './logical_not.js';
import { LogicalOr } from './logical_or.js';
import { MatMul } from './mat_mul.js';
import { Max } from './max.js';
import { Maximum } from './maximum.js';
import { Mean } from './mean.js';
import { Min } from './min.js';
import { Minimum } from './minimum.js';
import { Mul } from './mul.js';
import { Neg } from './neg.js';
import { NotEqual } from './not_equal.js';
import { Pow } from './pow.js';
import { Prod } from './prod.js';
import { RealDiv } from './real_div.js';
import { Reciprocal } from './reciprocal.js';
import { ReciprocalGrad } from './reciprocal_grad.js';
import { Round } from './round.js';
import { Rsqrt } from './rsqrt.js';
import { RsqrtGrad } from './rsqrt_grad.js';
import { Select } from './select.js';
import { SelectV2 } from './select_v2.js';
import { Sign } from './sign.js';
import { Sqrt } from './sqrt.js';
import { SqrtGrad } from './sqrt_grad.js';
import { Square } from './square.js';
import { SquaredDifference } from './squared_difference.js';
import { Sub } from './sub.js';
import { Sum } from './sum.js';
import { Where } from './where.js';

export const MATH_OPS: readonly OpRecord[] = [
  Abs,
  Add,
  AddN,
  All,
  Any,
  ArgMax,
  ArgMin,
  Cast,
  Ceil,
  Cumprod,
  Cumsum,
  DivNoNan,
  Equal,
  Exp,
  Expm1,
  Floor,
  FloorDiv,
  FloorMod,
  Greater,
  GreaterEqual,
  Less,
  LessEqual,
  Log,
  Log1p,
  LogicalAnd,
  LogicalNot,
  LogicalOr,
  MatMul,
  Max,
  Maximum,
  Mean,
  Min,
  Minimum,
  Mul,
  Neg,
  NotEqual,
  Pow,
  Prod,
  RealDiv,
  Reciprocal,
  ReciprocalGrad,
  Round,
  Rsqrt,
  RsqrtGrad,
  Select,
  SelectV2,
  Sign,
  Sqrt,
  SqrtGrad,
  Square,
  SquaredDifference,
  Sub,
  Sum,
  Where,
];
