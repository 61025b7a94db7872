import { describe, expect, it } from 'vitest';
import { add, dayList, entries } from '../../src/modules/epidemic/day-list.js';

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
});
