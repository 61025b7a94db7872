/** Parameters of community care: vulnerable households, care visits, the demand channel, trust and participation (paper 001). */
import { z } from 'zod';
import { count, nonNegative, p, positive, positiveCount, section, sections, share, U } from '../../scenario/params.js';

// ─── parameters ───
export const params = sections({
  care: () => section('care needs of vulnerable households and the shared task board of the five societies (paper 001)', {
    vulnerable: z
      .object({
        disabledShare: p(share, 'share of households with a disabled member (elderly living alone are found from household composition)', U.share),
        singleParentShare: p(share, 'share of working-age households with children that are single-parent', U.share),
      })
      .strict()
      .meta({ description: 'vulnerable groups of paper 003, drawn from their own population stream' }),
    visitIntervalDays: z
      .object({
        normal: p(positiveCount, 'days between care visits a vulnerable household needs in normal times', U.days),
        crisis: p(positiveCount, 'days between care visits it needs in a crisis', U.days),
      })
      .strict()
      .meta({ description: 'how often a vulnerable household needs a visit' }),
    visitHours: p(positive, 'hours one care visit takes, travel included', U.hours),
    informationLagDays: p(count, 'days after the crisis starts before a household without a smartphone user hears of the crisis services unless a visit or a relay tells it sooner', U.days),
    relaysPerRelayerPerDay: p(nonNegative, 'households without a smartphone user one active relayer (a mobilised party member of the building) tells of the crisis services per day', U.count),
    initialTrust: p(share, "every household's trust in the community's actors when the run starts", U.share),
    trustFromTies: p(share, "share of a change in a household's ties to neighbours (dynamic social capital) that its trust in the community's actors follows", U.share),
    demandChannel: z
      .object({
        enabled: p(z.boolean(), 'residents can express demands and actors answer them with the hours left after care visits (paper 001: demand expression and aggregation)'),
        demandsPerHouseholdPerMonth: p(nonNegative, 'demands a household raises per month', U.count),
        responseHours: p(positive, 'hours to answer one demand', U.hours),
        trustGain: p(share, 'share of the gap to full trust closed when a demand is answered', U.share),
        trustLoss: p(share, 'share of trust lost when a demand goes unanswered or unheard', U.share),
      })
      .strict()
      .meta({ description: 'the demand expression channel' }),
    withoutLead: z
      .object({
        mobilisationDays: p(nonNegative, 'days for actors to reach full crisis effort when no platform names a lead', U.days),
        projectMatch: p(share, "share of activity hours that match residents' demands when no platform names a lead", U.share),
      })
      .strict()
      .meta({ description: 'how actors work when no platform module names who leads' }),
  }),
});

