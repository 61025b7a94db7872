/**
 * The community card: a canvas sized to the card (sharp on high-density screens), its geometry
 * kept until the community or the size changes, and a legend that names every colour with its
 * number of households, so colour never carries the meaning alone. A new geometry is worked out
 * a slice of households per task (`pause` between slices), so a large community never holds the
 * page for long.
 */
import { drawCommunity, INFECTION_COLOURS, NEED_COLOURS, type CommunityColouring } from '../charts/community-canvas.js';
import { communityGeometrySteps, type CommunityGeometry } from '../data/community-layout.js';
import { householdPixelsSteps, type HouseholdPixels } from '../charts/community-pixels.js';
import { inSlices } from '../data/slices.js';
import { dayOf, type CommunityDays } from '../data/community.js';
import { formatNumber } from '../charts/line-chart.js';
import { t, tf } from '../i18n.js';

let cached: { days: CommunityDays; width: number; height: number; ratio: number; geometry: CommunityGeometry; pixels: HouseholdPixels } | null = null;

const NEED_LABELS = ['legendUnmet', 'legendMet'] as const;
const INFECTION_LABELS = ['legendNotInfected', 'legendRecovered', 'legendInfected', 'legendDeath'] as const;

export async function renderCommunity(card: HTMLElement, days: CommunityDays | null, day: number, colouring: CommunityColouring, pause: () => Promise<void>): Promise<void> {
  card.hidden = !days || days.filled === 0;
  if (!days || days.filled === 0) return;
  const host = card.querySelector<HTMLElement>('.chart-host')!;
  const select = card.querySelector<HTMLSelectElement>('#community-colour')!;
  select.hidden = !days.layout.epidemic;
  const by: CommunityColouring = days.layout.epidemic ? colouring : 'need';
  const width = Math.max(280, host.clientWidth);
  // Tall enough for a compound's buildings to read as buildings; a phone gets a shorter one.
  const height = Math.round(Math.min(460, Math.max(260, width * 0.45)));
  let canvas = host.querySelector('canvas');
  if (!canvas) {
    canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    host.replaceChildren(canvas);
  }
  const ratio = window.devicePixelRatio || 1;
  if (canvas.clientWidth !== width || canvas.height !== Math.round(height * ratio)) {
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  if (!cached || cached.days !== days || cached.width !== width || cached.height !== height || cached.ratio !== ratio) {
    const geometry = await inSlices(communityGeometrySteps(days.layout, width, height), pause);
    // The scale drawCommunity draws the backdrop at: device pixels per CSS pixel of this canvas.
    const pixels = await inSlices(householdPixelsSteps(geometry, canvas.width, canvas.height, canvas.width / canvas.clientWidth || 1), pause);
    cached = { days, width, height, ratio, geometry, pixels };
    await pause();
  }
  const shown = Math.min(day, days.filled - 1);
  const counts = drawCommunity(canvas, cached.geometry, cached.pixels, { index: shown, ...dayOf(days, shown) }, by);
  canvas.dataset.households = String(days.layout.households);
  canvas.dataset.residents = String(days.layout.residents);
  canvas.setAttribute('aria-label', tf('communityAria', { households: days.layout.households, compounds: days.layout.compounds }));
  const colours = by === 'infection' ? INFECTION_COLOURS : NEED_COLOURS;
  const labels = by === 'infection' ? INFECTION_LABELS : NEED_LABELS;
  const legend = card.querySelector<HTMLElement>('.community-legend')!;
  legend.replaceChildren(...labels.map((key, k) => {
    const item = document.createElement('span');
    const swatch = Object.assign(document.createElement('span'), { className: 'swatch' });
    swatch.style.background = colours[k];
    item.append(swatch, `${t(key)}: ${formatNumber(counts[k], 0)}`);
    return item;
  }));
}
