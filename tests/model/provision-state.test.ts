/**
 * provision/state.ts: the state a run starts from is written twice when made (so that V8 relies
 * on none of its fields staying as made, docs/performance.md part 16q), and the money in it is
 * made as -0 to be held as doubles: it must still start empty, with +0 and not -0 anywhere (a
 * -0 would print as "-0" where nothing is added to it), the queue at its start.
 */
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/modules/provision/state.js';

/** Every number in the state's plain objects, by path. */
function numbers(o: object, path = ''): [string, number][] {
  return Object.entries(o).flatMap(([k, v]): [string, number][] =>
    typeof v === 'number' ? [[`${path}${k}`, v]] : v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) ? numbers(v, `${path}${k}.`) : [],
  );
}

describe('the provision state a run starts from', () => {
  it('is empty, with no -0', () => {
    const own = initialState(10, 3);
    expect(own.regime).toBe(null);
    expect(own.deliveringRegime).toBe(null);
    expect(own.orders).toMatchObject({ head: 0, length: 0 });
    expect(own.orders.items.length).toBe(10);
    expect(own.doorRound.length).toBe(3);
    const all = numbers(own);
    expect(all.map(([k]) => k)).toEqual(expect.arrayContaining(['merchantDeliveries', 'ledger.residentPayments', 'ledger.byRegime.later.subsidyPaid']));
    const negativeZero = all.filter(([, v]) => Object.is(v, -0)).map(([k]) => k);
    expect(negativeZero).toEqual([]);
    expect(Object.fromEntries(all.filter(([k]) => !['laterSince', 'closedSince'].includes(k)))).toEqual(Object.fromEntries(all.map(([k]) => [k, k === 'laterSince' || k === 'closedSince' ? undefined : 0]).filter(([, v]) => v !== undefined)));
    expect([own.laterSince, own.closedSince]).toEqual([-1, -1]);
  });
});
