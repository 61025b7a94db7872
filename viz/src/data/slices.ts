/**
 * Work done in slices: a generator that yields between slices of a long computation can be run
 * to its end at once (tests, small inputs) or a slice per task (the page), so that no task of the
 * page grows with the size of the community.
 */
export type Sliced<T> = Generator<void, T, void>;

/** Runs every slice now. */
export function finish<T>(work: Sliced<T>): T {
  let step = work.next();
  while (!step.done) step = work.next();
  return step.value;
}

/** Runs one slice per task, letting the page work between them (`pause` resolves when it may go on). */
export async function inSlices<T>(work: Sliced<T>, pause: () => Promise<void>): Promise<T> {
  let step = work.next();
  while (!step.done) {
    await pause();
    step = work.next();
  }
  return step.value;
}
