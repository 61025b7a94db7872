/**
 * Gate duty under closed management (paper 000 二(一): RC staff "在小区门口站岗"; paper 003
 * 四(二)4: in a compound with a property company the street holds the company responsible for
 * closed management, while a compound without one needs a team of cadres, grid workers, building
 * heads and volunteers). So the RC's hours at a gate depend on whether the compound has a property
 * company: a few hours of checking passes and supervising where the company's guards stand at the
 * gate, a full shift where no one else does.
 *
 * The cost is per compound, not per resident, because closed management controls each compound's
 * gate for the hours it is open whatever the number of households behind it. At fixed compound
 * sizes it therefore scales with the population; a community with the same residents in fewer,
 * larger compounds needs fewer gate hours — a real economy of scale, not a size artefact.
 */
import type { CommunityWorld } from '../community/index.js';

/** RC staff hours a day of gate duty over all compounds. */
export function gateDutyHours(world: CommunityWorld): number {
  const hours = world.scenario.residentsCommittee.gateDutyHoursPerCompound;
  const { count, hasPropertyCompany } = world.compounds;
  let total = 0;
  for (let c = 0; c < count; c++) total += hasPropertyCompany[c] ? hours.withPropertyCompany : hours.withoutPropertyCompany;
  return total;
}
