/**
 * The epidemic's validation figure (docs/figures/epidemic-final-size.svg): the final attack rate
 * of the well-mixed epidemic (scenarios/epidemic/well-mixed-validation.yaml, ≈ 10,000 residents,
 * seeds 1–4) against the SIR final-size equation z = 1 − exp(−R0·z), for R0 from 0.8 to 4.
 *
 *   npx tsx scripts/epidemic-validation.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runScenario } from '../src/experiment/run.js';
import { loadScenario, SCENARIOS_DIR } from '../src/scenario/load.js';

const R0S = [0.8, 1.2, 1.5, 2, 2.5, 3, 4];
const SEEDS = [1, 2, 3, 4];
const file = resolve(SCENARIOS_DIR, 'epidemic/well-mixed-validation.yaml');

function finalSize(r0: number): number {
  if (r0 <= 1) return 0;
  let z = 0.5;
  for (let i = 0; i < 200; i++) z = 1 - Math.exp(-r0 * z);
  return z;
}

const points = R0S.map((r0) => {
  const s = loadScenario(file, { 'epidemic.R0': r0 }).scenario;
  const rates = SEEDS.map((seed) => runScenario(s, { seed }).summary.epidemic.attackRate as number);
  return { r0, rates, mean: rates.reduce((a, b) => a + b, 0) / rates.length, theory: finalSize(r0) };
});
for (const p of points) console.log(`R0 ${p.r0}: simulated ${p.mean.toFixed(4)} (${p.rates.map((r) => r.toFixed(3)).join(', ')}), final-size equation ${p.theory.toFixed(4)}`);

const W = 480;
const H = 320;
const m = { l: 56, r: 16, t: 24, b: 44 };
const x = (r0: number) => m.l + ((r0 - 0.5) / 4) * (W - m.l - m.r);
const y = (z: number) => H - m.b - z * (H - m.t - m.b);
const curve = Array.from({ length: 181 }, (_, i) => 0.5 + (i * 4) / 180).map((r0, i) => `${i ? 'L' : 'M'}${x(r0).toFixed(1)},${y(finalSize(r0)).toFixed(1)}`).join(' ');
const dots = points.flatMap((p) => [
  ...p.rates.map((r) => `<circle cx="${x(p.r0).toFixed(1)}" cy="${y(r).toFixed(1)}" r="2.5" fill="#d95f02" fill-opacity="0.45"/>`),
  `<rect x="${(x(p.r0) - 4).toFixed(1)}" y="${(y(p.mean) - 4).toFixed(1)}" width="8" height="8" fill="none" stroke="#d95f02" stroke-width="1.5"/>`,
]);
const ticksX = [1, 2, 3, 4].map((v) => `<text x="${x(v)}" y="${H - m.b + 16}" text-anchor="middle">${v}</text><line x1="${x(v)}" x2="${x(v)}" y1="${H - m.b}" y2="${H - m.b + 4}" stroke="#333"/>`);
const ticksY = [0, 0.25, 0.5, 0.75, 1].map((v) => `<text x="${m.l - 8}" y="${y(v) + 4}" text-anchor="end">${v}</text><line x1="${m.l}" x2="${W - m.r}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">
<rect width="${W}" height="${H}" fill="white"/>
${ticksY.join('\n')}
${ticksX.join('\n')}
<line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" stroke="#333"/>
<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" stroke="#333"/>
<path d="${curve}" fill="none" stroke="#1b9e77" stroke-width="2"/>
${dots.join('\n')}
<text x="${(m.l + W - m.r) / 2}" y="${H - 8}" text-anchor="middle">R0</text>
<text x="14" y="${(m.t + H - m.b) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(m.t + H - m.b) / 2})">final attack rate</text>
<text x="${m.l + 8}" y="${m.t + 4}" fill="#1b9e77">— z = 1 − exp(−R0·z)</text>
<text x="${m.l + 8}" y="${m.t + 20}" fill="#d95f02">● runs (seeds 1–4), □ their mean; ≈ 10,000 residents, well mixed</text>
</svg>
`;
const out = resolve(import.meta.dirname, '../docs/figures/epidemic-final-size.svg');
writeFileSync(out, svg);
console.log(`wrote ${out}`);
