import { describe, expect, it } from 'vitest';
import { ValueError } from '../../../src/errors.js';
import {
  checkOpPadding,
  convOutputLength,
  deconvOutputLength,
  expandToFull,
  resolvePadding,
  samePadding,
  windowedOutputLength,
} from '../../../src/ops/util/conv.js';

describe('conv size math (src/ops/util/conv.ts)', () => {
  it('expandToFull takes a number, one value, the spatial values or the full form', () => {
    expect(expandToFull(2, 'NHWC', 'strides')).toEqual([1, 2, 2, 1]);
    expect(expandToFull([3], 'NCHW', 'strides')).toEqual([1, 1, 3, 3]);
    expect(expandToFull([2, 3], 'NCHW', 'strides')).toEqual([1, 1, 2, 3]);
    expect(expandToFull([1, 1, 2, 3], 'NCHW', 'strides')).toEqual([1, 1, 2, 3]);
    expect(expandToFull([1, 2, 1, 3, 1], 'NDHWC', 'dilations')).toEqual([1, 2, 1, 3, 1]);
    expect(expandToFull(2, 'NWC', 'stride')).toEqual([1, 2, 1]);
    expect(() => expandToFull([1, 1, 1], 'NHWC', 'strides')).toThrow(
      /strides should be of length 1, 2 or 4\. Received: strides=\[1, 1, 1\] of length 3/,
    );
    expect(() => expandToFull([2, 1, 1, 1], 'NHWC', 'strides')).toThrow(
      /batch and depth dimensions must be 1/,
    );
    expect(() => expandToFull(0, 'NHWC', 'dilations')).toThrow(ValueError);
  });

  it("SAME / VALID output lengths and TF's SAME padding split (extra after)", () => {
    expect(convOutputLength(28, 5, 2, 1, 'SAME')).toBe(14);
    expect(convOutputLength(28, 5, 2, 1, 'VALID')).toBe(12);
    expect(convOutputLength(null, 5, 2, 1, 'VALID')).toBeNull();
    expect(samePadding(7, 3, 2, 1)).toEqual([1, 1]);
    expect(samePadding(8, 4, 2, 1)).toEqual([1, 1]);
    expect(samePadding(6, 4, 1, 1)).toEqual([1, 2]);
    expect(samePadding(7, 3, 1, 2)).toEqual([2, 2]);
  });

  it('windowed output length with explicit padding, and the negative-size error', () => {
    expect(windowedOutputLength(5, 3, 2, 1, 'EXPLICIT', [1, 2])).toBe(3);
    expect(windowedOutputLength(9, 3, 1, 2, 'VALID')).toBe(5);
    expect(windowedOutputLength(9, null, 1, 2, 'VALID')).toBeNull();
    expect(windowedOutputLength(9, null, 2, 2, 'SAME')).toBe(5);
    expect(() => windowedOutputLength(4, 3, 1, 2, 'VALID')).toThrow(
      /Negative dimension size caused by subtracting 5 from 4/,
    );
    expect(resolvePadding([7, 6], [3, 4], [2, 1], [1, 1], 'SAME')).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(
      resolvePadding([7, 6], [3, 4], [2, 1], [1, 1], 'EXPLICIT', [
        [0, 3],
        [2, 0],
      ]),
    ).toEqual([
      [0, 3],
      [2, 0],
    ]);
    expect(resolvePadding([7, 6], [3, 4], [2, 1], [1, 1], 'VALID')).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('transposed-conv output sizes (VALID in*s + max(k - s, 0), SAME in*s) map back through the conv', () => {
    for (const k of [1, 2, 3, 5]) {
      for (const s of [1, 2, 3]) {
        for (const n of [1, 4, 7]) {
          const valid = deconvOutputLength(n, k, s, 'VALID')!;
          const same = deconvOutputLength(n, k, s, 'SAME')!;
          expect(valid).toBe(n * s + Math.max(k - s, 0));
          expect(same).toBe(n * s);
          expect(convOutputLength(valid, k, s, 1, 'VALID')).toBe(n);
          expect(convOutputLength(same, k, s, 1, 'SAME')).toBe(n);
        }
      }
    }
  });

  it("checkOpPadding words TF's attr error and does not fold case", () => {
    expect(checkOpPadding('Conv2D', 'SAME', true)).toBe('SAME');
    expect(checkOpPadding('Conv2D', 'EXPLICIT', true)).toBe('EXPLICIT');
    expect(() => checkOpPadding('Conv3D', 'EXPLICIT', false)).toThrow(
      `Attr 'padding' of 'Conv3D' Op passed string 'EXPLICIT' not in: "SAME", "VALID".`,
    );
    expect(() => checkOpPadding('Conv2D', 'valid', true)).toThrow(/passed string 'valid' not in/);
  });
});
