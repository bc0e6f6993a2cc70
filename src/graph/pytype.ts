/**
 * The Python type name TF's messages would show for a JS value ("Can not convert a int into a
 * Tensor or Operation."), so error wording matches TF1's. A JS number is 'int' when integral.
 */
export function pythonTypeName(x: unknown): string {
  if (x === null || x === undefined) return 'NoneType';
  if (typeof x === 'number') return Number.isInteger(x) ? 'int' : 'float';
  if (typeof x === 'boolean') return 'bool';
  if (typeof x === 'string') return 'str';
  if (typeof x === 'function') return 'function';
  if (Array.isArray(x)) return 'list';
  if (typeof x === 'object') {
    const proto = Object.getPrototypeOf(x) as { constructor?: { name?: string } } | null;
    if (proto === null || proto === Object.prototype) return 'dict';
    return proto.constructor?.name ?? 'object';
  }
  return typeof x;
}
