/**
 * Charity resources (慈善资源为补充; paper 001) beside government money: the channels of paper 001
 * — community foundation, social enterprises, firms and merchants, online giving, venture
 * philanthropy, targeted aid, directed fundraising — and government funding. Each channel pledges
 * a volume per month in normal times and a sum when a crisis starts; pledged money arrives after
 * the channel's delay (approval, collection) and may be spent only on the purposes the channel
 * allows. Some channels give only as far as someone links them to needs (social workers'
 * linking hours). Money buys protective kits for front-line volunteers in a crisis, care
 * packages for vulnerable households while no one may go out to shop (delivered on care visits),
 * and project hours of social organisations in normal times. A single government source with a
 * long approval delay and fixed purposes is the comparison case (paper 001).
 */
import { z } from 'zod';
import { defineModule, sum, type ModuleProcess } from '../../engine/index.js';
import { careOf, CHARITY_LINKERS, CHARITY_RAISERS, stockCarePackages, stockKits, type CareWorld, type CharityLinker, type CharityRaiser } from '../community-care/index.js';
import { lowOnBasicGoods } from '../households/index.js';
import { nonNegative, p, positive, section, sections, share, U } from '../../scenario/params.js';

export const CHANNELS = [
  'government', 'communityFoundation', 'socialEnterprises', 'firmsAndMerchants', 'onlineGiving', 'venturePhilanthropy', 'targetedAid', 'directedFundraising',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const PURPOSES = ['packages', 'supplies', 'projectHours'] as const;
export type Purpose = (typeof PURPOSES)[number];

const channel = (what: string) =>
  z
    .object({
      normalYuanPerMonth: p(nonNegative, 'money pledged per month in normal times', U.yuanPerMonth),
      crisisYuan: p(nonNegative, 'money pledged once when a crisis starts', U.yuan),
      delayDays: p(nonNegative, 'days from pledge to money available (approval, collection)', U.days),
      purposes: z
        .object({
          packages: p(z.boolean(), 'may buy care packages for vulnerable households'),
          supplies: p(z.boolean(), 'may buy protective kits for front-line volunteers'),
          projectHours: p(z.boolean(), "may buy social organisations' project hours"),
        })
        .strict()
        .meta({ description: 'what the money may be spent on' }),
      needsLinking: p(z.boolean(), "gives only as far as someone links it to needs (social workers' linking hours)"),
    })
    .strict()
    .meta({ description: what });

export const params = sections({
  charity: () => section('money for the community by channel (paper 001: 慈善资源为补充, beside government money)', {
    channels: z
      .object({
        government: channel('government funding'),
        communityFoundation: channel('community foundation (社区基金会)'),
        socialEnterprises: channel('social enterprises (economic social organisations add what they raise)'),
        firmsAndMerchants: channel('firms and merchants'),
        onlineGiving: channel('online giving platforms'),
        venturePhilanthropy: channel('venture philanthropy (公益创投)'),
        targetedAid: channel('targeted aid (定向帮扶)'),
        directedFundraising: channel('directed fundraising from residents (定向募捐)'),
      })
      .strict()
      .meta({ description: 'the channels' }),
    linkingHoursPerDay: p(positive, "social workers' linking hours a day that draw a linked channel's full volume", U.hoursPerDay),
    unlinkedShare: p(share, "share of a linked channel's volume that arrives with no one linking", U.share),
    packageCost: p(positive, 'price of one care package bought for a vulnerable household', U.yuan),
    kitCost: p(positive, 'price of one protective kit (a volunteer-day of masks, gloves, disinfectant)', U.yuan),
    packagesPerNeedyHousehold: p(positive, 'packages bought for each vulnerable household low on food and not already covered by stock', U.count),
    projectHourCost: p(positive, "price of one social-organisation project hour", U.yuan),
    projectHoursPerMonth: p(nonNegative, 'project hours the community wants to buy per month in normal times', U.hours),
  }),
});

// ─── state ───
export interface ChannelLedger {
  pledged: number;
  arrived: number;
  spent: Record<Purpose, number>;
  balance: number;
  /** Pledges not yet arrived: [day, ¥]. */
  pipeline: [number, number][];
}
export interface CharityState {
  channels: Record<Channel, ChannelLedger>;
  packagesBought: Record<Channel, number>;
  kitsBought: Record<Channel, number>;
  projectHoursBought: Record<Channel, number>;
  crisisPledged: boolean;
}
const own = (w: { state: Record<string, any> }) => w.state.charity as CharityState;

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

// ─── behaviour ───
const funds: ModuleProcess<CareWorld, CharityState> = {
  name: 'charityFunds',
  slot: 'afternoon',
  order: 10,
  step(world, st, ctx) {
    const s = world.scenario.charity;
    const care = careOf(world);
    const t = world.today;
    let linking = 0;
    for (const l of ctx.provided<CharityLinker<CareWorld>>(CHARITY_LINKERS)) linking += l.hours(world);
    const linked = Math.min(1, s.unlinkedShare + (1 - s.unlinkedShare) * (linking / s.linkingHoursPerDay));
    const raised: Partial<Record<Channel, number>> = {};
    for (const r of ctx.provided<CharityRaiser<CareWorld>>(CHARITY_RAISERS)) {
      const c = r.channel as Channel;
      raised[c] = (raised[c] ?? 0) + r.yuan(world, ctx);
    }
    const firstCrisisDay = care.crisis && !st.crisisPledged;
    if (firstCrisisDay) st.crisisPledged = true;
    if (!care.crisis) st.crisisPledged = false;
    for (const name of CHANNELS) {
      const c = s.channels[name];
      const l = st.channels[name];
      let pledge = (care.crisis ? 0 : c.normalYuanPerMonth / 30) + (firstCrisisDay ? c.crisisYuan : 0) + (raised[name] ?? 0);
      if (c.needsLinking) pledge *= linked;
      if (pledge > 0) {
        l.pledged += pledge;
        l.pipeline.push([ctx.day + c.delayDays, pledge]);
      }
      let arrived = 0;
      while (l.pipeline.length && l.pipeline[0][0] <= ctx.day) arrived += l.pipeline.shift()![1];
      l.arrived += arrived;
      l.balance += arrived;
      t[`moneyIn${cap(name)}`] = arrived;
    }

    // Spend: care packages in a crisis, project hours in normal times.
    const spend = (purpose: Purpose, wanted: number): { yuan: number; by: [Channel, number][] } => {
      let left = wanted;
      const by: [Channel, number][] = [];
      for (const name of CHANNELS) {
        if (left <= 0) break;
        if (!s.channels[name].purposes[purpose]) continue;
        const l = st.channels[name];
        const take = Math.min(l.balance, left);
        if (take <= 0) continue;
        l.balance -= take;
        l.spent[purpose] += take;
        left -= take;
        by.push([name, take]);
      }
      return { yuan: wanted - left, by };
    };
    // Whole items only: each channel's share is rounded down, the rest stays in its balance.
    const buy = (purpose: 'packages' | 'supplies', n: number, price: number, into: Record<Channel, number>): number => {
      const { by } = spend(purpose, n * price);
      let bought = 0;
      for (const [name, yuan] of by) {
        const k = Math.floor(yuan / price + 1e-9);
        const back = yuan - k * price;
        st.channels[name].balance += back;
        st.channels[name].spent[purpose] -= back;
        into[name] += k;
        bought += k;
      }
      return bought;
    };
    if (care.crisis && care.kitsWanted > 0) {
      const kits = buy('supplies', Math.ceil(care.kitsWanted - 1e-9), s.kitCost, st.kitsBought);
      t.moneySpentSupplies += kits * s.kitCost;
      if (kits > 0) stockKits(world, kits);
    }
    if (care.shut) {
      const hh = world.households;
      const low = lowOnBasicGoods(world.scenario, hh);
      const vulnerable = care.vulnerableHouseholds;
      let needy = 0;
      for (let i = 0; i < vulnerable.length; i++) if (low(vulnerable[i])) needy++;
      const wanted = Math.max(0, Math.ceil(needy * s.packagesPerNeedyHousehold - care.packages));
      if (wanted > 0) {
        const bought = buy('packages', wanted, s.packageCost, st.packagesBought);
        t.moneySpentPackages += bought * s.packageCost;
        if (bought > 0) stockCarePackages(world, bought);
      }
    } else if (!care.crisis && s.projectHoursPerMonth > 0) {
      const { by } = spend('projectHours', (s.projectHoursPerMonth / 30) * s.projectHourCost);
      let hours = 0;
      for (const [name, yuan] of by) {
        st.projectHoursBought[name] += yuan / s.projectHourCost;
        hours += yuan / s.projectHourCost;
        t.moneySpentProjects += yuan;
      }
      care.purchasedProjectHours += hours;
    }
  },
};

const zero = <T extends string>(keys: readonly T[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;

export const charity = defineModule<CareWorld, CharityState>({
  name: 'charity',
  description: 'Money by channel (paper 001): government funding and seven charity channels, each with volume, delay and permitted purposes; buys care packages in a crisis and social-organisation project hours in normal times.',
  requires: ['communityCare'],
  params,
  init: () => ({
    channels: Object.fromEntries(CHANNELS.map((c) => [c, { pledged: 0, arrived: 0, spent: zero(PURPOSES), balance: 0, pipeline: [] }])) as unknown as Record<Channel, ChannelLedger>,
    packagesBought: zero(CHANNELS),
    kitsBought: zero(CHANNELS),
    projectHoursBought: zero(CHANNELS),
    crisisPledged: false,
  }),
  processes: [funds],
  counters: [
    ...CHANNELS.map((c) => ({ name: `moneyIn${cap(c)}`, unit: '¥', description: `Spatial dimension: money arrived today through channel ${c}` })),
    { name: 'moneySpentPackages', unit: '¥', description: 'Money spent today on care packages for vulnerable households' },
    { name: 'moneySpentSupplies', unit: '¥', description: 'Money spent today on protective kits for front-line volunteers' },
    { name: 'moneySpentProjects', unit: '¥', description: "Money spent today on social organisations' project hours" },
  ],
  metrics: [
    {
      name: 'channelDiversity', unit: 'channels', description: 'Spatial dimension: channels with money available or arriving within the next 30 days',
      sample(w, ctx) {
        let n = 0;
        for (const c of CHANNELS) {
          const l = own(w).channels[c];
          if (l.balance > 0 || l.pipeline.some(([d]) => d <= ctx.day + 30)) n++;
        }
        return n;
      },
    },
    { name: 'fundsAvailable', unit: '¥', description: 'Money arrived and not yet spent, all channels', sample: (w) => CHANNELS.reduce((a, c) => a + own(w).channels[c].balance, 0) },
  ],
  measures: {
    names: [
      ...CHANNELS.flatMap((c) => [`charity.byChannel.${c}.pledged`, `charity.byChannel.${c}.arrived`, `charity.byChannel.${c}.spentPackages`, `charity.byChannel.${c}.spentSupplies`, `charity.byChannel.${c}.spentProjects`, `charity.byChannel.${c}.balance`, `charity.byChannel.${c}.packagesBought`, `charity.byChannel.${c}.kitsBought`]),
      'charity.packagesBought', 'charity.kitsBought', 'charity.projectHoursBought',
    ],
    summarise: (_w, st) => ({
      charity: {
        byChannel: Object.fromEntries(CHANNELS.map((c) => {
          const l = st.channels[c];
          return [c, {
            pledged: l.pledged, arrived: l.arrived, spentPackages: l.spent.packages, spentSupplies: l.spent.supplies, spentProjects: l.spent.projectHours,
            balance: l.balance, packagesBought: st.packagesBought[c], kitsBought: st.kitsBought[c],
          }];
        })),
        packagesBought: sum(Object.values(st.packagesBought)),
        kitsBought: sum(Object.values(st.kitsBought)),
        projectHoursBought: sum(Object.values(st.projectHoursBought)),
      },
    }),
  },
});
