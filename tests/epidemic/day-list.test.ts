import { describe, expect, it } from 'vitest';
import { add, addAll, dayList, entries } from '../../src/modules/epidemic/day-list.js';

describe('a day list', () => {
  it('keeps what was added, in order, past its first storage', () => {
    const list = dayList();
    for (let i = 0; i < 3000; i++) add(list, i - 1);
    expect(list.count).toBe(3000);
    expect(Array.from(entries(list))).toEqual(Array.from({ length: 3000 }, (_, i) => i - 1));
  });

  it('emptied for a new day, keeps its storage and shows only the new day', () => {
    const list = dayList();
    for (let i = 0; i < 5000; i++) add(list, i);
    const storage = list.items;
    list.count = 0;
    add(list, 7);
    add(list, -1);
    expect(list.items).toBe(storage);
    expect(Array.from(entries(list))).toEqual([7, -1]);
  });

  it('takes a batch at once after what it holds, growing past its storage as often as needed', () => {
    const list = dayList();
    add(list, -5);
    const batch = Int32Array.from({ length: 5000 }, (_, i) => 2 * i);
    addAll(list, batch, 4500);
    addAll(list, batch, 0);
    addAll(list, batch.subarray(10), 3);
    expect(Array.from(entries(list))).toEqual([-5, ...Array.from(batch.subarray(0, 4500)), 20, 22, 24]);
  });
});
