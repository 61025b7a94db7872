import { describe, expect, it } from 'vitest';
import { communityGeometry, communityGeometrySteps, HOUSEHOLDS_PER_SLICE } from '../../viz/src/data/community-layout.js';
import { finish, inSlices } from '../../viz/src/data/slices.js';
import { householdPixels, householdPixelsSteps, pixelOf } from '../../viz/src/charts/community-pixels.js';
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

  it('gives each household its own device pixels inside its rectangle, at least one each, on any pixel ratio', () => {
    for (const ratio of [1, 2]) {
      const g = communityGeometry(layout, 100, 50);
      const px = householdPixels(g, 100 * ratio, 50 * ratio, ratio);
      const owner = new Map<number, number>();
      const wrong: string[] = [];
      for (let k = 0; k < px.pixel.length; k++) {
        // No pixel is claimed twice, and each lies inside its household's rectangle (to rounding).
        if (owner.has(px.pixel[k])) wrong.push(`pixel ${px.pixel[k]} twice`);
        owner.set(px.pixel[k], px.household[k]);
        const i = px.household[k];
        const [x, y] = [(px.pixel[k] % px.width) / ratio, Math.floor(px.pixel[k] / px.width) / ratio];
        const [hx, hy, hw, hh] = g.households.subarray(i * 4, i * 4 + 4);
        if (x < hx - 0.5 || x >= hx + hw + 0.5 || y < hy - 0.5 || y >= hy + hh + 0.5) wrong.push(`pixel ${x},${y} outside household ${i}`);
      }
      expect(wrong).toEqual([]);
      expect(new Set(owner.values()).size).toBe(7);
      expect(px.pixel.length).toBeGreaterThan(0);
    }
    // A community far denser than the canvas: every household still shows, and nothing falls outside.
    const dense: CommunityLayout = { residents: 0, households: 5000, compounds: 1, epidemic: false, householdBuilding: new Int32Array(5000), buildingCompound: Int32Array.from([0]) };
    const px = householdPixels(communityGeometry(dense, 60, 60), 60, 60, 1);
    expect(new Set(px.household).size).toBe(5000);
    expect(Math.min(...px.pixel)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...px.pixel)).toBeLessThan(60 * 60);
  });

  it('packs a colour as the canvas stores it: red, green, blue, opaque', () => {
    const bytes = new Uint8Array(Uint32Array.from([pixelOf('#d55e00'), pixelOf('#abc')]).buffer);
    expect([...bytes]).toEqual([0xd5, 0x5e, 0x00, 255, 0xaa, 0xbb, 0xcc, 255]);
    expect(() => pixelOf('red')).toThrow(/red is not a #rgb or #rrggbb colour/);
  });

  it('works out a large community in slices of households, with the same result as all at once', async () => {
    // 40 buildings of 250 households: 10,000 households, so several slices.
    const big: CommunityLayout = {
      residents: 25_000, households: 10_000, compounds: 4, epidemic: false,
      householdBuilding: Int32Array.from({ length: 10_000 }, (_, i) => Math.floor(i / 250)),
      buildingCompound: Int32Array.from({ length: 40 }, (_, b) => Math.floor(b / 10)),
    };
    const whole = communityGeometry(big, 600, 300);
    let pauses = 0;
    const sliced = await inSlices(communityGeometrySteps(big, 600, 300), async () => {
      pauses++;
    });
    expect(sliced.households).toEqual(whole.households);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(10_000 / (HOUSEHOLDS_PER_SLICE + 250)));
    let pixelPauses = 0;
    const px = await inSlices(householdPixelsSteps(whole, 600, 300, 1), async () => {
      pixelPauses++;
    });
    expect(px).toEqual(householdPixels(whole, 600, 300, 1));
    expect(pixelPauses).toBe(2 * Math.floor(10_000 / HOUSEHOLDS_PER_SLICE));
    // A community smaller than a slice is worked out in one go.
    const small = communityGeometrySteps(layout, 400, 200);
    expect(small.next().done).toBe(true);
    expect(finish(communityGeometrySteps(layout, 400, 200))).toEqual(communityGeometry(layout, 400, 200));
  });
});
