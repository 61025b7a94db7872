/**
 * The stylized facts of paper 001 (five-society linkage), each as a comparison of means over five
 * seeds with a margin, and each again with the mechanism that should produce it switched off,
 * where the difference must vanish — so a fact cannot pass by accident of parameters. Runs use the
 * shipped scenarios made small (helpers.ts); common random numbers pair the arms by replicate.
 */
import { describe, expect, it, vi } from 'vitest';
import { fsScenario, mean, measureOver, runs, without } from './helpers.js';

vi.setConfig({ testTimeout: 30_000 });

const diff = (a: number[], b: number[]) => mean(a.map((x, i) => x - b[i]));

describe('five societies beat three on mobilisation and recovery', () => {
  const five = fsScenario('five-society');
  const three = fsScenario('three-society');
  it('mobilises more hours a crisis day, loses fewer need-days and falls less far', () => {
    expect(mean(measureOver(five, 'care.crisisMobilisedHoursPerDay'))).toBeGreaterThan(1.2 * mean(measureOver(three, 'care.crisisMobilisedHoursPerDay')));
    expect(diff(measureOver(three, 'resilience.lossNeedDays'), measureOver(five, 'resilience.lossNeedDays'))).toBeGreaterThan(0.2);
    expect(diff(measureOver(five, 'resilience.robustness'), measureOver(three, 'resilience.robustness'))).toBeGreaterThan(0.03);
  });
  it('switched off — the three added societies with nothing to work with (no recruits, no money, no coordinator) — does no better than three', () => {
    const idle = fsScenario('five-society', {
      'volunteerPool.joinPerYear.retired': 0, 'volunteerPool.joinPerYear.partyMember': 0, 'volunteerPool.joinPerYear.other': 0,
      'platform.coordinatorHoursPerDay': 0, 'charity.projectHoursPerMonth': 0, 'charity.unlinkedShare': 0, 'charity.linkingHoursPerDay': 1e9,
      ...Object.fromEntries(['government', 'communityFoundation', 'onlineGiving', 'venturePhilanthropy', 'directedFundraising'].flatMap((c) => [[`charity.channels.${c}.normalYuanPerMonth`, 0], [`charity.channels.${c}.crisisYuan`, 0]])),
      'socialOrganisations.yuanPerEconomicHour': 0,
      // Lead as without a platform, so the lead's pace is not what differs.
      'platform.lead.crisis': 'community', 'platform.leaders.community': { mobilisationDays: 14, projectMatch: 0.5 }, 'platform.lead.normal': 'community',
    });
    expect(Math.abs(diff(measureOver(three, 'resilience.lossNeedDays'), measureOver(idle, 'resilience.lossNeedDays')))).toBeLessThan(0.05);
  });
});

describe('without coordination, actors duplicate visits and leave households uncovered', () => {
  // Daily crisis checks, so visits are scarce enough for their assignment to matter.
  const tight = { 'care.visitIntervalDays.crisis': 1, 'socialOrganisations.assignmentsPerAssociationalHour': 0 };
  const on = fsScenario('five-society', tight);
  const off = without(on, 'platform');
  it('more duplicated visits and lower crisis coverage without the platform', () => {
    expect(mean(measureOver(off, 'care.duplicatedVisits'))).toBeGreaterThan(10 * (1 + mean(measureOver(on, 'care.duplicatedVisits'))));
    expect(diff(measureOver(on, 'care.crisisCoverage'), measureOver(off, 'care.crisisCoverage'))).toBeGreaterThan(0.1);
  });
  it('a coordinator who is also an RC worker (one post, many jobs) covers less in the crisis', () => {
    // An hour a day, so that the coordinator's reach binds; the RC's administration takes about half of it
    // (gate duty 4 h for the one compound whether or not it has a property company, as before the
    // gate depended on one: how much the RC worker loses is then the same on every seed), and no
    // volunteer takes the RC's tasks without authority (issue 11), which would lighten it.
    const halfAdmin = {
      ...tight,
      'residentsCommittee.gateDutyHoursPerCompound': { withPropertyCompany: 4, withoutPropertyCompany: 4 },
      'residentsCommittee.withoutAuthority': { temperatureStatistics: 0, gateDuty: 0 },
    };
    const busy = fsScenario('five-society', { ...halfAdmin, 'platform.coordinatorIsRcWorker': true, 'platform.coordinatorHoursPerDay': 1 });
    const free = fsScenario('five-society', { ...halfAdmin, 'platform.coordinatorHoursPerDay': 1 });
    expect(mean(measureOver(busy, 'care.duplicatedVisits'))).toBeGreaterThan(1.05 * mean(measureOver(free, 'care.duplicatedVisits')));
    expect(mean(measureOver(busy, 'care.uncoveredTaskDays'))).toBeGreaterThan(mean(measureOver(free, 'care.uncoveredTaskDays')));
  });
  it('switched off — uncoordinated picks made as if assigned (a coordinator with unlimited reach in both) — no difference', () => {
    const a = fsScenario('five-society', { ...tight, 'platform.assignmentsPerHour': 1e6 });
    const b = fsScenario('five-society', { ...tight, 'platform.assignmentsPerHour': 1e6, 'socialOrganisations.assignmentsPerAssociationalHour': 1e6 });
    expect(mean(measureOver(a, 'care.duplicatedVisits'))).toBe(mean(measureOver(b, 'care.duplicatedVisits')));
  });
});

