/**
 * The scenario schema: the one definition of everything the model reads. Types for the library,
 * the CLI and the visualizer are inferred from it. Provenance wrappers (`{ value, paper: … }`)
 * are stripped, and timeline day offsets turned into dates, before validation (see parse.ts), so
 * the schema describes plain values.
 *
 * Every parameter carries its meaning and unit (`p(schema, meaning, unit)`): they become the JSON
 * Schema's descriptions (editors show them on hover) and the columns of docs/parameters.md.
 */
import { z } from 'zod';

/** Units as they read in docs/parameters.md. */
const U = {
  share: 'share (0–1)',
  days: 'days',
  hoursPerDay: 'hours per day',
  minutes: 'minutes',
  yuan: 'yuan (¥)',
  multiplier: '× normal price',
  packagesPerDay: 'packages per day',
  people: 'people',
  weight: 'relative weight',
  perPersonHour: 'per person-hour',
  personDays: 'person-days',
  count: 'count',
  perTenThousand: 'per 10,000 residents',
} as const;

/** A parameter with its meaning and unit. */
function p<T extends z.ZodType>(schema: T, description: string, unit?: string): T {
  return schema.meta(unit === undefined ? { description } : { description, unit }) as T;
}

const share = z.number().min(0).max(1);
const positive = z.number().positive();
const nonNegative = z.number().min(0);
const count = z.number().int().min(0);
const positiveCount = z.number().int().min(1);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'expected a real calendar date');
const intRange = z
  .object({ min: count.meta({ description: 'smallest value' }), max: count.meta({ description: 'largest value' }) })
  .strict()
  .refine((r) => r.min <= r.max, 'min must not exceed max');
/** A range of counts that cannot be zero: a compound has buildings, a building has floors. */
const positiveIntRange = z
  .object({ min: positiveCount.meta({ description: 'smallest value' }), max: positiveCount.meta({ description: 'largest value' }) })
  .strict()
  .refine((r) => r.min <= r.max, 'min must not exceed max');
const numRange = z
  .object({ min: nonNegative.meta({ description: 'smallest value' }), max: nonNegative.meta({ description: 'largest value' }) })
  .strict()
  .refine((r) => r.min <= r.max, 'min must not exceed max');
/** The same share for working-age adults and for the elderly (60+). */
const byAge = (what: string) =>
  z
    .object({
      adult: p(share, `${what}: working-age adults`, U.share),
      elderly: p(share, `${what}: the elderly (60+)`, U.share),
    })
    .strict();

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
    priceMarkup: p(positive, 'bargained pricing: price = normal price × markup', U.multiplier),
    subsidised: p(z.boolean(), 'fairPrice: the government subsidy per package is paid'),
    suppliers: p(z.enum(['partner', 'all']), "partner: only the RC's partner supermarket supplies; all: every supermarket in the community"),
    packageKinds: p(positiveCount, 'kinds of basic package on offer when the regime starts', U.count),
    maxPackageKinds: p(positiveCount, 'kinds of basic package the RC can reach by listening to complaints', U.count),
    rcListens: p(z.boolean(), 'the RC adds package kinds when residents complain'),
    feedbackIntervalDays: p(positiveCount, 'days between package-range updates when the RC listens', U.days),
    quality: p(share, 'usable share of a package (spoiled produce is lost)', U.share),
    channels,
    partyMembersMobilised: p(z.boolean(), 'double-reporting party members take orders and carry goods'),
    volunteersMobilised: p(z.boolean(), 'the RC mobilises volunteers to carry goods from the gate to the door'),
    rcCarriesToDoor: p(z.boolean(), 'RC staff carry goods from the gate to the door'),
    merchantCarriers: p(count, 'supermarket staff carrying goods to doors', U.people),
  })
  .strict();

const packageKind = (kind: string) =>
  z
    .object({
      normalPrice: p(positive, `price of a ${kind} package in normal times (outings before the shock)`, U.yuan),
      listPrice: p(positive, `fair-price list price of a ${kind} package`, U.yuan),
      subsidy: p(nonNegative, `government subsidy per ${kind} package when the regime is subsidised; the resident pays list price − subsidy`, U.yuan),
    })
    .strict();

