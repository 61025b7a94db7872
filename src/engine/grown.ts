/**
 * A typed array grown to length n, its values kept: for lists that grow with the run (cases,
 * meetings, the day's terms) and double when full.
 */
export function grown<T extends Float64Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (length: number) => T)(n);
  b.set(a);
  return b;
}
