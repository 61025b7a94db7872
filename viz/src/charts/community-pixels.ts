/**
 * Which device pixels of the community canvas belong to which household, computed once per
 * community and canvas size. Drawing a day is then one pass over those pixels writing a colour
 * per household into an image (see community-canvas.ts): its cost is the canvas's size, not the
 * community's. Filling tens of thousands of rectangles as a canvas path instead took from tens to
 * hundreds of milliseconds a frame at 100,000 residents (about 37,000 households) and blocked the
 * page; this pass takes a few.
 */
import { HOUSEHOLDS_PER_SLICE, type CommunityGeometry } from '../data/community-layout.js';
import { finish, type Sliced } from '../data/slices.js';

export interface HouseholdPixels {
  /** Canvas size in device pixels. */
  width: number;
  height: number;
  /** Index (y × width + x) of each pixel covered by a household … */
  pixel: Int32Array;
  /** … and that household. */
  household: Int32Array;
}

/**
 * Rounds each household's rectangle (CSS pixels × `ratio`) to whole device pixels, keeping at
 * least one pixel per household so none disappears in a dense community; rectangles are clipped
 * to the canvas.
 */
export function householdPixels(geometry: CommunityGeometry, width: number, height: number, ratio: number): HouseholdPixels {
  return finish(householdPixelsSteps(geometry, width, height, ratio));
}

/** householdPixels, yielding after every HOUSEHOLDS_PER_SLICE households of each pass. */
export function* householdPixelsSteps(geometry: CommunityGeometry, width: number, height: number, ratio: number): Sliced<HouseholdPixels> {
  const h = geometry.households;
  const n = h.length / 4;
  // Each household's pixel box [x0, x1) × [y0, y1), found once and used by both passes below.
  const box = new Int32Array(n * 4);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = h[i * 4] * ratio;
    const y = h[i * 4 + 1] * ratio;
    const x0 = Math.min(width - 1, Math.max(0, Math.round(x)));
    const y0 = Math.min(height - 1, Math.max(0, Math.round(y)));
    const x1 = Math.min(width, Math.max(x0 + 1, Math.round(x + h[i * 4 + 2] * ratio)));
    const y1 = Math.min(height, Math.max(y0 + 1, Math.round(y + h[i * 4 + 3] * ratio)));
    box[i * 4] = x0;
    box[i * 4 + 1] = x1;
    box[i * 4 + 2] = y0;
    box[i * 4 + 3] = y1;
    count += (x1 - x0) * (y1 - y0);
    if ((i + 1) % HOUSEHOLDS_PER_SLICE === 0) yield;
  }
  const pixel = new Int32Array(count);
  const household = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x0 = box[i * 4];
    const x1 = box[i * 4 + 1];
    for (let y = box[i * 4 + 2]; y < box[i * 4 + 3]; y++) {
      for (let x = x0; x < x1; x++) {
        pixel[k] = y * width + x;
        household[k++] = i;
      }
    }
    if ((i + 1) % HOUSEHOLDS_PER_SLICE === 0) yield;
  }
  return { width, height, pixel, household };
}

/** A CSS hex colour (#rgb or #rrggbb) as one opaque pixel in the platform's byte order. */
export function pixelOf(hex: string): number {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`community view: ${hex} is not a #rgb or #rrggbb colour`);
  const full = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const bytes = new Uint8Array([parseInt(full.slice(0, 2), 16), parseInt(full.slice(2, 4), 16), parseInt(full.slice(4, 6), 16), 255]);
  return new Uint32Array(bytes.buffer)[0];
}
