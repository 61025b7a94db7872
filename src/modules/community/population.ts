/**
 * The synthetic community: compounds (小区) → buildings with floors → households → residents,
 * with traits drawn from the scenario's population parameters. Paper 000 gives the structure
 * (party members per building, compounds with and without prior social capital); sizes and
 * shares are scenario parameters. The draws come in one sequence from the population stream:
 * the layout, then each household's members, then each resident's traits building by building.
 */
import { bernoulli, pickWeighted, randomInt, type PopulateContext, type Rng } from '../../engine/index.js';
import type { Scenario } from '../../scenario/schema.js';
import { AGE, DIGITAL, PARTY, type CommunityWorld } from './columns.js';

const HOUSEHOLD_TYPES = ['elderlyAlone', 'elderlyCouple', 'adultAlone', 'family', 'threeGeneration'] as const;

/**
 * How many elderly, adult and child members one household has, by household type, written to
 * row h of the three count arrays. Members are always listed elderly first, then adults, then
 * children, so the counts say every member's age (without a JS array per household: at 10M
 * residents those arrays were most of the heap after the build).
 */
function drawMembers(type: (typeof HOUSEHOLD_TYPES)[number], rng: Rng, s: Scenario, h: number, elderly: Uint8Array, adults: Uint8Array, children: Uint8Array): void {
  const { childrenPerFamily, eldersPerThreeGeneration } = s.population;
  switch (type) {
    case 'elderlyAlone': elderly[h] = 1; return;
    case 'elderlyCouple': elderly[h] = 2; return;
    case 'adultAlone': adults[h] = 1; return;
    case 'family':
      adults[h] = 2;
      children[h] = randomInt(rng, childrenPerFamily.min, childrenPerFamily.max);
      return;
    case 'threeGeneration':
      elderly[h] = randomInt(rng, eldersPerThreeGeneration.min, eldersPerThreeGeneration.max);
      adults[h] = 2;
      children[h] = randomInt(rng, childrenPerFamily.min, childrenPerFamily.max);
      return;
  }
}

/**
 * The chance that a resident aged 18+ volunteers, by [adult, adult member, elderly, elderly
 * member]. Paper 002: retired residents and party members are the core of N street's volunteers;
 * each is `volunteerRate` times as likely to volunteer, and the rates are scaled so that, on
 * average, `volunteerShare` of residents aged 18+ volunteer whatever the population's make-up.
 */
function volunteerChances(s: Scenario, nAdults: number, nElderly: number): number[] {
  const { volunteerShare, volunteerRate, partyMemberShare } = s.population;
  const withParty = (share: number) => 1 + (volunteerRate.partyMember - 1) * share;
  const total = nAdults * withParty(partyMemberShare.adult) + nElderly * volunteerRate.retired * withParty(partyMemberShare.elderly);
  const base = total > 0 ? (volunteerShare * (nAdults + nElderly)) / total : 0;
  const rates = [1, volunteerRate.partyMember, volunteerRate.retired, volunteerRate.retired * volunteerRate.partyMember];
  return rates.map((rate) => Math.min(1, base * rate));
}

