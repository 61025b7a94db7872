/**
 * A neighbourhood food bank (社区爱心食品站), as a module written outside the library: the kind of
 * charity resource paper 001 lists beside government money. Each afternoon, after the day's
 * deliveries, its volunteers hand one free vegetable package and one pork package to households
 * of the compound that went without basic goods this morning, as far as its stock goes; donations
 * refill the stock. It knows nothing of regimes or carriers: it reads whose basic needs went unmet
 * (the households module's column) and gives through the households module's receipts, so price,
 * stock and satisfaction follow as for any other package.
 *
 * Every part of the contract in one file: parameters with their meaning and unit, a column, a
 * process with its own random stream, a counter, a summary measure and a dated intervention.
 */
import { z } from 'zod';
import { defineModule, shuffle, type ModuleProcess, type Table } from '../../src/engine/index.js';
import { p, section, count, U } from '../../src/scenario/params.js';
import { receivePackages, type HouseholdsWorld } from '../../src/modules/households/index.js';

// ─── parameters ───
const params = {
  foodBank: section('a neighbourhood food bank run by volunteers (charity resource, paper 001)', {
    openingStock: p(count, 'packages (one vegetable + one pork) the food bank holds on the first day', U.count),
    packagesPerDay: p(count, 'most packages its volunteers hand out in a day', U.count),
    opensOn: p(z.enum(['crisis', 'always']), 'crisis: it hands out only once the shock has come; always: from the first day'),
  }),
};

// ─── state ───
const householdColumns = {
  /** Packages this household received from the food bank. */
  foodBankPackages: Uint16Array,
};
interface FoodBankWorld extends HouseholdsWorld {
  households: HouseholdsWorld['households'] & Table<typeof householdColumns>;
}
interface FoodBankState {
  stock: number;
  given: number;
}

// ─── behaviour ───
const handOut: ModuleProcess<FoodBankWorld, FoodBankState> = {
  name: 'foodBankHandOut',
  slot: 'afternoon',
  order: 5, // after the regime's deliveries (order 0), before outings (10)
  step(world, own, ctx) {
    const fb = world.scenario.foodBank as z.output<typeof params.foodBank>;
    if (fb.opensOn === 'crisis' && ctx.phase === 'normal') return;
    const hh = world.households;
    // Who went without this morning, in an order drawn from this process's own stream.
    const hungry: number[] = [];
    for (let h = 0; h < hh.count; h++) if (hh.basicMet[h] === 0) hungry.push(h);
    shuffle(ctx.rng, hungry);
    let today = 0;
    for (const h of hungry) {
      if (own.stock < 1 || today >= fb.packagesPerDay) break;
      receivePackages(world, h, { vegetable: 1, pork: 1, vegetablePaid: 0, porkPaid: 0, quality: 1, variety: 1 });
      hh.foodBankPackages[h]++;
      own.stock--;
      own.given++;
      today++;
    }
    world.today.foodBankPackages += today;
  },
};

export const foodBank = defineModule<FoodBankWorld, FoodBankState>({
  name: 'foodBank',
  description: 'A neighbourhood food bank that gives free basic packages to households who went without (example module; charity resources, paper 001).',
  requires: ['households'],
  params,
  columns: { households: householdColumns },
  init: (world) => ({ stock: (world.scenario.foodBank as { openingStock: number }).openingStock, given: 0 }),
  processes: [handOut],
  counters: [{ name: 'foodBankPackages', unit: 'packages', description: 'Packages the food bank handed out today' }],
  metrics: [{ name: 'foodBankStock', unit: 'packages', description: "The food bank's stock at the end of the day", sample: (w) => (w.state.foodBank as FoodBankState).stock }],
  interventions: [
    {
      name: 'donation',
      description: 'a donation of packages arrives at the food bank',
      args: z.object({ packages: p(count, 'packages donated', U.count) }),
      apply(_world, own, event) {
        own.stock += event.packages as number;
      },
    },
  ],
  measures: {
    names: ['foodBank.packagesGiven', 'foodBank.householdsHelped'],
    summarise(world, own) {
      let helped = 0;
      for (let h = 0; h < world.households.count; h++) if (world.households.foodBankPackages[h] > 0) helped++;
      return { foodBank: { packagesGiven: own.given, householdsHelped: helped } };
    },
  },
});
