/**
 * Parameters of the epidemic: the course of an infection, transmission in each layer of
 * contact, detection, the response a detected case triggers, and importation from outside.
 * Every value comes from the scenario with its provenance; nothing here has a default.
 */
import { z } from 'zod';
import { count, isoDate, nonNegative, p, positive, positiveCount, section, sections, share, U } from '../../scenario/params.js';

/** One share for each age group. */
const byAge3 = (what: string) =>
  z
    .object({
      child: p(share, `${what}: children`, U.share),
      adult: p(share, `${what}: working-age adults`, U.share),
      elderly: p(share, `${what}: the elderly (60+)`, U.share),
    })
    .strict()
    .meta({ description: what });

const contactLayer = (where: string) =>
  z
    .object({
      contactsPerDay: p(nonNegative, `contacts a resident has each day with others ${where}`, 'contacts per day'),
      transmissionProbability: p(share, `chance one contact ${where} with an infectious (symptomatic) case infects`, 'per contact'),
    })
    .strict()
    .meta({ description: `transmission ${where}` });

export const params = sections({
  epidemic: () => section('an epidemic spreading through the community: SEIR with an asymptomatic branch (module epidemic)', {
    mixing: p(
      z.enum(['layered', 'wellMixed']),
      'layered: households, buildings, compounds, outings, doors and work; wellMixed: every resident meets every other at rate R0 / infectious period (for validation)',
    ),
    R0: p(positive, 'wellMixed only: basic reproduction number, the mean number infected by one case in a wholly susceptible population', 'infections per case'),
    initialInfections: p(count, 'residents infected (exposed) on the first day, drawn at random', U.people),
    course: z
      .object({
        latentDays: p(positive, 'mean time from infection to infectiousness (and symptom onset)', U.days),
        infectiousDays: p(positive, 'mean time infectious', U.days),
        durationShape: p(positiveCount, 'shape k of the Erlang distributions both times are drawn from, per person; 1 = exponential (the classic SEIR ODE)', U.count),
        asymptomaticShare: byAge3('share of infections that never show symptoms'),
        asymptomaticInfectiousness: p(share, 'infectiousness of an asymptomatic case relative to a symptomatic one', U.share),
        severeShare: byAge3('share of symptomatic cases that are severe (always detected, then hospitalised)'),
        fatalityShare: byAge3('share of infections that end in death (infection fatality ratio)'),
      })
      .strict()
      .meta({ description: 'the course of one infection' }),
    transmission: z
      .object({
        householdSecondaryAttackRate: p(share, 'chance a household member is infected by a symptomatic case over its infectious period', U.share),
        building: contactLayer('in the same building (stairwell, lift)'),
        compound: contactLayer('elsewhere in the same compound'),
        outings: z
          .object({
            contactsPerOuting: p(nonNegative, 'people met outside the compound on one shopping outing', U.people),
            transmissionProbability: p(share, 'chance one contact on an outing with an infectious shopper infects', 'per contact'),
          })
          .strict()
          .meta({ description: 'transmission among shoppers outside the compound' }),
        pickups: z
          .object({
            contactsPerPickup: p(nonNegative, 'people met at the compound\'s group-buy pick-up point by one resident collecting an order (besides the organiser)', U.people),
            transmissionProbability: p(share, 'chance one contact at the pick-up point with an infectious resident infects', 'per contact'),
          })
          .strict()
          .meta({ description: 'transmission among residents collecting group-buy orders at their compound\'s pick-up point; the organiser\'s hand-over is a door contact' }),
        doors: z
          .object({
            transmissionProbability: p(share, 'chance a door contact (delivery, order visit) with an infectious person infects, either way', 'per contact'),
            carrierProtection: p(share, 'share of door transmission prevented by carriers\' protection (masks, contactless drop-off)', U.share),
          })
          .strict()
          .meta({ description: 'transmission at the door between carriers or visitors and the household' }),
        work: contactLayer('at work: RC staff on duty and carriers on carrying days, meeting the community at the gate'),
      })
      .strict()
      .meta({ description: 'layered mixing: contact rates and per-contact probabilities' }),
    detection: z
      .object({
        symptomaticShare: p(share, 'share of non-severe symptomatic cases detected (they seek care or are found by temperature checks)', U.share),
        asymptomaticShare: p(share, 'share of asymptomatic cases detected (screening, testing of contacts)', U.share),
        delayDays: p(nonNegative, 'days from onset of infectiousness to detection', U.days),
      })
      .strict()
      .meta({ description: 'how cases are found' }),
    response: z
      .object({
        isolateCases: p(z.boolean(), 'a detected case is isolated from everyone outside its household (severe cases: from everyone)'),
        quarantineDays: p(count, "a detected case's household stays at home this many days (paper 003: 14); 0 = no quarantine", U.days),
        closure: p(z.enum(['none', 'building', 'compound']), "a detected case closes its building or its compound: households there cannot go out"),
        closureDays: p(count, 'days a closure lasts after the last case found there', U.days),
        closedContactFactor: p(share, 'contacts within the compound that still happen while a building or compound is closed, relative to normal', U.share),
        tracingHours: p(nonNegative, "RC staff hours per day of tracing and disinfection each detected case adds (paper 000), if the residents' committee is in the model", U.hoursPerDay),
        tracingDays: p(count, 'days that work lasts', U.days),
      })
      .strict()
      .meta({ description: 'what a detected case triggers' }),
    importation: z
      .object({
        arrivalsPerDay: p(nonNegative, 'people arriving from outside each day (returning residents)', U.people),
        infectedShare: p(share, 'share of arrivals infected', U.share),
        screeningSensitivity: p(share, 'share of infected arrivals found by screening at arrival and quarantined away from the community (paper 003)', U.share),
        from: p(isoDate.nullable(), 'first day of arrivals (null: from the start)'),
        until: p(isoDate.nullable(), 'last day of arrivals (null: to the end)'),
      })
      .strict()
      .meta({ description: 'infections arriving from outside the community' }),
  }),
});
export type EpidemicParams = z.output<typeof params.epidemic>;
