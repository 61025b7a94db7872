/**
 * The community view: every household as a small rectangle inside its building inside its
 * compound, on a canvas (thousands of households redrawn every day would be thousands of SVG
 * nodes). The compounds, their labels and the buildings are drawn once per community, size and
 * language and kept as an image; a day copies that image and writes each household's colour
 * into its pixels (community-pixels.ts), so a day costs the same few milliseconds at 100,000
 * residents as at 10,000. The canvas carries what it shows as data attributes (day, households
 * met, infected, and how long the drawing took) for tests.
 */
import { HOUSEHOLD_INFECTION } from '../data/community.js';
import type { CommunityGeometry } from '../data/community-layout.js';
import { pixelOf, type HouseholdPixels } from './community-pixels.js';
import { OKABE_ITO } from '../palette.js';
import { tf } from '../i18n.js';

export type CommunityColouring = 'need' | 'infection';

/** Colours by class; colour is never alone: the legend under the canvas names each. */
export const NEED_COLOURS = ['#d55e00', '#7fcdb7'] as const; // unmet, met
export const INFECTION_COLOURS = ['#dddddd', OKABE_ITO.skyBlue, OKABE_ITO.vermillion, OKABE_ITO.black] as const;

/** What a day's drawing starts from: the background image. */
interface Backdrop {
  geometry: CommunityGeometry;
  width: number;
  height: number;
  /** The compound labels, which follow the page's language. */
  label: string;
  base: Uint32Array;
  image: ImageData;
}

let backdrop: Backdrop | null = null;

function backdropFor(ctx: CanvasRenderingContext2D, geometry: CommunityGeometry, ratio: number): Backdrop {
  const { width, height } = ctx.canvas;
  const label = tf('compoundN', { n: 1 });
  if (backdrop && backdrop.geometry === geometry && backdrop.width === width && backdrop.height === height && backdrop.label === label) return backdrop;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width / ratio, height / ratio);
  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  ctx.font = '12px system-ui, sans-serif';
  geometry.compounds.forEach((c, i) => {
    ctx.strokeRect(c.x + 0.5, c.y + 0.5, c.w - 1, c.h - 1);
    ctx.fillStyle = '#333';
    ctx.fillText(tf('compoundN', { n: i + 1 }), c.x + 5, c.y + 12);
  });
  ctx.fillStyle = '#f1f1ec';
  for (const b of geometry.buildings) if (b) ctx.fillRect(b.x, b.y, b.w, b.h);
  const image = ctx.getImageData(0, 0, width, height);
  const base = new Uint32Array(image.data.buffer.slice(0));
  backdrop = { geometry, width, height, label, base, image };
  return backdrop;
}

/**
 * Draws a day. `pixels` are the households' pixels on this canvas (householdPixels of `geometry`
 * at the canvas's size), prepared by the caller, which may spread that work over several tasks.
 */
export function drawCommunity(
  canvas: HTMLCanvasElement,
  geometry: CommunityGeometry,
  pixels: HouseholdPixels,
  day: { index: number; met: Uint8Array; infection: Uint8Array | null },
  colouring: CommunityColouring,
): number[] {
  const started = performance.now();
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const ratio = canvas.width / canvas.clientWidth || 1;
  const { base, image } = backdropFor(ctx, geometry, ratio);

  const byInfection = colouring === 'infection' && day.infection !== null;
  const classOf = byInfection ? day.infection! : day.met;
  const colours = byInfection ? INFECTION_COLOURS : NEED_COLOURS;
  const counts = new Array<number>(colours.length).fill(0);
  for (let i = 0; i < classOf.length; i++) counts[classOf[i]]++;
  const colourOf = Uint32Array.from(colours, pixelOf);
  const out = new Uint32Array(image.data.buffer);
  out.set(base);
  const { pixel, household } = pixels;
  for (let k = 0; k < pixel.length; k++) out[pixel[k]] = colourOf[classOf[household[k]]];
  ctx.putImageData(image, 0, 0);
  let met = 0;
  for (let i = 0; i < day.met.length; i++) met += day.met[i];
  let infected = 0;
  if (day.infection) for (let i = 0; i < day.infection.length; i++) if (day.infection[i] === HOUSEHOLD_INFECTION.infected) infected++;
  Object.assign(canvas.dataset, { day: String(day.index), met: String(met), infected: String(infected), drawMs: (performance.now() - started).toFixed(3) });
  // Households per colour, for the legend.
  return counts;
}
