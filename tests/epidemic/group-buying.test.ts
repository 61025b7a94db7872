/**
 * Group buying lowers outings and infections, from the mechanism (issue 14). Where group buying
 * starts with movement control, a household that joins a group buy tops its stocks up at the
 * compound's pick-up point and does not go out for those goods; the pick-up and the organiser's
 * hand-over are contacts of their own. Q community with the epidemic and shops open (movement
 * control instead of closed management, so that outings go on for weeks), 3 compounds, 20 cases
 * seeded the day movement control begins, every compound organising (the test is of the
 * mechanism, not of which compounds have the social capital), and — as in directional.test.ts —
 * no response to a detected case, so that only the mechanism under test acts. Means over seeds.
 *
 * The effect is gone when its mechanism is: when no household joins, switching group buying on
 * changes nothing; when group buys sell personal goods only, outings fall little, because a
 * household goes out mostly when short of basic goods (why an earlier attempt saw −1.4 %).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../src/experiment/run.js';
import { mean, ROOT } from '../helpers.js';
import { scenario } from './helpers.js';

const OPEN_SHOPS = resolve(ROOT, 'scenarios/q-community/lockdown-with-epidemic-open-shops.yaml');
const BASE = {
  'community.compounds': 3,
  'epidemic.importation.arrivalsPerDay': 0,
  events: [{ date: '2020-02-03', type: 'epidemic.seedInfections', count: 20 }],
  'selfOrganisation.socialCapitalThreshold': 0,
  // …and every household as ready to join as its kind allows, whatever its ties (issue 11's weak-ties
  // effect on joining is tested in tests/model/social-capital.test.ts).
  'selfOrganisation.ties.participationEffect': 0,
  'epidemic.response.isolateCases': false,
  'epidemic.response.quarantineDays': 0,
  'epidemic.response.closure': 'none',
  'epidemic.response.tracingHours': 0,
};
const ON = { 'groupBuying.from': 'movementControl' };
// Twelve seeds: an epidemic seeded in 3 compounds varies a lot in size (a seed's infections range
// from about 200 to 1,600, standard deviation about 300), so the mean of six seeds had a standard
// error of about 10 % against the 3 % asked of it, and whether it passed was the seeds' luck. The
// infections with group buying as a share of those without, by the draws of the transmission pass
// (issue 16, part n changed them twice; the law is the same): seeds 1–6 0.87, 0.98, 0.91; seeds
// 1–12 0.87, 0.88, 0.86; seeds 1–24 0.88, 0.77, 0.94.
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const runs = (overrides: Record<string, unknown>, seeds = SEEDS): RunResult[] => {
  const s = scenario(OPEN_SHOPS, { ...BASE, ...overrides });
  return seeds.map((seed) => runScenario(s, { seed }));
};
/** Outings made under movement control (the phase where group buying is what changes). */
const outings = (r: RunResult) => r.series.outingPurchases.reduce((n, x, t) => (r.phases[t] === 'movementControl' ? n + x : n), 0);
const infections = (r: RunResult) => r.summary.epidemic.infections as number;
const layer = (name: string) => (r: RunResult) => r.summary.epidemic.infectionsByLayer[name] as number;

describe('group buying where outings are still allowed', () => {
  const off = runs({});
  const on = runs(ON);

  it('lowers outings and infections', () => {
    const o = { on: mean(on.map(outings)), off: mean(off.map(outings)) };
    const i = { on: mean(on.map(infections)), off: mean(off.map(infections)) };
    const c = { on: mean(on.map(layer('community'))), off: mean(off.map(layer('community'))) };
    console.log(
      `group buying: outings under movement control ${o.on.toFixed(0)} vs ${o.off.toFixed(0)} without; infections ${i.on.toFixed(1)} vs ${i.off.toFixed(1)}; ` +
        `on outings ${c.on.toFixed(1)} vs ${c.off.toFixed(1)}; at pick-ups ${mean(on.map(layer('pickup'))).toFixed(1)}`,
    );
    expect(o.on).toBeLessThan(o.off * 0.5);
    expect(c.on).toBeLessThan(c.off * 0.75);
    expect(i.on).toBeLessThan(i.off * 0.97);
    // The pick-ups are contacts too: some infections happen there.
    expect(mean(on.map(layer('pickup')))).toBeGreaterThan(0);
    for (const r of off) expect(layer('pickup')(r)).toBe(0);
  });

  it('changes nothing when no household joins', () => {
    const nobody = { 'selfOrganisation.participation.online': 0, 'selfOrganisation.participation.offline': 0 };
    const offNobody = runs(nobody, SEEDS.slice(0, 3));
    const onNobody = runs({ ...ON, ...nobody }, SEEDS.slice(0, 3));
    onNobody.forEach((r, i) => expect(r.summary).toEqual(offNobody[i].summary));
  });

  it('lowers outings far less when it sells personal goods only', () => {
    const personal = runs({ ...ON, 'groupBuying.basicGoods': false }, SEEDS.slice(0, 3));
    const drop = (rs: RunResult[]) => mean(off.slice(0, 3).map(outings)) - mean(rs.map(outings));
    console.log(`outings under movement control: −${drop(personal).toFixed(0)} with personal goods only, −${drop(on.slice(0, 3)).toFixed(0)} with basic goods too`);
    expect(drop(personal)).toBeLessThan(drop(on.slice(0, 3)) / 2);
  });
}, 120_000);
