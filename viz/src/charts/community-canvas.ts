/**
 * The community view: every household as a small rectangle inside its building inside its
 * compound, on a canvas (thousands of households redrawn every day would be thousands of SVG
 * nodes). Households are filled one colour at a time — one path per colour — which keeps a
 * day's drawing to a few milliseconds at 10,000 residents. The canvas carries what it shows as
 * data attributes (day, households met, infected, and how long the drawing took) for tests.
 */
import { HOUSEHOLD_INFECTION } from '../data/community.js';
import type { CommunityGeometry } from '../data/community-layout.js';
import { OKABE_ITO } from '../palette.js';
import { tf } from '../i18n.js';

export type CommunityColouring = 'need' | 'infection';

/** Colours by class; colour is never alone: the legend under the canvas names each. */
export const NEED_COLOURS = ['#d55e00', '#7fcdb7'] as const; // unmet, met
export const INFECTION_COLOURS = ['#dddddd', OKABE_ITO.skyBlue, OKABE_ITO.vermillion, OKABE_ITO.black] as const;

export function drawCommunity(
  canvas: HTMLCanvasElement,
  geometry: CommunityGeometry,
  day: { index: number; met: Uint8Array; infection: Uint8Array | null },
  colouring: CommunityColouring,
): number[] {
  const started = performance.now();
  const ctx = canvas.getContext('2d')!;
  const ratio = canvas.width / canvas.clientWidth || 1;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width / ratio, canvas.height / ratio);
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

  const byInfection = colouring === 'infection' && day.infection !== null;
  const classOf = byInfection ? day.infection! : day.met;
  const colours = byInfection ? INFECTION_COLOURS : NEED_COLOURS;
  const counts = new Array<number>(colours.length).fill(0);
  const h = geometry.households;
  for (let k = 0; k < colours.length; k++) {
    ctx.beginPath();
    for (let i = 0; i < classOf.length; i++) {
      if (classOf[i] !== k) continue;
      counts[k]++;
      ctx.rect(h[i * 4], h[i * 4 + 1], h[i * 4 + 2], h[i * 4 + 3]);
    }
    ctx.fillStyle = colours[k];
    ctx.fill();
  }
  let met = 0;
  for (let i = 0; i < day.met.length; i++) met += day.met[i];
  let infected = 0;
  if (day.infection) for (let i = 0; i < day.infection.length; i++) if (day.infection[i] === HOUSEHOLD_INFECTION.infected) infected++;
  Object.assign(canvas.dataset, { day: String(day.index), met: String(met), infected: String(infected), drawMs: (performance.now() - started).toFixed(3) });
  // Households per colour, for the legend.
  return counts;
}