export const scenarioSchema = z
  .object({
    name: p(z.string().min(1), 'a short title, shown in outputs and charts'),
    description: p(z.string(), 'what the scenario represents and how it differs from others').optional(),
    seed: p(z.number().int().min(0), 'master seed; each replicate derives its own seed from it and its index').default(1),
    calendar: z
      .object({
        start: p(isoDate, 'first simulated day (day 0); day offsets in the timeline count from here'),
        end: p(isoDate, 'last simulated day (included)'),
      })
      .strict()
      .refine((c) => c.start <= c.end, 'the end date must not be before the start date')
      .meta({ description: 'the simulated days' }),
    timeline: z
      .object({
        roadClosure: p(isoDate.nullable(), 'all road traffic closed; ordinary supply disrupted. The shock date.'),
        movementControl: p(isoDate.nullable(), 'households may go out once every few days'),
        closedManagement: p(isoDate.nullable(), 'no outings without a pass; the early provision regime starts'),
        regimeSwitch: p(isoDate.nullable(), 'the later provision regime replaces the early one'),
        reopening: p(isoDate.nullable(), 'closure ends; outings resume'),
      })
      .strict()
      .meta({ description: 'the lockdown steps, in this order; a date or a whole number of days after calendar.start, or null for a step that never comes' }),
    events: p(
      z
        .array(
          z
            .object({
              date: p(isoDate, 'the day the event starts (a date or days after calendar.start)'),
              type: p(z.literal('caseDetected'), 'caseDetected: a case in the community adds tracing and disinfection work'),
              extraAdminHours: p(nonNegative, 'RC staff hours per day of tracing and disinfection', U.hoursPerDay),
              days: p(positiveCount, 'how many days the extra work lasts', U.days),
            })
            .strict(),
        )
        .default([]),
      'dated events during the run, in date order',
    ),
    community: z
      .object({
        compounds: p(positiveCount, 'residential compounds (小区) in the community', U.count),
        buildingsPerCompound: p(positiveIntRange, 'buildings in each compound, drawn uniformly from the range', U.count),
        floorsPerBuilding: p(positiveIntRange, 'floors in each building, drawn uniformly from the range', U.count),
        householdsPerFloor: p(positiveCount, 'households on each floor', U.count),
        propertyCompanyShare: p(share, 'chance a compound has a property management company', U.share),
      })
      .strict()
      .meta({ description: 'the built structure: compounds, buildings, floors, households' }),
    population: z
      .object({
        householdTypes: z
          .object({
            elderlyAlone: p(nonNegative, 'one person aged 60+', U.weight),
            elderlyCouple: p(nonNegative, 'two people aged 60+', U.weight),
            adultAlone: p(nonNegative, 'one working-age adult', U.weight),
            family: p(nonNegative, 'two working-age adults and their children', U.weight),
            threeGeneration: p(nonNegative, 'elders (see eldersPerThreeGeneration) with two working-age adults and their children', U.weight),
          })
          .strict()
          .refine((t) => Object.values(t).some((v) => v > 0), 'at least one household type needs a positive weight')
          .meta({ description: 'relative frequency of each household type (normalised to sum to 1)' }),
        childrenPerFamily: p(intRange, 'children in a family or three-generation household', U.people),
        eldersPerThreeGeneration: p(intRange, 'elders in a three-generation household', U.people),
        smartphoneShare: byAge('share of residents who use a smartphone'),
        partyMemberShare: byAge('share of residents who are Communist Party members'),
        volunteerShare: p(share, 'share of working-age adults who volunteer when mobilised', U.share),
      })
      .strict()
      .meta({ description: 'who lives in the households' }),
    needs: z
      .object({
        reorderBelowDays: p(nonNegative, 'a household orders when its stock of a basic good falls below this many days of consumption', U.days),
        coverDays: p(positive, 'a purchase tops basic goods up to this many days of consumption', U.days),
        personalCoverDays: p(positive, 'a purchase of personal goods (fruit, seafood, medicine) lasts this many days', U.days),
        initialStockDays: p(numRange, 'stock on hand when the run starts, drawn uniformly per household', U.days),
        personDaysPerPackage: z
          .object({
            vegetable: p(positive, 'person-days of vegetables in one vegetable package', U.personDays),
            pork: p(positive, 'person-days of meat in one pork package', U.personDays),
          })
          .strict()
          .meta({ description: 'how long a package feeds one person' }),
      })
      .strict()
      .meta({ description: "households' consumption and purchasing" }),
    outings: z
      .object({
        disruptedAvailability: p(share, 'chance an outing finds goods after road closure', U.share),
        disruptedPriceMarkup: p(positive, 'price of goods bought on outings after road closure, relative to normal', U.multiplier),
        movementControlIntervalDays: p(positiveCount, 'under movement control a household may go out once every this many days', U.days),
      })
      .strict()
      .meta({ description: 'shopping trips before closed management' }),
    packages: z
      .object({
        vegetable: packageKind('vegetable'),
        pork: packageKind('pork'),
      })
      .strict()
      .refine((pk) => pk.vegetable.subsidy <= pk.vegetable.listPrice && pk.pork.subsidy <= pk.pork.listPrice, 'a subsidy cannot exceed the list price')
      .meta({ description: 'basic packages and their prices' }),
    merchants: z
      .object({
        partnerRestockPerDay: p(count, "packages the RC's partner supermarket receives each day", U.packagesPerDay),
        otherSupermarkets: p(count, 'other supermarkets in the community, which supply when suppliers is "all"', U.count),
        otherRestockPerDay: p(count, 'packages each other supermarket receives each day', U.packagesPerDay),
        initialStockDays: p(nonNegative, "opening stock as days of each merchant's restock", U.days),
        maxStockDays: p(positive, "most stock a merchant holds, as days of its restock (fresh produce does not keep)", U.days),
      })
      .strict()
      .meta({ description: 'supermarkets supplying the community' }),
    regimes: z
      .object({
        early: regime.meta({ description: 'provision from closedManagement until regimeSwitch (paper 000: 前期)' }),
        later: regime.meta({ description: 'provision from regimeSwitch until reopening (paper 000: 后期)' }),
      })
      .strict()
      .meta({ description: 'the two provision regimes of closed management' }),
    digitalOrdering: z
      .object({
        appSuccess: byAge("chance a smartphone user's evening order through the mini-program goes through"),
        chainSuccess: byAge("chance a smartphone user's sign-up in the WeChat chain goes through"),
      })
      .strict()
      .meta({ description: 'how reliably residents order online' }),
    residentsCommittee: z
      .object({
        staffPer10000Residents: p(nonNegative, "residents' committee (居委会) staff per 10,000 residents; the staff count is this × residents ÷ 10,000, rounded", U.perTenThousand),
        hoursPerDay: p(nonNegative, 'working hours of each staff member', U.hoursPerDay),
        adminMinutesPerHousehold: p(nonNegative, 'daily temperature statistics, per household', U.minutes),
        gateDutyHoursPerCompound: p(nonNegative, 'RC staff hours of gate duty per compound per day under closed management', U.hoursPerDay),
        orderMinutes: p(nonNegative, 'tallying, procurement and delivery to the gate, per order', U.minutes),
      })
      .strict()
      .meta({ description: "the residents' committee (RC) and its workload" }),
    partyMembers: z
      .object({
        doubleReporting: p(z.boolean(), 'in-service party members report to the community where they live (双报到)'),
        perBuilding: p(intRange, 'in-service party members per building who report, at most those living there', U.people),
        orderTakingHours: p(nonNegative, 'evening hours each takes orders (WeChat chain, door to door)', U.hoursPerDay),
        carryingHours: p(nonNegative, 'hours each carries goods from the gate to doors', U.hoursPerDay),
      })
      .strict()
      .meta({ description: 'party members under double reporting' }),
    volunteers: z
      .object({ hoursPerDay: p(nonNegative, 'hours each mobilised volunteer carries goods', U.hoursPerDay) })
      .strict()
      .meta({ description: 'resident volunteers' }),
    lastMile: z
      .object({
        deliveriesPerHour: p(positive, 'gate-to-door deliveries per person-hour', U.perPersonHour),
        doorVisitsPerHour: p(positive, 'door-to-door order-taking visits per person-hour', U.perPersonHour),
        merchantCarrierHours: p(nonNegative, 'hours a day each supermarket carrier delivers', U.hoursPerDay),
      })
      .strict()
      .meta({ description: 'delivery from the compound gate to the door' }),
    selfOrganisation: z
      .object({
        enabled: p(z.boolean(), "compounds with enough social capital organise group buying (owners' committees, group-buy chats)"),
        socialCapitalThreshold: p(share, 'a compound self-organises when its social capital (uniform on [0, 1]) is at least this', U.share),
        formationDelayDays: p(count, 'days after closed management begins before group buying starts', U.days),
        intervalDays: p(positiveCount, 'days between group buys', U.days),
        participation: z
          .object({
            online: p(share, 'chance a household with a smartphone user joins a group buy', U.share),
            offline: p(share, 'chance a neighbour signs up a household without a smartphone', U.share),
          })
          .strict()
          .meta({ description: 'who joins a group buy' }),
      })
      .strict()
      .meta({ description: 'group buying organised by residents themselves (personal goods)' }),
    satisfaction: z
      .object({
        initial: p(share, "every household's satisfaction when the run starts", U.share),
        adjustmentRate: p(share, "share of the gap to today's score that satisfaction closes each day", U.share),
        weights: z
          .object({
            basic: p(nonNegative, 'basic needs met', U.weight),
            personal: p(nonNegative, 'personal needs met', U.weight),
            price: p(nonNegative, 'price paid relative to normal', U.weight),
            variety: p(nonNegative, 'variety of packages received', U.weight),
          })
          .strict()
          .meta({ description: "weights of the daily score that satisfaction moves toward" }),
      })
      .strict()
      .meta({ description: "households' satisfaction with provision" }),
    resilience: z
      .object({ recoveryThreshold: p(share, 'Q must stay at or above this share of Q0 to count as recovered', U.share) })
      .strict()
      .meta({ description: 'settings of the resilience measures' }),
  })
  .strict()
  .superRefine((s, ctx) => {
    // The lockdown escalates in this order; a later step may be absent (null) but not earlier.
    const order = ['roadClosure', 'movementControl', 'closedManagement', 'regimeSwitch', 'reopening'] as const;
    let previous: { key: string; date: string } | undefined;
    for (const key of order) {
      const date = s.timeline[key];
      if (date === null) continue;
      if (date < s.calendar.start || date > s.calendar.end) {
        ctx.addIssue({ code: 'custom', path: ['timeline', key], message: `${date} is outside the run (${s.calendar.start} to ${s.calendar.end})` });
      }
      if (previous && date < previous.date) {
        ctx.addIssue({ code: 'custom', path: ['timeline', key], message: `${key} (${date}) comes before ${previous.key} (${previous.date})` });
      }
      previous = { key, date };
    }
    if (s.timeline.regimeSwitch !== null && s.timeline.closedManagement === null) {
      ctx.addIssue({ code: 'custom', path: ['timeline', 'regimeSwitch'], message: 'a regime switch needs a closedManagement date before it' });
    }
    s.events.forEach((e, i) => {
      if (e.date < s.calendar.start || e.date > s.calendar.end) {
        ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `${e.date} is outside the run (${s.calendar.start} to ${s.calendar.end})` });
      }
      // Listed in date order, so a reader sees the crisis unfold as it happens.
      if (i > 0 && e.date < s.events[i - 1].date) {
        ctx.addIssue({ code: 'custom', path: ['events', i, 'date'], message: `events must be in date order: ${e.date} comes before the previous event's ${s.events[i - 1].date}` });
      }
    });
  });

/** A scenario as written (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with defaults applied: what the model reads. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Regime = Scenario['regimes']['early'];
