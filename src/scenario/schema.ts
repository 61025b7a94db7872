/**
 * The scenario schema: the one definition of everything the model reads. Types for the library,
 * the CLI and the visualizer are inferred from it. Provenance wrappers (`{ value, paper: … }`)
 * are stripped before validation (see provenance.ts), so the schema describes plain values.
 */
import { z } from 'zod';

const share = z.number().min(0).max(1).describe('a share in [0, 1]');
const positive = z.number().positive();
const nonNegative = z.number().min(0);
const count = z.number().int().min(0);
const positiveCount = z.number().int().min(1);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'expected a real calendar date');
const intRange = z
  .object({ min: count, max: count })
  .strict()
  .refine((r) => r.min <= r.max, 'min must not exceed max');
/** A range of counts that cannot be zero: a compound has buildings, a building has floors. */
const positiveIntRange = z
  .object({ min: positiveCount, max: positiveCount })
  .strict()
  .refine((r) => r.min <= r.max, 'min must not exceed max');
const numRange = z
  .object({ min: nonNegative, max: nonNegative })
  .strict()
  .refine((r) => r.min <= r.max, 'min must not exceed max');

const channels = z
  .object({
    app: z.boolean().describe("merchant's phone mini-program; needs a smartphone user in the household"),
    wechatChain: z.boolean().describe("building WeChat sign-up chain (接龙) run by the building's party members"),
    doorToDoor: z.boolean().describe('evening door-to-door order taking for households that cannot order online'),
  })
  .strict();

