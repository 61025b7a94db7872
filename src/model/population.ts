/**
 * The synthetic community: compounds (小区) → buildings with floors → households → residents,
 * with traits drawn from the scenario's population parameters. Paper 000 gives the structure
 * (party members per building, compounds with and without prior social capital); sizes and
 * shares are scenario parameters.
 */
import { randomInt, pickWeighted, bernoulli, type Rng } from '../engine/random.js';
import type { Scenario } from '../scenario/schema.js';
import {
  AGE, DIGITAL, PARTY, emptyDayCounters, emptyHouseholds, emptyResidents,
  type Building, type Compound, type Merchant, type World,
} from './world.js';

const HOUSEHOLD_TYPES = ['elderlyAlone', 'elderlyCouple', 'adultAlone', 'family', 'threeGeneration'] as const;

/** Ages of one household's members, by household type. */
function membersOf(type: (typeof HOUSEHOLD_TYPES)[number], rng: Rng, s: Scenario): number[] {
  const children = () => Array.from({ length: randomInt(rng, s.population.childrenPerFamily.min, s.population.childrenPerFamily.max) }, () => AGE.child);
  switch (type) {
    case 'elderlyAlone': return [AGE.elderly];
    case 'elderlyCouple': return [AGE.elderly, AGE.elderly];
    case 'adultAlone': return [AGE.adult];
    case 'family': return [AGE.adult, AGE.adult, ...children()];
    case 'threeGeneration': {
      const { min, max } = s.population.eldersPerThreeGeneration;
      return [...Array.from({ length: randomInt(rng, min, max) }, () => AGE.elderly), AGE.adult, AGE.adult, ...children()];
    }
  }
}

export function buildWorld(s: Scenario, rng: Rng): World {
  const compounds: Compound[] = [];
  const buildings: Building[] = [];
  // Lay out the dwellings first so the tables can be allocated once.
  for (let c = 0; c < s.community.compounds; c++) {
    compounds.push({
      id: c,
      socialCapital: rng(),
      hasPropertyCompany: bernoulli(rng, s.community.propertyCompanyShare),
      firstHousehold: 0, households: 0, volunteers: 0, selfOrganisedSince: -1,
    });
    const nBuildings = randomInt(rng, s.community.buildingsPerCompound.min, s.community.buildingsPerCompound.max);
    for (let b = 0; b < nBuildings; b++) {
      const floors = randomInt(rng, s.community.floorsPerBuilding.min, s.community.floorsPerBuilding.max);
      buildings.push({ id: buildings.length, compound: c, floors, firstHousehold: 0, households: floors * s.community.householdsPerFloor, doubleReporters: 0 });
    }
  }
  const nHouseholds = buildings.reduce((n, b) => n + b.households, 0);
  const typeWeights = HOUSEHOLD_TYPES.map((t) => s.population.householdTypes[t]);
  const memberLists: number[][] = new Array(nHouseholds);
  let nResidents = 0;
  for (let h = 0; h < nHouseholds; h++) {
    memberLists[h] = membersOf(HOUSEHOLD_TYPES[pickWeighted(rng, typeWeights)], rng, s);
    nResidents += memberLists[h].length;
  }

  const households = emptyHouseholds(nHouseholds);
  const residents = emptyResidents(nResidents);
  const { smartphoneShare, partyMemberShare, volunteerShare } = s.population;
  let h = 0;
  let r = 0;
  for (const building of buildings) {
    building.firstHousehold = h;
    const compound = compounds[building.compound];
    if (compound.households === 0) compound.firstHousehold = h;
    compound.households += building.households;
    let inServiceHere = 0;
    for (let k = 0; k < building.households; k++, h++) {
      households.compound[h] = building.compound;
      households.building[h] = building.id;
      households.floor[h] = 1 + Math.floor(k / s.community.householdsPerFloor);
      households.members[h] = memberLists[h].length;
      let digital: number = DIGITAL.none;
      for (const age of memberLists[h]) {
        residents.household[r] = h;
        residents.age[r] = age;
        if (age === AGE.child) {
          households.others[h]++;
        } else {
          const elderly = age === AGE.elderly;
          const phone = bernoulli(rng, elderly ? smartphoneShare.elderly : smartphoneShare.adult);
          residents.smartphone[r] = phone ? 1 : 0;
          if (phone) digital = Math.max(digital, elderly ? DIGITAL.elderlyOnly : DIGITAL.adult);
          if (bernoulli(rng, elderly ? partyMemberShare.elderly : partyMemberShare.adult)) {
            residents.party[r] = elderly ? PARTY.retired : PARTY.inService;
            if (!elderly) inServiceHere++;
          }
          if (!elderly && bernoulli(rng, volunteerShare)) {
            residents.volunteer[r] = 1;
            compound.volunteers++;
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
    const wanted = randomInt(rng, s.partyMembers.perBuilding.min, s.partyMembers.perBuilding.max);
    building.doubleReporters = Math.min(wanted, inServiceHere);
  }

  const initial = s.needs.initialStockDays;
  for (let i = 0; i < nHouseholds; i++) {
    const days = initial.min + rng() * (initial.max - initial.min);
    households.vegetableStock[i] = days * households.members[i];
    households.porkStock[i] = days * households.members[i];
    households.personalStock[i] = initial.min + rng() * (initial.max - initial.min);
    households.orderDay[i] = -1;
    households.outingSlot[i] = Math.floor(rng() * s.outings.movementControlIntervalDays);
    households.satisfaction[i] = s.satisfaction.initial;
    households.lastPriceRatio[i] = 1;
    households.lastVariety[i] = 1;
    households.basicMet[i] = 1;
    households.personalMet[i] = 1;
  }

  const m = s.merchants;
  const merchants: Merchant[] = [
    { name: 'partner supermarket', partner: true, stock: m.partnerRestockPerDay * m.initialStockDays, restockPerDay: m.partnerRestockPerDay, maxStock: m.partnerRestockPerDay * m.maxStockDays },
  ];
  for (let i = 0; i < m.otherSupermarkets; i++) {
    merchants.push({ name: `supermarket ${i + 2}`, partner: false, stock: m.otherRestockPerDay * m.initialStockDays, restockPerDay: m.otherRestockPerDay, maxStock: m.otherRestockPerDay * m.maxStockDays });
  }
  const openingStock = merchants.reduce((n, x) => n + x.stock, 0);

  return {
    scenario: s,
    residents,
    households,
    buildings,
    compounds,
    merchants,
    regime: null,
    deliveringRegime: null,
    packageKinds: 0,
    laterSince: -1,
    closedSince: -1,
    adminSurges: [],
    orders: { items: new Int32Array(nHouseholds), head: 0, length: 0 },
    labour: {
      rcHoursAvailable: 0,
      rcHoursFree: 0,
      partyDeliveries: new Float64Array(buildings.length),
      partyVisits: new Float64Array(buildings.length),
      volunteerHours: new Float64Array(compounds.length),
      merchantDeliveries: 0,
    },
    ledger: {
      packagesSupplied: openingStock, packagesDelivered: 0, residentPayments: 0, subsidyPaid: 0,
      byRegime: {
        early: { vegetable: 0, pork: 0, vegetablePayments: 0, porkPayments: 0, residentPayments: 0, subsidyPaid: 0 },
        later: { vegetable: 0, pork: 0, vegetablePayments: 0, porkPayments: 0, residentPayments: 0, subsidyPaid: 0 },
      },
    },
    today: emptyDayCounters(),
  };
}
