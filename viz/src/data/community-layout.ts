/**
 * Where the community view puts each household: compounds in a grid over the canvas, each
 * compound's buildings in a grid inside it, each building's households in a grid inside that —
 * the nesting of the model's population (compounds → buildings → households). Computed once per
 * community and canvas size; drawing a day only fills these rectangles.
 */
import type { CommunityLayout } from './community.js';
import { finish, type Sliced } from './slices.js';

/** Households placed (or turned into pixels) between two yields of the sliced computations. */
export const HOUSEHOLDS_PER_SLICE = 4000;

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

/** The members of each group (`owner[i]` is the group of member i), as one array of members and offsets into it. */
function groupBy(owner: Int32Array, groups: number): { start: Int32Array; members: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < owner.length; i++) start[owner[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const next = start.slice(0, groups);
  const members = new Int32Array(owner.length);
  for (let i = 0; i < owner.length; i++) members[next[owner[i]]++] = i;
  return { start, members };
}

export function communityGeometry(layout: CommunityLayout, width: number, height: number, top = 0): CommunityGeometry {
  return finish(communityGeometrySteps(layout, width, height, top));
}

/** communityGeometry, yielding after every HOUSEHOLDS_PER_SLICE households or so. */
export function* communityGeometrySteps(layout: CommunityLayout, width: number, height: number, top = 0): Sliced<CommunityGeometry> {
  const compounds = grid({ x: 0, y: top, w: width, h: height - top }, layout.compounds, 14);
  const buildingsOf = groupBy(layout.buildingCompound, layout.compounds);
  const householdsOf = groupBy(layout.householdBuilding, layout.buildingCompound.length);
  const buildings: Rect[] = new Array(layout.buildingCompound.length);
  // Written in place, without an object per household: at 100,000 residents there are ~37,000.
  const households = new Float32Array(layout.households * 4);
  let placed = 0;
  for (let ci = 0; ci < compounds.length; ci++) {
    const c = compounds[ci];
    // Room at the compound's top for its label.
    const inner = { x: c.x + 3, y: c.y + 16, w: c.w - 6, h: c.h - 19 };
    const from = buildingsOf.start[ci];
    const rects = grid(inner, buildingsOf.start[ci + 1] - from, 6);
    for (let k = 0; k < rects.length; k++) {
      const b = rects[k];
      const building = buildingsOf.members[from + k];
      buildings[building] = b;
      const first = householdsOf.start[building];
      const n = householdsOf.start[building + 1] - first;
      if (n === 0) continue;
      // The same grid as `grid` with a gap of one pixel, one household at a time.
      const cols = Math.max(1, Math.min(n, Math.round(Math.sqrt((n * b.w) / Math.max(1, b.h)))));
      const cw = b.w / cols;
      const ch = b.h / Math.ceil(n / cols);
      const g = Math.min(1, cw / 4, ch / 4);
      for (let j = 0; j < n; j++) {
        const at = householdsOf.members[first + j] * 4;
        households[at] = b.x + (j % cols) * cw + g / 2;
        households[at + 1] = b.y + Math.floor(j / cols) * ch + g / 2;
        households[at + 2] = cw - g;
        households[at + 3] = ch - g;
      }
      placed += n;
      if (placed >= HOUSEHOLDS_PER_SLICE) {
        placed = 0;
        yield;
      }
    }
  }
  return { compounds, buildings, households };
}
