import { describe, expect, it } from 'vitest';
import { communityGeometry } from '../../viz/src/data/community-layout.js';
import { createCommunityDays, dayOf, storeDays, type CommunityLayout } from '../../viz/src/data/community.js';

// Two compounds: buildings 0–1 in compound 0, building 2 in compound 1; seven households.
const layout: CommunityLayout = {
  residents: 15, households: 7, compounds: 2, epidemic: false,
  householdBuilding: Int32Array.from([0, 0, 0, 1, 1, 2, 2]),
  buildingCompound: Int32Array.from([0, 0, 1]),
};

const inside = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
  a.x >= b.x - 1e-3 && a.y >= b.y - 1e-3 && a.x + a.w <= b.x + b.w + 1e-3 && a.y + a.h <= b.y + b.h + 1e-3;

describe('the community view', () => {
  it('puts every household inside its building and every building inside its compound, without overlaps', () => {
    const g = communityGeometry(layout, 400, 200);
    const rects = Array.from({ length: 7 }, (_, i) => ({ x: g.households[i * 4], y: g.households[i * 4 + 1], w: g.households[i * 4 + 2], h: g.households[i * 4 + 3] }));
    rects.forEach((r, i) => {
      expect(r.w).toBeGreaterThan(0);
      expect(inside(r, g.buildings[layout.householdBuilding[i]])).toBe(true);
    });
    g.buildings.forEach((b, i) => expect(inside(b, g.compounds[layout.buildingCompound[i]])).toBe(true));
    for (let i = 0; i < 7; i++) for (let j = i + 1; j < 7; j++) {
      const [a, b] = [rects[i], rects[j]];
      expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
    }
  });

  it('keeps each day the worker sends, and gives back any day run so far', () => {
    const c = createCommunityDays(layout, 3);
    storeDays(c, 0, Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0]), null);
    expect(c.filled).toBe(2);
    expect([...dayOf(c, 1).met]).toEqual([0, 1, 0, 1, 0, 1, 0]);
    expect(dayOf(c, 1).infection).toBeNull();
  });
});
