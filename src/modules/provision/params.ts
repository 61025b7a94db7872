/**
 * Parameters of provision under closed management (paper 000): the two regimes — early (前期)
 * and later (后期) — and how reliably residents order online, and how fast goods and order
 * visits move from the compound gate to the door.
 */
import { z } from 'zod';
import { atLeast, byAge, nonNegative, p, positiveCount, section, sections, share, U } from '../../scenario/params.js';

const channels = z
  .object({
    app: p(z.boolean(), "merchant's phone mini-program; needs a smartphone user in the household"),
    wechatChain: p(z.boolean(), "building WeChat sign-up chain (接龙) run by the building's party members"),
    doorToDoor: p(z.boolean(), 'evening door-to-door order taking for households that cannot order online'),
  })
  .strict()
  .meta({ description: 'the ways households can place orders under this regime' });

const regime = z
  .object({
    pricing: p(z.enum(['bargained', 'fairPrice']), 'bargained: sole supplier marks up the normal price; fairPrice: fixed list prices, optionally subsidised'),
    priceMarkup: p(atLeast(0.01), 'bargained pricing: price = normal price × markup', U.multiplier),
    subsidised: p(z.boolean(), 'the government subsidy per package is paid, whatever the pricing; the resident pays the price less the subsidy'),
    suppliers: p(z.enum(['partner', 'all']), "partner: only the RC's partner supermarket supplies; all: every supermarket in the community"),
    packageKinds: p(positiveCount, 'kinds of basic package on offer when the regime starts', U.count),
    rcListens: p(z.boolean(), 'the RC adds package kinds when residents complain'),
    quality: p(share, 'usable share of a package (spoiled produce is lost)', U.share),
    channels,
    partyMembersMobilised: p(z.boolean(), 'double-reporting party members take orders and carry goods'),
    volunteersMobilised: p(z.boolean(), 'the RC mobilises volunteers to carry goods from the gate to the door'),
    rcCarriesToDoor: p(z.boolean(), 'RC staff carry to the door the orders no one else can; otherwise the RC delivers to the compound gate only'),
  })
  .strict();

export const params = sections({
  regimes: () => section('the two provision regimes of closed management', {
    early: regime.meta({ description: 'provision from closedManagement until regimeSwitch (paper 000: 前期)' }),
    later: regime.meta({ description: 'provision from regimeSwitch until reopening (paper 000: 后期)' }),
  }),
  packageRange: () => section('the range of basic packages a listening RC builds up', {
    fullRangeKinds: p(positiveCount, 'kinds of basic package in the full range: variety is kinds on offer ÷ this, and a listening RC adds kinds up to it', U.count),
    feedbackIntervalDays: p(positiveCount, 'days between package-range updates when the RC listens to complaints', U.days),
  }),
  digitalOrdering: () => section('how reliably residents order online', {
    appSuccess: byAge("chance a smartphone user's evening order through the mini-program goes through"),
    chainSuccess: byAge("chance a smartphone user's sign-up in the WeChat chain goes through"),
  }),
  lastMile: () => section('delivery from the compound gate to the door', {
    deliveriesPerHour: p(atLeast(0.001), 'gate-to-door deliveries per person-hour', U.perPersonHour),
    doorVisitsPerHour: p(atLeast(0.001), 'door-to-door order-taking visits per person-hour', U.perPersonHour),
    merchantCarrierHours: p(nonNegative, "hours a day each of a supplying supermarket's delivery staff carries goods to doors", U.hoursPerDay),
  }),
});
export type Regime = z.output<typeof regime>;