describe('a single tight government money source lowers recovery; diversified charity reverses it', () => {
  const single = fsScenario('single-government-money');
  const diversified = fsScenario('diversified-charity');
  it('government-only money buys fewer care packages in time and loses more need-days', () => {
    expect(diff(measureOver(single, 'resilience.lossNeedDays'), measureOver(diversified, 'resilience.lossNeedDays'))).toBeGreaterThan(0.03);
    expect(diff(measureOver(single, 'groups.elderlyNoSmartphone.unmetNeedDays'), measureOver(diversified, 'groups.elderlyNoSmartphone.unmetNeedDays'))).toBeGreaterThan(0);
  });
  it('switched off — government money approved as fast as online giving — the gap closes', () => {
    const fast = fsScenario('single-government-money', { 'charity.channels.government.delayDays': 2 });
    expect(diff(measureOver(fast, 'resilience.lossNeedDays'), measureOver(diversified, 'resilience.lossNeedDays'))).toBeLessThan(0.03);
  });
});

describe('untrained, unled volunteers leave faster than social-worker-led ones', () => {
  // A full normal year and brisker recruitment, so the pools are large enough to compare.
  const base = { 'calendar.start': '2019-01-10', 'volunteerPool.joinPerYear.retired': 0.12, 'volunteerPool.trainedShare': 0, 'volunteerPool.recognition': false };
  const led = fsScenario('five-society', base);
  const unled = fsScenario('five-society', { ...base, 'socialWorkers.volunteersLedPerWorker': 0 });
  const trained = fsScenario('five-society', { ...base, 'volunteerPool.trainedShare': 1 });
  it('attrition per member-year is higher unled and untrained', () => {
    expect(mean(measureOver(unled, 'volunteerPool.attritionPerMemberYear'))).toBeGreaterThan(1.3 * mean(measureOver(led, 'volunteerPool.attritionPerMemberYear')));
    expect(mean(measureOver(led, 'volunteerPool.attritionPerMemberYear'))).toBeGreaterThan(1.3 * mean(measureOver(trained, 'volunteerPool.attritionPerMemberYear')));
  });
  it('switched off — leadership cuts no hazard — led and unled leave alike', () => {
    const a = fsScenario('five-society', { ...base, 'volunteerPool.attrition.ledCut': 0 });
    const b = fsScenario('five-society', { ...base, 'volunteerPool.attrition.ledCut': 0, 'socialWorkers.volunteersLedPerWorker': 0 });
    const ra = mean(measureOver(a, 'volunteerPool.attritionPerMemberYear'));
    const rb = mean(measureOver(b, 'volunteerPool.attritionPerMemberYear'));
    expect(Math.abs(ra - rb)).toBeLessThan(0.1 * ra);
  });
});

