/**
 * A state object's fields written once more just after it is made, for V8's sake: module authors
 * call it on the plain objects their state is made of (counters, queues, ledgers).
 *
 * V8 takes a field written only when its object was made for a constant, and optimised code may
 * rely on that; the first time the run writes the field, that code is thrown away, whichever
 * function it was — days into a run, after it had been compiled (`node --trace-generalization`
 * shows "const->mutable" and, after it, "marking dependent code"; docs/performance.md, parts 16o
 * and 16q). Written again here, no code relies on them. A field meant to hold fractions (hours,
 * yuan) is made as -0, which V8 stores as a double (0 would be a small integer, and the first
 * fraction would change the object's map, with the same cost), and written back as +0.
 */
export function writtenAgain<T extends object>(o: T): T {
  const fields = o as Record<string, unknown>;
  for (const k of Object.keys(fields)) fields[k] = Object.is(fields[k], -0) ? 0 : fields[k];
  return o;
}
