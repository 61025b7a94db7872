/** Parameters of the synthetic community: its built structure and who lives in it. */
import { z } from 'zod';
import { byAge, householdMembersRange, nonNegative, p, positiveCount, positiveIntRange, section, sections, share, U } from '../../scenario/params.js';

export const params = sections({
  community: () => section('the built structure: compounds, buildings, floors, households', {
    compounds: p(positiveCount, 'residential compounds (小区) in the community', U.count),
    buildingsPerCompound: p(positiveIntRange, 'buildings in each compound, drawn uniformly from the range', U.count),
    floorsPerBuilding: p(positiveIntRange, 'floors in each building, drawn uniformly from the range', U.count),
    householdsPerFloor: p(positiveCount, 'households on each floor', U.count),
    propertyCompanyShare: p(share, 'chance a compound has a property management company', U.share),
  }),
  population: () => section('who lives in the households', {
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
    childrenPerFamily: p(householdMembersRange(20), 'children in a family or three-generation household', U.people),
    eldersPerThreeGeneration: p(householdMembersRange(20), 'elders in a three-generation household', U.people),
    smartphoneShare: byAge('share of residents who use a smartphone'),
    partyMemberShare: byAge('share of residents who are Communist Party members'),
    volunteerShare: p(share, 'share of residents aged 18 and over (working-age and elderly) who volunteer when mobilised', U.share),
    volunteerRate: z
      .object({
        retired: p(nonNegative, 'how many times as likely a retired (60+) resident is to volunteer as a working-age one, other things equal', U.relativeRate),
        partyMember: p(nonNegative, 'how many times as likely a party member is to volunteer as a non-member, other things equal', U.relativeRate),
      })
      .strict()
      .meta({ description: "who volunteers: relative rates (paper 002: retired residents and party members are the core of N street's volunteers); the shares stay volunteerShare on average" }),
  }),
});
export type CommunityParams = z.output<typeof params.community>;
export type PopulationParams = z.output<typeof params.population>;
