/**
 * Parameters of the grid in a crisis (paper 003): the layers an instruction passes, the residents'
 * committee's staff and what a cadre can do in a day, the neighbours' "point to area" spread, the
 * arrivals to screen and quarantine, and the latent self-organisations with their trust in the RC.
 */
import { z } from 'zod';
import { isoDate, nonNegative, p, positiveCount, section, sections, share, U } from '../../scenario/params.js';

export const params = sections({
  gridMobilisation: () => section('the grid and crisis mobilisation: layers, cadres, neighbours, latent self-organisations (paper 003)', {
    onset: p(isoDate, 'the day the crisis command issues its first directive (the run is in the normal phase before it, the crisis phase from it)'),
    layers: p(positiveCount, 'layers of the grid a directive passes from the command to the households (003: district → street → community → building unit → party member/key household)', U.count),
    delayDaysPerLayer: p(nonNegative, 'mean days a directive waits at each layer before it is passed on (exponential)', U.days),
    distortionPerLayer: p(z.number().min(0).max(0.9), 'chance that a layer distorts a directive; a distorted one is found at the bottom, reported back up through every layer and issued again', U.share),
    directiveIntervalDays: p(positiveCount, 'days between the directives the command issues during the crisis', U.days),
    staffPer10000Residents: p(nonNegative, "residents' committee staff (cadres) per 10,000 residents", U.perTenThousand),
    staffHoursPerDay: p(nonNegative, "a cadre's working hours a day", U.hoursPerDay),
    normal: z.object({
      requestsPerHouseholdPerYear: p(nonNegative, 'requests for service (certificates, visits, help) a household brings to the RC in a year', U.perYear),
      hoursPerRequest: p(nonNegative.min(0.01), 'cadre hours one request takes', U.hours),
      adminShare: p(share, "share of the cadres' normal-period hours taken by administrative tasks from above (004)", U.share),
    }).strict().meta({ description: 'normal-period service: requests the RC serves first come, first served, with the hours administration leaves' }),
    crisis: z.object({
      contactsPerCadrePerDay: p(nonNegative, 'households a cadre can reach and mobilise in a day, drawn from the whole community (003: one cadre reaches only a few)', U.count),
      neighbourRate: p(nonNegative, "point to area: daily rate at which a building's mobilised households bring in an unmobilised one, times the building's mobilised share", 'per day'),
      arrivalShare: p(share, 'share of households with a member arrived from outside, to be screened and quarantined at home', U.share),
      quarantineDays: p(positiveCount, 'days of home quarantine after screening', U.days),
      quarantineMinutesPerDay: p(nonNegative, 'cadre minutes a household in home quarantine takes each day (checks, deliveries)', U.minutes),
    }).strict().meta({ description: 'crisis mobilisation of households' }),
    selfOrganisations: z.object({
      socialCapitalThreshold: p(share, 'a compound has a latent self-organisation when its social capital (0–1) is at least this, or when it has a mutual-aid station', U.share),
      initialTrust: p(share, 'trust between the RC and each latent self-organisation at the start of the run', U.share),
      trustGainPerMeeting: p(share, 'share of the remaining distance to full trust that one working contact with the RC closes (a station meets monthly)', U.share),
      meetingsPerYear: p(nonNegative, 'working contacts per year between the RC and a latent self-organisation that is not a station', U.perYear),
      callRatePerDay: p(share, 'daily chance that a latent self-organisation answers the RC\'s call at full trust (times trust), once the directive has arrived', U.share),
      platformSetupDays: p(nonNegative, 'days after the directive arrives before a coordination platform set up in the crisis starts enlisting self-organisations', U.days),
      platformRatePerDay: p(share, 'daily chance that the platform enlists a latent self-organisation, whatever its trust', U.share),
      reachPerDay: p(share, 'daily chance that an active self-organisation mobilises each unmobilised household of its compound', U.share),
    }).strict().meta({ description: 'latent self-organisations and their activation in a crisis' }),
    recoveryShare: p(share, 'share of households mobilised at which the community counts as recovered (days to recovery)', U.share),
  }),
});
export type GridParams = z.output<typeof params.gridMobilisation>;