describe('pay below workload raises social-worker turnover', () => {
  // Three posts with a heavy caseload: the workload is about 1.8 times the hours.
  const heavy = { 'socialWorkers.posts': 3, 'socialWorkers.caseHoursPerWeek': 4 };
  it('turnover per post-year is higher at low pay', () => {
    const low = fsScenario('five-society', { ...heavy, 'socialWorkers.pay.monthly': 3000 });
    const fair = fsScenario('five-society', { ...heavy, 'socialWorkers.pay.monthly': 11000 });
    expect(mean(measureOver(low, 'socialWorkers.turnoverPerPostYear'))).toBeGreaterThan(2 * mean(measureOver(fair, 'socialWorkers.turnoverPerPostYear')) + 0.2);
    expect(mean(measureOver(low, 'socialWorkers.vacantPostDays'))).toBeGreaterThan(mean(measureOver(fair, 'socialWorkers.vacantPostDays')));
  });
  it('switched off — quitting insensitive to the pay gap — pay makes no difference', () => {
    const low = fsScenario('five-society', { ...heavy, 'socialWorkers.pay.monthly': 3000, 'socialWorkers.turnover.sensitivity': 0 });
    const fair = fsScenario('five-society', { ...heavy, 'socialWorkers.pay.monthly': 11000, 'socialWorkers.turnover.sensitivity': 0 });
    expect(measureOver(low, 'socialWorkers.quits')).toEqual(measureOver(fair, 'socialWorkers.quits'));
  });
});

describe('the period-appropriate leader does better', () => {
  const tight = { 'care.visitIntervalDays.crisis': 1 };
  const right = fsScenario('five-society', tight);
  const wrong = fsScenario('five-society', { ...tight, 'platform.lead.normal': 'government', 'platform.lead.crisis': 'socialWorkers' });
  it('social workers leading normal times raise participation; government leading the crisis mobilises and covers more', () => {
    expect(diff(measureOver(right, 'care.meanParticipation'), measureOver(wrong, 'care.meanParticipation'))).toBeGreaterThan(0.05);
    expect(diff(measureOver(right, 'care.crisisMobilisedHoursPerDay'), measureOver(wrong, 'care.crisisMobilisedHoursPerDay'))).toBeGreaterThan(3);
    expect(diff(measureOver(right, 'care.crisisCoverage'), measureOver(wrong, 'care.crisisCoverage'))).toBeGreaterThan(0.01);
  });
  it('switched off — every kind of lead alike — who leads makes no difference', () => {
    const same = { mobilisationDays: 7, projectMatch: 0.5 };
    const alike = Object.fromEntries(['government', 'community', 'socialWorkers', 'socialOrganisations'].map((l) => [`platform.leaders.${l}`, same]));
    const a = fsScenario('five-society', { ...tight, ...alike });
    const b = fsScenario('five-society', { ...tight, ...alike, 'platform.lead.normal': 'government', 'platform.lead.crisis': 'socialWorkers' });
    expect(measureOver(a, 'care.meanParticipation')).toEqual(measureOver(b, 'care.meanParticipation'));
  });
});

describe('a responsive demand channel raises trust, and trust raises participation', () => {
  const open = fsScenario('five-society');
  const closed = fsScenario('five-society', { 'care.demandChannel.enabled': false });
  it('higher final trust and participation with the channel', () => {
    expect(diff(measureOver(open, 'care.finalTrust'), measureOver(closed, 'care.finalTrust'))).toBeGreaterThan(0.1);
    // Participation moves less than trust (activities are few, and only part of it): a small
    // difference, but one every seed shows.
    const po = measureOver(open, 'care.meanParticipation');
    const pc = measureOver(closed, 'care.meanParticipation');
    expect(diff(po, pc)).toBeGreaterThan(0.005);
    expect(po.every((x, i) => x > pc[i])).toBe(true);
    expect(diff(measureOver(open, 'volunteerPool.joined'), measureOver(closed, 'volunteerPool.joined'))).toBeGreaterThan(0);
  });
  it('switched off — answers and silence leave trust as it was — the channel changes neither', () => {
    const still = { 'care.demandChannel.trustGain': 0, 'care.demandChannel.trustLoss': 0 };
    const a = fsScenario('five-society', still);
    const b = fsScenario('five-society', { ...still, 'care.demandChannel.enabled': false });
    expect(measureOver(a, 'care.finalTrust')).toEqual(measureOver(b, 'care.finalTrust'));
    expect(Math.abs(diff(measureOver(a, 'care.meanParticipation'), measureOver(b, 'care.meanParticipation')))).toBeLessThan(0.01);
  });
});

