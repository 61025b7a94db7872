/**
 * A list of whole numbers refilled every day that keeps its storage: the first `count` of `items`.
 * The day's reported meetings (outings, doors, pick-ups) were JS arrays emptied each dawn with
 * `length = 0`, which frees their storage, so every day they regrew by half again and again from
 * nothing; at large sizes each outgrown store (over 128 KiB) stayed in V8's large-object space
 * until the next full collection. At 10M residents that garbage, about 40 MiB a day, was what set
 * the run's peak memory (issue 16, part r; bench/memory.ts shows it). Here the storage doubles
 * when full and is kept: after the first days nothing is allocated.
 */
import { grown } from '../../engine/index.js';

export interface DayList {
  items: Int32Array;
  count: number;
}

export const dayList = (): DayList => ({ items: new Int32Array(1024), count: 0 });

export function add(list: DayList, value: number): void {
  if (list.count === list.items.length) list.items = grown(list.items, list.items.length * 2);
  list.items[list.count++] = value;
}

/** Appends the first `count` of `values`. */
export function addAll(list: DayList, values: Int32Array, count: number): void {
  let size = list.items.length;
  while (size < list.count + count) size *= 2;
  if (size > list.items.length) list.items = grown(list.items, size);
  list.items.set(values.subarray(0, count), list.count);
  list.count += count;
}

/** Today's entries, as a view (no copy). */
export const entries = (list: DayList): Int32Array => list.items.subarray(0, list.count);
