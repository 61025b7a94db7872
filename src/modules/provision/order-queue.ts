/**
 * The order queue after an afternoon's deliveries: first come, first served. The afternoon tries
 * the first `tried` orders, oldest first, and writes the `kept` of them it could not deliver back
 * at the front of the queue, in order; the orders it did not try (the RC's hours ran out) must
 * follow them, in order, so that every pending order keeps its place.
 */
import type { OrderQueue } from './state.js';

/** Closes the gap the delivered orders left, moving whichever side is shorter (in the early regime none is kept and thousands wait). */
export function keepPlaces(queue: OrderQueue, tried: number, kept: number): void {
  const { items, head } = queue;
  const size = items.length;
  const n = queue.length;
  const delivered = tried - kept;
  if (delivered === 0) return;
  if (kept <= n - tried) {
    // The kept orders move back to just before the untried ones, last first; the queue starts later.
    for (let j = kept - 1; j >= 0; j--) items[(head + delivered + j) % size] = items[(head + j) % size];
    queue.head = (head + delivered) % size;
  } else {
    // The untried orders move up to just after the kept ones, first first.
    for (let j = 0; j < n - tried; j++) items[(head + kept + j) % size] = items[(head + tried + j) % size];
  }
  queue.length = n - delivered;
}
