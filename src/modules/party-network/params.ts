/** Parameters of the party network and its embedding (paper 002). */
import { z } from 'zod';
import { isoDate, nonNegative, p, section, sections, share, U } from '../../scenario/params.js';

/** The five levels of N street's party network, top down (002). */
export const LEVELS = ['street big working committee', 'community big party committee', 'compound branch', 'grid branch', 'stairwell group'] as const;

export const EMBEDDING = ['embedded', 'presence-only'] as const;
export type Embedding = (typeof EMBEDDING)[number];

const LEVEL = z.number().int().min(1).max(5);

export const params = sections({
  partyNetwork: () => section('the party network and its embedding in residents\' own organisations (paper 002)', {
    embedding: p(
      z.enum(EMBEDDING),
      "embedded: party members serve inside residents' own stations (structure unchanged), so residents meet their service where they bring their issues; presence-only: the party organisation is set up from above beside them, and residents bring it only what their trust in it warrants",
    ),
    depth: p(
      z.union([
        LEVEL,
        z.record(z.string(), LEVEL)
          .refine((r) => Object.keys(r).length > 0, 'give at least one date')
          .refine((r) => Object.keys(r).every((d) => isoDate.safeParse(d).success), 'each key is a date as YYYY-MM-DD'),
      ]),
      'levels of the network, top down: 1 street big working committee, 2 community big party committee, 3 compound branch, 4 grid branch, 5 stairwell group; the lowest level\'s units are the ones that reach residents. A number, or the levels by date (date: depth), each in force from its date until the next (the first also before it): the network is built down over the years',
      U.count,
    ),
    doubleReportingPer10000: p(nonNegative, 'in-service party members who double-report (双报到) where they live and take assignments there, per 10,000 residents; the other in-service members serve no more than their neighbours', U.perTenThousand),
    coBuildingUnitsPer10000: p(nonNegative, 'co-building units (共建单位: party organisations of employers and agencies) assigned to the street, per 10,000 residents; each is assigned to a compound', U.perTenThousand),
    unitHoursPerMonth: p(nonNegative, 'service hours a co-building unit gives its compound in a month', U.hours),
    gridsPer10000: p(nonNegative, 'party grids (grid branches) per 10,000 residents', U.perTenThousand),
    communitiesPer10000: p(nonNegative.min(0.01), 'residents\' committees (community big party committees) per 10,000 residents', U.perTenThousand),
    prestige: z.object({
      initial: p(nonNegative, 'prestige the party organisation starts with in each compound, in service hours residents have seen per adult', U.hours),
      memoryMonths: p(nonNegative.min(0.1), 'months over which residents remember service (prestige decays by 1/e in this time)', 'months'),
      trustHours: p(nonNegative.min(0.001), 'prestige at which residents bring half of what they could to an organisation set up from above (presence-only)', U.hours),
    }).strict().meta({ description: 'prestige: service residents have seen, per adult, remembered over months (service → prestige)' }),
    mobilisation: z.object({
      reachPerUnit: p(nonNegative, 'residents the leader of one lowest-level unit knows and asks to take part, the same ones every month (one cadre reaches only a few people)', U.people),
      base: p(z.number(), 'log-odds that a resident asked takes part when the organisation has no prestige', U.weight),
      perPrestige: p(nonNegative, 'log-odds added per hour of prestige (prestige → mobilisation)', U.weight),
      crisisSpread: p(nonNegative, "in a crisis (gridMobilisation), the neighbours' point-to-area rate in a compound is multiplied by 1 + this × the compound's engagement at the onset: residents who have taken part, and the party members they know, bring in the households that trust them (0: no effect)", U.weight),
      stationCompetence: p(share, "difficulty a station can settle added per share of the compound's adults who took part that month (more hands and knowledge in self-discussion)", U.share),
    }).strict().meta({ description: 'mobilisation: the lowest-level units ask residents to take part; who accepts depends on prestige' }),
  }),
});
export type PartyNetworkParams = z.output<typeof params.partyNetwork>;
