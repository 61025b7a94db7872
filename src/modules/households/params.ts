/** Parameters of households' needs, their shopping trips, and the basic packages they buy. */
import { z } from 'zod';
import { atLeast, nonNegative, numRange, p, positiveCount, section, sections, share, U } from '../../scenario/params.js';

const packageKind = (kind: string) =>
  z
    .object({
      normalPrice: p(atLeast(0.01), `price of a ${kind} package in normal times (outings before the shock); one fen at least`, U.yuan),
      listPrice: p(atLeast(0.01), `fair-price list price of a ${kind} package; one fen at least`, U.yuan),
      subsidy: p(nonNegative, `government subsidy per ${kind} package when the regime is subsidised; the resident pays list price − subsidy`, U.yuan),
    })
    .strict();

export const params = sections({
  needs: () => section("households' consumption and purchasing", {
    reorderBelowDays: p(nonNegative, 'a household orders when its stock of a basic good falls below this many days of consumption', U.days),
    coverDays: p(atLeast(0.01), 'a purchase tops basic goods up to this many days of consumption', U.days),
    personalCoverDays: p(atLeast(0.01), 'a purchase of personal goods (fruit, seafood, medicine) lasts this many days', U.days),
    initialStockDays: p(numRange, 'stock on hand when the run starts, drawn uniformly per household', U.days),
    personDaysPerPackage: z
      .object({
        vegetable: p(atLeast(0.01), 'person-days of vegetables in one vegetable package', U.personDays),
        pork: p(atLeast(0.01), 'person-days of meat in one pork package', U.personDays),
      })
      .strict()
      .meta({ description: 'how long a package feeds one person' }),
  }),
  outings: () => section('shopping trips before closed management', {
    disruptedAvailability: p(share, 'chance an outing finds goods after road closure', U.share),
    disruptedPriceMarkup: p(atLeast(0.01), 'price of goods bought on outings after road closure, relative to normal', U.multiplier),
    movementControlIntervalDays: p(positiveCount, 'under movement control a household may go out once every this many days', U.days),
  }),
  budget: () => section("households' incomes and what they can spend on basic food", {
    incomePerCapita: z
      .object({
        lowest: p(nonNegative, 'per-capita disposable income of the lowest urban income quintile', U.yuanPerYear),
        lowerMiddle: p(nonNegative, 'per-capita disposable income of the lower-middle quintile', U.yuanPerYear),
        middle: p(nonNegative, 'per-capita disposable income of the middle quintile', U.yuanPerYear),
        upperMiddle: p(nonNegative, 'per-capita disposable income of the upper-middle quintile', U.yuanPerYear),
        highest: p(nonNegative, 'per-capita disposable income of the highest quintile', U.yuanPerYear),
      })
      .strict()
      .meta({ description: 'each household is in one quintile, drawn with equal chance' }),
    basicFoodShare: p(share, 'share of income a household can spend on basic packages (vegetables and meat); it accrues daily as cash', U.share),
    savingsDays: p(nonNegative, 'cash for basic food on hand when the run starts, as days of the household\'s food budget', U.days),
  }),
  packages: () => z
    .object({ vegetable: packageKind('vegetable'), pork: packageKind('pork') })
    .strict()
    .refine((pk) => pk.vegetable.subsidy <= pk.vegetable.listPrice && pk.pork.subsidy <= pk.pork.listPrice, 'a subsidy cannot exceed the list price')
    .meta({ description: 'basic packages and their prices' }),
});
export type NeedsParams = z.output<typeof params.needs>;
