/** Parameters of the governance load pushed down to the community (paper 004, with 003). */
import { z } from 'zod';
import { nonNegative, p, section, sections, share, U } from '../../scenario/params.js';

/** The layers a task passes down, top first (004: the street and the RC are the hourglass's waist). */
export const LAYERS = ['department', 'street', 'community', 'grid', 'compound'] as const;
export type Layer = (typeof LAYERS)[number];

export const FUNDING = ['fees-follow-tasks', 'tasks-without-money'] as const;

const layer = (name: string, staff: string) => z.object({
  staffPer10000: p(nonNegative, `${staff} per 10,000 residents`, U.perTenThousand),
  hoursPerMonth: p(nonNegative.min(0.1), `hours a month one of them works`, U.hours),
  hoursPerTask: p(nonNegative, `hours the ${name} spends on each task passing through, for 10,000 residents (receiving, breaking down, relaying, checking and reporting back)`, U.hours),
}).strict().meta({ description: `the ${name} layer` });

export const params = sections({
  governanceLoad: () => section('administrative tasks pushed down from line departments, and the community workers who carry them (paper 004, with 003)', {
    funding: p(
      z.enum(FUNDING),
      'fees-follow-tasks (费随事转): money and people come with each task, so carrying it out among residents is paid for; tasks-without-money (事移财不转): community workers carry it out in their own hours',
    ),
    departments: p(z.number().int().min(1), 'line departments that push tasks down, each on its own (unclear boundaries between them)', U.count),
    tasksPerDepartmentPerMonth: p(nonNegative, 'tasks each department pushes down in a month; each concerns every community', 'tasks per month'),
    temporaryTasksPerMonth: p(nonNegative, 'temporary tasks (inspections, campaigns, statistics) that reach each community in a month, never with money', 'tasks per month'),
    executionHours: p(nonNegative, 'hours to carry one task out among 10,000 residents (visits, forms, statistics), beyond the community layer\'s own handling', U.hours),
    layers: z.object({
      department: layer('line department', 'staff of each department, in the time they give this area'),
      street: layer('street office', 'street-office staff'),
      community: layer("residents' committee", 'community workers (the staffing norm)'),
      grid: layer('grid', 'grid heads'),
      compound: layer('compound', 'station members and building heads who relay tasks'),
    }).strict().meta({ description: 'each layer a task passes down: its staff, their hours, and what each task costs it' }),
    secondedShare: p(share, 'share of community workers seconded to street or district offices at any time', U.share),
    crisisCarryOver: p(share, "share of the drain on community workers at a crisis's onset — vacancies, secondments and the administrative hours of that month, against the staffing norm's hours — that carries into the crisis and takes cadre hours from mobilising households (read by gridMobilisation; 0: the crisis sees the full norm)", U.share),
    serviceHoursPerIssue: p(nonNegative.min(0.1), "community workers' service hours that go with each issue the grid and community can take up (visits, meetings, follow-up, the services around it)", U.hours),
    turnover: z.object({
      payRatio: p(nonNegative, "community workers' pay over the local average wage", U.share),
      base: p(z.number(), 'log-odds that a community worker quits in a month at the local wage and without overload', U.weight),
      perPayGap: p(nonNegative, 'log-odds added per unit the pay falls short of the local wage (1 − payRatio)', U.weight),
      perOverload: p(nonNegative, 'log-odds added per unit the hours asked of a worker exceed their hours (asked ÷ available − 1)', U.weight),
      hiringMonths: p(nonNegative.min(0.1), 'mean months to fill a vacancy', 'months'),
    }).strict().meta({ description: 'low pay and overload drive community workers to leave' }),
    runAround: z.object({
      mattersPer1000PerYear: p(nonNegative, 'matters residents take to the line departments themselves (permits, certificates, complaints), per 1,000 residents a year', U.perYear),
      unclearShare: p(share, 'share of matters whose department is unclear: any department visited may pass them on', U.share),
      daysPerVisit: p(nonNegative, 'days a resident loses for each office visited', U.days),
      maxVisits: p(z.number().int().min(1), 'visits after which the street office takes a matter up itself', U.count),
    }).strict().meta({ description: "residents' run-around between departments with unclear boundaries" }),
  }),
});
export type GovernanceLoadParams = z.output<typeof params.governanceLoad>;
