/**
 * Golden digests: the guard for refactors that must not change a single output number. For each
 * shipped Q-community scenario and seeds 1 and 2020, the first 16 hex digits of sha256 over
 * `timeseries.csv` followed by `summary.json` (`exact`), and over the time-series columns and the
 * summary's keys in sorted order (`canonical`), so a change that only reorders columns is told
 * apart from one that changes numbers.
 *
 * History: the canonical digests are those of commit 3cf86aa, before the model was split into
 * modules, and the split kept every one of them. The exact digests changed once with that split,
 * for order alone: daily metrics come headline first (Q(t) and the groups' Q), then in module order
 * (each module's counters, then its metrics), and summary keys in module order, instead of in a
 * hand-kept list's order. The exact digests of 3cf86aa were
 * app-only-ordering b4ab10ede51b2e33/4ed72617651f35bb, early-regime-only 85f4343fa6e95da2/
 * ae34296c6eae6949, lockdown-2020 8191f5ca28930a13/45c042dacdfa0334, no-double-reporting
 * bea1a89485f12d9b/878c889a97ce02ea, no-self-organisation 500b176a85db5e37/1a2da533030ef9ca,
 * no-subsidy d2d3674ee3893dea/9b01aad1db294fff (seeds 1/2020).
 *
 * Then both changed once more, with the measure staff.daysWithoutStaff (issue 17: overload with
 * zero staff hours is a defined value); removing that one key gives the canonical digests of
 * 3cf86aa again: app-only-ordering d4bc8ed050aafd8a/df7be44900d2ee12, early-regime-only
 * 4c2c4016c08a318f/63835ecddcd08548, lockdown-2020 8032d78afed36fc1/69f894ccb77a7139,
 * no-double-reporting 61d91485a1a71796/f89b8c9d4554daad, no-self-organisation
 * d18af8cbcca26c66/a9d70bb2e0e342fe, no-subsidy 9eece46cd1d731c3/5b6b0886320bdf81.
 *
 * Issue 11 (supply side), step 1: merchants' restock and delivery staff are per resident and the
 * partner supermarket alone cannot meet the community's basic needs, so supply binds and which
 * supermarkets supply matters; the supplying supermarkets' delivery staff replace the regimes'
 * merchantCarriers; the package range's full size and pace are one setting (packageRange); a
 * subsidised regime pays the subsidy under any pricing. All digests changed.
 *
 * Issue 11 (supply side), step 2: households have an income quintile (NBS 2019 urban quintiles)
 * and a daily food budget that accrues as cash; purchases and orders are cut to what the cash pays
 * for, so prices reach the poorest households' needs met. New measures affordability.*, new
 * counter ordersUnaffordable. All digests changed.
 *
 * Issue 11 (supply side), step 3: door-to-door order taking is an evening round of finite capacity
 * over the households without a smartphone user (a visit costs time whether or not it yields an
 * order); RC staff take such orders with the hours they have left, in the early regime too (its
 * doorToDoor channel is on, and the paper's elderly who could not order now come from the RC's
 * overload). New counter doorVisitsByRcStaff. All digests changed.
 *
 * Issue 11 (supply side), step 4: the RC's demanded hours count only the waiting orders today's
 * stock can fill (an order waiting for goods asks no staff time), so overload is the order flow
 * the stock lets through, and fewer online orderers raise it through the orders they ask the RC to
 * take. All digests changed.
 * Issue 11 (sizes): the RC works the hours of its posts, norm × residents ÷ 10,000, no longer
 * rounded to whole staff (population.rcPosts added), so per-capita outcomes do not depend on the
 * community's size through rounding.
 *
 * Issue 11 (property companies): gate duty depends on whether a compound has a property company
 * (gateDutyHoursPerCompound.withPropertyCompany 2 h, .withoutPropertyCompany 8 h, was 4 h for every
 * compound; papers 000 二(一), 003 四(二)4), which wires community.propertyCompanyShare.
 *
 * Issue 11 (satisfaction): households start at the steady state of their starting situation, not
 * at satisfaction.initial (0.8, removed), so mean satisfaction no longer climbs through the normal
 * period.
 *
 * Issue 11 (volunteers and social capital): volunteers are drawn from every age with retired
 * residents and party members more likely (paper 002), which changes the population draws;
 * mobilised volunteers take the RC's tasks that need no staff authority (temperature statistics,
 * gate duty support), which lowers the later regime's staff demand; households' ties to
 * neighbours grow with shared activity and fade without, and self-organisation reads them. The
 * digests below carry every issue-11 change above, merged.
 *
 * Issue 11 (incomes): the quintile incomes are Fujian's 2019 urban quintiles (its 2020 yearbook,
 * table 6-4), verifiable, in place of national figures written from memory; basicFoodShare is
 * re-derived from the lowest (0.134), so only the richer quintiles' budgets relative to the
 * lowest changed. All digests changed.
 *
 * Issue 11 (group buys on the merchants' stock): under closed management a compound's group buy
 * also buys basic goods (groupBuying.basicGoods, paper 000 二(二)2) from the supermarkets the
 * regime buys from, out of their stock, at the regime's prices, paid from each joiner's cash;
 * pooled (groupBuying.pooled) it takes no RC time and no carrier. New counter groupBuyPackages.
 * All digests changed.
 *
 * Only a deliberate model change may update these, in the same commit, saying why.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { summaryJson, timeseriesCsv } from '../../src/experiment/outputs.js';
import { runScenario, type RunResult } from '../../src/experiment/run.js';
import { qScenario } from '../helpers.js';

const sha16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

const GOLDEN: Record<string, Record<number, { exact: string; canonical: string }>> = {
  'app-only-ordering': { 1: { exact: '8c1cf3850b800e24', canonical: '75998c63e7b780a7' }, 2020: { exact: '576e0018657c6d3c', canonical: 'a1d4802637870d35' } },
  'early-regime-only': { 1: { exact: '8f844187d44edc11', canonical: 'd04f46cdf8f6c041' }, 2020: { exact: '8ae0167cffa33071', canonical: '9a8edc1926c8da1a' } },
  'lockdown-2020': { 1: { exact: '79684722f59c34e0', canonical: '089333b89111a2b8' }, 2020: { exact: 'e0b0778cedee5067', canonical: 'ff2094c5aa178246' } },
  'no-double-reporting': { 1: { exact: '30d812525d831133', canonical: '4526622ef6c61611' }, 2020: { exact: '214b3638f5f27436', canonical: 'bd5021908c7031c0' } },
  'no-self-organisation': { 1: { exact: '2ec0886a62f9d2bc', canonical: '9036b63ccc29b8f2' }, 2020: { exact: '000438ca89d4a0b7', canonical: '98ab15f0d4b2f8a0' } },
  'no-subsidy': { 1: { exact: '40bc4b497a90fc0c', canonical: '42d3e4582549b9ff' }, 2020: { exact: 'c4af44f8f6e672d0', canonical: 'a08ab8b80865866d' } },
};

/** Sorts an object's keys at every level, so the digest ignores key order. */
function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
}

/** The run as sorted columns (`name:v,v,v` lines) and a key-sorted summary. */
export function canonicalDigest(result: RunResult): string {
  const columns = Object.keys(result.series).sort().map((name) => {
    const values = Array.from(result.series[name], (v) => (Number.isNaN(v) ? '' : String(v)));
    return `${name}:${values.join(',')}`;
  });
  const head = `date:${result.dates.join(',')}\nphase:${result.phases.join(',')}`;
  return sha16(`${head}\n${columns.join('\n')}\n${JSON.stringify(sortKeys(result.summary))}`);
}

describe('golden outputs of the shipped Q-community scenarios', () => {
  for (const [name, seeds] of Object.entries(GOLDEN)) {
    for (const [seed, expected] of Object.entries(seeds)) {
      it(`${name}, seed ${seed}`, () => {
        const result = runScenario(qScenario(name), { seed: Number(seed) });
        const canonical = canonicalDigest(result);
        expect({ exact: sha16(timeseriesCsv(result) + summaryJson(result)), canonical }).toEqual(expected);
      });
    }
  }
});
