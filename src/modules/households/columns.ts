/** What each household has at home, whether its needs were met today, and what it last bought. */
import type { Table } from '../../engine/index.js';
import type { CommunityWorld } from '../community/index.js';

export const householdColumns = {
  /** Home stocks of basic goods in person-days, personal goods in days. */
  vegetableStock: Float64Array,
  porkStock: Float64Array,
  personalStock: Float64Array,
  /** Which day of the movement-control cycle this household may go out. */
  outingSlot: Uint8Array,
  basicMet: Uint8Array,
  personalMet: Uint8Array,
  unmetBasicDays: Int32Array,
  unmetPersonalDays: Int32Array,
  /** Price paid over normal price, and variety (0–1), of the household's last purchase. */
  lastPriceRatio: Float64Array,
  lastVariety: Float64Array,
  /** Income quintile (0 lowest … 4 highest), and the cash it has for basic food (budget.ts). */
  incomeQuintile: Uint8Array,
  foodBudgetPerDay: Float64Array,
  cash: Float64Array,
};

export interface HouseholdsWorld extends CommunityWorld {
  households: CommunityWorld['households'] & Table<typeof householdColumns>;
}