const regime = z
  .object({
    pricing: z.enum(['bargained', 'fairPrice']).describe('bargained: sole supplier marks up the normal price; fairPrice: fixed list prices, optionally subsidised'),
    priceMarkup: positive.describe('bargained pricing: price = normal price × markup'),
    subsidised: z.boolean().describe('fairPrice: the government subsidy per package is paid'),
    suppliers: z.enum(['partner', 'all']).describe("partner: only the RC's partner supermarket supplies; all: every supermarket in the community"),
    packageKinds: positiveCount.describe('kinds of basic package on offer when the regime starts'),
    maxPackageKinds: positiveCount.describe('kinds of basic package the RC can reach by listening to complaints'),
    rcListens: z.boolean().describe('the RC adds package kinds when residents complain'),
    feedbackIntervalDays: positiveCount.describe('days between package-range updates when the RC listens'),
    quality: share.describe('usable share of a package (spoiled produce is lost)'),
    channels,
    partyMembersMobilised: z.boolean().describe('double-reporting party members take orders and carry goods'),
    volunteersMobilised: z.boolean(),
    rcCarriesToDoor: z.boolean().describe('RC staff carry goods from the gate to the door'),
    merchantCarriers: count.describe('supermarket staff carrying goods to doors'),
  })
  .strict();

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    seed: z.number().int().min(0).default(1),
    calendar: z
      .object({ start: isoDate, end: isoDate })
      .strict()
      .refine((c) => c.start <= c.end, 'the end date must not be before the start date'),
    timeline: z
      .object({
        roadClosure: isoDate.nullable().describe('all road traffic closed; ordinary supply disrupted. The shock date.'),
        movementControl: isoDate.nullable().describe('households may go out once every few days'),
        closedManagement: isoDate.nullable().describe('no outings without a pass; the early provision regime starts'),
        regimeSwitch: isoDate.nullable().describe('the later provision regime replaces the early one'),
        reopening: isoDate.nullable().describe('closure ends; outings resume'),
      })
      .strict(),
    events: z
      .array(
        z
          .object({
            date: isoDate,
            type: z.literal('caseDetected'),
            extraAdminHours: nonNegative.describe('RC staff hours per day of tracing and disinfection'),
            days: positiveCount,
          })
          .strict(),
      )
      .default([]),
    community: z
      .object({
        compounds: positiveCount,
        buildingsPerCompound: positiveIntRange,
        floorsPerBuilding: positiveIntRange,
        householdsPerFloor: positiveCount,
        propertyCompanyShare: share,
      })
      .strict(),
    population: z
      .object({
        householdTypes: z
          .object({
            elderlyAlone: nonNegative,
            elderlyCouple: nonNegative,
            adultAlone: nonNegative,
            family: nonNegative,
            threeGeneration: nonNegative,
          })
          .strict()
          .refine((t) => Object.values(t).some((v) => v > 0), 'at least one household type needs a positive weight'),
        childrenPerFamily: intRange,
        eldersPerThreeGeneration: intRange,
        smartphoneShare: z.object({ adult: share, elderly: share }).strict(),
        partyMemberShare: z.object({ adult: share, elderly: share }).strict(),
        volunteerShare: share.describe('share of working-age adults who volunteer when mobilised'),
      })
      .strict(),
    needs: z
      .object({
        reorderBelowDays: nonNegative,
        coverDays: positive,
        personalCoverDays: positive,
        initialStockDays: numRange,
        personDaysPerPackage: z.object({ vegetable: positive, pork: positive }).strict(),
      })
      .strict(),
    outings: z
      .object({
        disruptedAvailability: share.describe('chance an outing finds goods after road closure'),
        disruptedPriceMarkup: positive,
        movementControlIntervalDays: positiveCount,
      })
      .strict(),
    packages: z
      .object({
        vegetable: z.object({ normalPrice: positive, listPrice: positive, subsidy: nonNegative }).strict(),
        pork: z.object({ normalPrice: positive, listPrice: positive, subsidy: nonNegative }).strict(),
      })
      .strict()
      .refine((p) => p.vegetable.subsidy <= p.vegetable.listPrice && p.pork.subsidy <= p.pork.listPrice, 'a subsidy cannot exceed the list price'),
    merchants: z
      .object({
        partnerRestockPerDay: count,
        otherSupermarkets: count,
        otherRestockPerDay: count,
        initialStockDays: nonNegative.describe("opening stock as days of each merchant's restock"),
        maxStockDays: positive,
      })
      .strict(),
    regimes: z.object({ early: regime, later: regime }).strict(),
    digitalOrdering: z
      .object({
        appSuccess: z.object({ adult: share, elderly: share }).strict(),
        chainSuccess: z.object({ adult: share, elderly: share }).strict(),
      })
      .strict(),
    residentsCommittee: z
      .object({
        staff: count,
        hoursPerDay: nonNegative,
        adminMinutesPerHousehold: nonNegative.describe('daily temperature statistics, per household'),
        gateDutyHoursPerCompound: nonNegative,
        orderMinutes: nonNegative.describe('tallying, procurement and delivery to the gate, per order'),
      })
      .strict(),
    partyMembers: z
      .object({
        doubleReporting: z.boolean(),
        perBuilding: intRange,
        orderTakingHours: nonNegative,
        carryingHours: nonNegative,
      })
      .strict(),
    volunteers: z.object({ hoursPerDay: nonNegative }).strict(),
    lastMile: z
      .object({
        deliveriesPerHour: positive.describe('gate-to-door deliveries per person-hour'),
        doorVisitsPerHour: positive.describe('door-to-door order-taking visits per person-hour'),
        merchantCarrierHours: nonNegative.describe('hours a day each supermarket carrier delivers'),
      })
      .strict(),
    selfOrganisation: z
      .object({
        enabled: z.boolean(),
        socialCapitalThreshold: share,
        formationDelayDays: count,
        intervalDays: positiveCount,
        participation: z.object({ online: share, offline: share }).strict(),
      })
      .strict(),
    satisfaction: z
      .object({
        initial: share,
        adjustmentRate: share,
        weights: z.object({ basic: nonNegative, personal: nonNegative, price: nonNegative, variety: nonNegative }).strict(),
      })
      .strict(),
    resilience: z
      .object({ recoveryThreshold: share.describe('Q must stay at or above this share of Q0 to count as recovered') })
      .strict(),
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