export function populateCommunity(world: CommunityWorld, ctx: PopulateContext<Scenario>): void {
  const { scenario: s, rng } = ctx;
  // Lay out the dwellings first so the tables can be allocated once.
  const compounds: { socialCapital: number; hasPropertyCompany: boolean }[] = [];
  const buildings: { compound: number; floors: number }[] = [];
  for (let c = 0; c < s.community.compounds; c++) {
    compounds.push({ socialCapital: rng(), hasPropertyCompany: bernoulli(rng, s.community.propertyCompanyShare) });
    const nBuildings = randomInt(rng, s.community.buildingsPerCompound.min, s.community.buildingsPerCompound.max);
    for (let b = 0; b < nBuildings; b++) {
      buildings.push({ compound: c, floors: randomInt(rng, s.community.floorsPerBuilding.min, s.community.floorsPerBuilding.max) });
    }
  }
  const perFloor = s.community.householdsPerFloor;
  const nHouseholds = buildings.reduce((n, b) => n + b.floors * perFloor, 0);
  const typeWeights = HOUSEHOLD_TYPES.map((t) => s.population.householdTypes[t]);
  // Count members first, then fill the typed columns: no per-household arrays.
  const elderlyIn = new Uint8Array(nHouseholds);
  const adultsIn = new Uint8Array(nHouseholds);
  const childrenIn = new Uint8Array(nHouseholds);
  let nResidents = 0;
  let nAdults = 0;
  let nElderly = 0;
  for (let h = 0; h < nHouseholds; h++) {
    drawMembers(HOUSEHOLD_TYPES[pickWeighted(rng, typeWeights)], rng, s, h, elderlyIn, adultsIn, childrenIn);
    nResidents += elderlyIn[h] + adultsIn[h] + childrenIn[h];
    nAdults += adultsIn[h];
    nElderly += elderlyIn[h];
  }

  ctx.allocate('compounds', compounds.length);
  ctx.allocate('buildings', buildings.length);
  ctx.allocate('households', nHouseholds);
  ctx.allocate('residents', nResidents);
  const C = world.compounds;
  const B = world.buildings;
  const households = world.households;
  const residents = world.residents;
  compounds.forEach((c, i) => {
    C.socialCapital[i] = c.socialCapital;
    C.hasPropertyCompany[i] = c.hasPropertyCompany ? 1 : 0;
  });

  const { smartphoneShare, partyMemberShare } = s.population;
  const volunteerChance = volunteerChances(s, nAdults, nElderly);
  let h = 0;
  let r = 0;
  for (let b = 0; b < buildings.length; b++) {
    const c = buildings[b].compound;
    const nHere = buildings[b].floors * perFloor;
    B.compound[b] = c;
    B.floors[b] = buildings[b].floors;
    B.households[b] = nHere;
    B.firstHousehold[b] = h;
    if (C.households[c] === 0) C.firstHousehold[c] = h;
    C.households[c] += nHere;
    let inServiceHere = 0;
    for (let k = 0; k < nHere; k++, h++) {
      households.compound[h] = c;
      households.building[h] = b;
      households.floor[h] = 1 + Math.floor(k / perFloor);
      const elderlyHere = elderlyIn[h];
      const nOlder = elderlyHere + adultsIn[h];
      const nMembers = nOlder + childrenIn[h];
      households.members[h] = nMembers;
      households.ties[h] = C.socialCapital[c];
      let digital: number = DIGITAL.none;
      for (let m = 0; m < nMembers; m++) {
        const age = m < elderlyHere ? AGE.elderly : m < nOlder ? AGE.adult : AGE.child;
        residents.household[r] = h;
        residents.age[r] = age;
        if (age === AGE.child) {
          households.others[h]++;
        } else {
          const elderly = age === AGE.elderly;
          const phone = bernoulli(rng, elderly ? smartphoneShare.elderly : smartphoneShare.adult);
          residents.smartphone[r] = phone ? 1 : 0;
          if (phone) digital = Math.max(digital, elderly ? DIGITAL.elderlyOnly : DIGITAL.adult);
          const member = bernoulli(rng, elderly ? partyMemberShare.elderly : partyMemberShare.adult);
          if (member) {
            residents.party[r] = elderly ? PARTY.retired : PARTY.inService;
            if (!elderly) inServiceHere++;
          }
          if (bernoulli(rng, volunteerChance[(elderly ? 2 : 0) + (member ? 1 : 0)])) {
            residents.volunteer[r] = 1;
            C.volunteers[c]++;
          }
          if (elderly && phone) households.elderlySmartphone[h]++;
          else if (elderly) households.elderlyNoSmartphone[h]++;
          else households.others[h]++;
        }
        r++;
      }
      households.digital[h] = digital;
    }
    // Paper 000: 2–3 in-service party members per building report to the community. Whether
    // double reporting is in force is a policy read each day, so the population stays the same
    // with and without it (paired comparisons, warm-start branches).
    const perBuilding = s.partyMembers?.perBuilding;
    if (perBuilding) B.doubleReporters[b] = Math.min(randomInt(rng, perBuilding.min, perBuilding.max), inServiceHere);
  }
}
