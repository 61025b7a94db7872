import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import type { Metric } from '../../src/engine/metric.js';
import type { World } from '../../src/model/index.js';
import { qScenario } from '../helpers.js';

/** Lowest stock anywhere today: any household's goods, any merchant's packages. */
const lowestStock: Metric<World> = {
  name: 'lowestStock', unit: '', description: '',
  sample(w) {
    let low = Infinity;
    const hh = w.households;
    for (let h = 0; h < hh.count; h++) low = Math.min(low, hh.vegetableStock[h], hh.porkStock[h], hh.personalStock[h]);
    for (const m of w.state.merchants.merchants) low = Math.min(low, m.stock);
    return low;
  },
};

describe('conservation and bounds', () => {
  for (const name of ['lockdown-2020', 'early-regime-only', 'no-subsidy']) {
    const scenario = qScenario(name);
    const r = runScenario(scenario, { seed: 3, extraMetrics: [lowestStock] });
    const { ledger } = r.summary;

    it(`${name}: delivers no more packages than merchants had`, () => {
      expect(ledger.packagesDelivered).toBeGreaterThan(0);
      expect(ledger.packagesDelivered).toBeLessThanOrEqual(ledger.packagesSupplied);
      const inStock = r.series.merchantStock[r.dates.length - 1];
      expect(ledger.packagesSupplied - ledger.packagesDelivered).toBeCloseTo(inStock, 6);
    });

    it(`${name}: resident payments + subsidy = list revenue at the scenario's list prices`, () => {
      const p = scenario.packages;
      const later = ledger.byRegime.later;
      const laterList = later.vegetable * p.vegetable.listPrice + later.pork * p.pork.listPrice;
      expect(later.residentPayments + later.subsidyPaid).toBeCloseTo(laterList, 6);
      const early = ledger.byRegime.early;
      const markup = scenario.regimes.early.priceMarkup;
      const earlyList = (early.vegetable * p.vegetable.normalPrice + early.pork * p.pork.normalPrice) * markup;
      expect(early.residentPayments + early.subsidyPaid).toBeCloseTo(earlyList, 6);
      expect(ledger.residentPayments).toBeCloseTo(early.residentPayments + later.residentPayments, 6);
    });

    it(`${name}: never has a negative stock`, () => {
      expect(Math.min(...r.series.lowestStock)).toBeGreaterThanOrEqual(0);
    });

    it(`${name}: keeps every share within [0, 1]`, () => {
      for (const m of r.metrics.filter((m) => m.unit === 'share' || m.unit === 'score 0–1')) {
        for (const v of r.series[m.name]) if (!Number.isNaN(v)) expect(v, m.name).toBeGreaterThanOrEqual(0), expect(v, m.name).toBeLessThanOrEqual(1);
      }
    });
  }

  it('partitions residents into the equity groups', () => {
    const r = runScenario(qScenario('lockdown-2020'), { seed: 3 });
    const g = r.summary.groups;
    expect(g.elderlyNoSmartphone.residents + g.elderlySmartphone.residents + g.others.residents).toBe(r.summary.population.residents);
    expect(g.elderlyNoSmartphone.residents).toBeGreaterThan(0);
  });
});