describe('more volunteers lower staff overload when there is work they can take', () => {
  const more = { 'volunteerPool.joinPerYear.retired': 0.12, 'volunteerPool.joinPerYear.partyMember': 0.12 };
  it('a larger pool takes RC administration (gate duty, registration) and carrying off party members', () => {
    const small = fsScenario('five-society');
    const large = fsScenario('five-society', more);
    expect(diff(measureOver(small, 'staff.hoursDemanded'), measureOver(large, 'staff.hoursDemanded'))).toBeGreaterThan(5);
    expect(diff(measureOver(small, 'staff.peakOverload'), measureOver(large, 'staff.peakOverload'))).toBeGreaterThan(0.01);
    expect(mean(measureOver(large, 'deliveries.byPartyMembers'))).toBeLessThan(0.5 * mean(measureOver(small, 'deliveries.byPartyMembers')));
  });
  it('switched off — no RC work volunteers may take — a larger pool leaves RC hours as they were', () => {
    // Carrying to the door is RC work too: RC staff carry what no one else can in the early
    // regime, and an order waiting for a carrier is tallied again each day. Since supermarkets'
    // delivery staff scale with their size (issue 11) they no longer carry every early order in
    // this small community, so the knock-out also has them carry all of it. Taking orders at the
    // door for households without a smartphone is RC work in the early regime too (issue 11), so
    // the knock-out has no door-to-door channel then.
    const none = { 'volunteerPool.rcWorkShare': 0, 'merchants.deliveryStaffPer1000Packages': 100, 'regimes.early.channels.doorToDoor': false };
    const small = fsScenario('five-society', none);
    const large = fsScenario('five-society', { ...more, ...none });
    expect(Math.abs(diff(measureOver(small, 'staff.hoursDemanded'), measureOver(large, 'staff.hoursDemanded')))).toBeLessThan(1);
  });
});

describe('the digital divide delays information unless a party member relays it', () => {
  // A long lag, and party members mobilised from closed management on (the early regime too).
  const slow = { 'care.informationLagDays': 40, 'regimes.early.partyMembersMobilised': true };
  const sumOf = (name: string, key: string) => runs(fsScenario('five-society', JSON.parse(key))).map((r) => r.series[name].reduce((a, b) => a + b, 0));
  it('mobilised party members tell households without a smartphone sooner', () => {
    const relayed = sumOf('uninformedHouseholds', JSON.stringify(slow));
    const unrelayed = sumOf('uninformedHouseholds', JSON.stringify({ ...slow, 'care.relaysPerRelayerPerDay': 0 }));
    expect(mean(relayed)).toBeLessThan(0.8 * mean(unrelayed));
    expect(mean(sumOf('informedByRelay', JSON.stringify(slow)))).toBeGreaterThan(0);
  });
  it('switched off — no double reporting, so no party member is active — relays change nothing', () => {
    const a = sumOf('uninformedHouseholds', JSON.stringify({ ...slow, 'partyMembers.doubleReporting': false }));
    const b = sumOf('uninformedHouseholds', JSON.stringify({ ...slow, 'partyMembers.doubleReporting': false, 'care.relaysPerRelayerPerDay': 0 }));
    expect(a).toEqual(b);
  });
});

describe('charity money buys protective kits that put volunteers on the front line', () => {
  const noGovernmentKits = { 'volunteerPool.governmentKitsPerDay': 0, 'volunteerPool.joinPerYear.retired': 0.12 };
  const noSupplies = Object.fromEntries(['government', 'communityFoundation', 'socialEnterprises', 'firmsAndMerchants', 'onlineGiving', 'venturePhilanthropy', 'targetedAid', 'directedFundraising'].map((c) => [`charity.channels.${c}.purposes.supplies`, false]));
  const total = (name: string, over: Record<string, unknown>) => runs(fsScenario('five-society', over)).map((r) => r.series[name].reduce((a, b) => a + b, 0));
  it('with kits bought, fewer members are kept off front-line work and the RC is asked less', () => {
    expect(mean(total('poolWithoutKit', noGovernmentKits))).toBeLessThan(0.5 * mean(total('poolWithoutKit', { ...noGovernmentKits, ...noSupplies })));
    expect(diff(measureOver(fsScenario('five-society', { ...noGovernmentKits, ...noSupplies }), 'staff.hoursDemanded'), measureOver(fsScenario('five-society', noGovernmentKits), 'staff.hoursDemanded'))).toBeGreaterThan(5);
  });
  it('switched off — front-line work needs no kit — what money may buy makes no difference to the RC', () => {
    const off = { ...noGovernmentKits, 'volunteerPool.kitsPerFrontLineDay': 0 };
    expect(measureOver(fsScenario('five-society', off), 'staff.hoursDemanded')).toEqual(measureOver(fsScenario('five-society', { ...off, ...noSupplies }), 'staff.hoursDemanded'));
  });
});
