/**
 * Names for a sweep's columns in the page's language. Parameters are named by the scenario
 * schema's own descriptions (so a new parameter gets a name without touching the app), with
 * short Chinese and English titles for the parameters and measures a class meets most; the
 * dotted path stays available in the tooltip for the researcher who wants to type it.
 */
import { schemaAt } from '../../../src/scenario/schema-walk.js';
import { lang } from '../i18n.js';

/** Short titles: [English, Chinese]. Everything else falls back to the schema's description. */
const TITLES: Record<string, [string, string]> = {
  'partyMembers.perBuilding': ['Party members per building', '每栋楼党员人数'],
  'packages.vegetable.subsidy': ['Subsidy per vegetable package (¥)', '每份蔬菜套餐补贴（元）'],
  'packages.pork.subsidy': ['Subsidy per pork package (¥)', '每份猪肉套餐补贴（元）'],
  'population.smartphoneShare.elderly': ['Share of elderly with smartphones', '使用智能手机的老人比例'],
  'residentsCommittee.staffPer10000Residents': ["Residents' committee staff per 10,000 residents", '每万居民居委会工作人员'],
  'partyMembers.doubleReporting': ['Double reporting (双报到)', '党员双报到'],
  'selfOrganisation.enabled': ['Self-organised group buying', '小区自组织团购'],
  'regimes.later.subsidised': ['Subsidy in the later regime', '后期模式政府补贴'],
  'regimes.later.volunteersMobilised': ['Volunteers in the later regime', '后期模式志愿者'],
  'resilience.robustness': ['Robustness (lowest Q)', '鲁棒性（Q 最低值）'],
  'resilience.rapidityDays': ['Rapidity (days to recover)', '恢复时间（天）'],
  'resilience.lossNeedDays': ['Resilience loss (need-days)', '韧性损失（需求·天）'],
  'resilience.normalised': ['Resilience (normalised)', '韧性（归一化）'],
  'groups.elderlyNoSmartphone.unmetNeedDays': ['Unmet need-days: elderly without smartphone', '不用智能手机老人的需求未满足天数'],
  'groups.elderlySmartphone.unmetNeedDays': ['Unmet need-days: elderly with smartphone', '使用智能手机老人的需求未满足天数'],
  'groups.others.unmetNeedDays': ['Unmet need-days: other residents', '其他居民的需求未满足天数'],
  equityGap: ['Equity gap between groups', '群体间公平差距'],
  'satisfaction.final': ['Satisfaction at the end', '最终满意度'],
  'satisfaction.minimum': ['Lowest satisfaction', '最低满意度'],
  'deliveries.peakPending': ['Most orders pending on one day', '单日最多待配送订单'],
  'staff.peakOverload': ['Peak overload of RC staff', '居委会人员最大超负荷'],
  'prices.meanPricePaid': ['Mean price paid', '平均实付价格'],
};

/** The schema's description of a parameter path, first clause only, or undefined if it has none. */
function schemaDescription(path: string): string | undefined {
  const found = schemaAt(path.split('.'));
  if (!found.found) return undefined;
  const description = (found.schema as { description?: string }).description;
  if (!description) return undefined;
  const first = description.split(/[;:(]/)[0].trim();
  return first.charAt(0).toUpperCase() + first.slice(1);
}

/** What a column is called on the page: a short title, the schema's words, or (last) the path itself. */
export function columnLabel(path: string): string {
  const title = TITLES[path];
  if (title) return lang() === 'zh' ? title[1] : title[0];
  return schemaDescription(path) ?? path;
}
