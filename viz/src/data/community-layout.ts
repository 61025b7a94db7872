/**
 * Where the community view puts each household: compounds in a grid over the canvas, each
 * compound's buildings in a grid inside it, each building's households in a grid inside that —
 * the nesting of the model's population (compounds → buildings → households). Computed once per
 * community and canvas size; drawing a day only fills these rectangles.
 */
import type { CommunityLayout } from './community.js';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CommunityGeometry {
  compounds: Rect[];
  buildings: Rect[];
  /** x, y, w, h of each household, in canvas pixels. */
  households: Float32Array;
}

/** A grid of `n` cells over a rectangle, as near square as its shape allows. */
function grid(r: Rect, n: number, gap: number): Rect[] {
  if (n === 0) return [];
  const cols = Math.max(1, Math.min(n, Math.round(Math.sqrt((n * r.w) / Math.max(1, r.h)))));
  const rows = Math.ceil(n / cols);
  const cw = r.w / cols;
  const ch = r.h / rows;
  const g = Math.min(gap, cw / 4, ch / 4);
  return Array.from({ length: n }, (_, i) => ({ x: r.x + (i % cols) * cw + g / 2, y: r.y + Math.floor(i / cols) * ch + g / 2, w: cw - g, h: ch - g }));
}

const groupBy = (owner: Int32Array, groups: number): number[][] => {
  const out: number[][] = Array.from({ length: groups }, () => []);
  owner.forEach((g, i) => out[g].push(i));
  return out;
};

export function communityGeometry(layout: CommunityLayout, width: number, height: number, top = 0): CommunityGeometry {
  const compounds = grid({ x: 0, y: top, w: width, h: height - top }, layout.compounds, 14);
  const buildingsOf = groupBy(layout.buildingCompound, layout.compounds);
  const householdsOf = groupBy(layout.householdBuilding, layout.buildingCompound.length);
  const buildings: Rect[] = new Array(layout.buildingCompound.length);
  const households = new Float32Array(layout.households * 4);
  compounds.forEach((c, ci) => {
    // Room at the compound's top for its label.
    const inner = { x: c.x + 3, y: c.y + 16, w: c.w - 6, h: c.h - 19 };
    grid(inner, buildingsOf[ci].length, 6).forEach((b, k) => {
      const building = buildingsOf[ci][k];
      buildings[building] = b;
      grid(b, householdsOf[building].length, 1).forEach((h, j) => households.set([h.x, h.y, h.w, h.h], householdsOf[building][j] * 4));
    });
  });
  return { compounds, buildings, households };
}
