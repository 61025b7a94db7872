import { describe, expect, it } from 'vitest';
import { closeLog, contactLog, meet, meetAll, openLog, type ContactSink } from '../../src/modules/contacts.js';

/** A sink that writes down every meeting it is handed, and the size of each batch. */
function recorder() {
  const seen: string[] = [];
  const batches: number[] = [];
  const sink: ContactSink = {
    report(_world, contacts) {
      batches.push(contacts.count);
      for (let i = 0; i < contacts.count; i++) seen.push(`${contacts.kind} ${contacts.households[i]} ${contacts.names[contacts.by[i]]}`);
    },
  };
  return { sink, seen, batches };
}

describe("a reporting step's contact log", () => {
  it('hands every meeting to every sink, in the order met, in batches, the last at the close', () => {
    const a = recorder();
    const b = recorder();
    const log = contactLog('doorVisit');
    const world = {};
    openLog(log, [a.sink, b.sink], ['partyMembers', 'volunteers', 'rcStaff']);
    const expected: string[] = [];
    for (let h = 0; h < 10_000; h++) {
      meet(world, log, h, h % 3);
      expected.push(`doorVisit ${h} ${['partyMembers', 'volunteers', 'rcStaff'][h % 3]}`);
    }
    expect(a.seen.length).toBeLessThan(10_000);
    closeLog(world, log);
    expect(a.seen).toEqual(expected);
    expect(b.seen).toEqual(expected);
    expect(a.batches.reduce((x, y) => x + y, 0)).toBe(10_000);
    expect(Math.max(...a.batches)).toBeLessThanOrEqual(4096);
    expect(a.batches.length).toBeGreaterThan(1);
  });

  it('hands a list of meetings over as the same meetings met one by one, in batches', () => {
    const one = recorder();
    const all = recorder();
    const names = ['selfOrganisation', 'partyMembers'];
    const list = Int32Array.from({ length: 9_000 }, (_, i) => 3 * i);
    const byOne = contactLog('pickup');
    openLog(byOne, [one.sink], names);
    meet({}, byOne, 1, 0);
    for (let i = 0; i < 5_000; i++) meet({}, byOne, list[i], 1);
    closeLog({}, byOne);
    const byList = contactLog('pickup');
    openLog(byList, [all.sink], names);
    meet({}, byList, 1, 0);
    meetAll({}, byList, list, 5_000, 1);
    closeLog({}, byList);
    expect(all.seen).toEqual(one.seen);
    expect(all.batches).toEqual(one.batches);
    const none = contactLog('outing');
    openLog(none, []);
    meetAll({}, none, list, 5_000);
    expect(none.count).toBe(0);
  });

  it('keeps nothing with no sink, and nothing of a closed step for the next', () => {
    const a = recorder();
    const log = contactLog('outing');
    openLog(log, []);
    meet({}, log, 4);
    closeLog({}, log);
    expect(log.count).toBe(0);
    openLog(log, [a.sink]);
    meet({}, log, 7);
    closeLog({}, log);
    meet({}, log, 9); // after the close: no sink any more
    closeLog({}, log);
    expect(a.seen).toEqual(['outing 7 undefined']);
  });
});
