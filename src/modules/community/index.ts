/**
 * The community (paper 000's Q community, with the structure of papers 002–004): compounds,
 * buildings and floors, households by type, and residents with the traits the other modules read
 * — age, smartphone use, party membership, willingness to volunteer. It draws the population and
 * counts it; it knows nothing of what anyone eats or who delivers it.
 */
import { defineModule } from '../../engine/index.js';
import { buildingColumns, compoundColumns, householdColumns, residentColumns, type CommunityWorld } from './columns.js';
import { params } from './params.js';
import { populateCommunity } from './population.js';

export const community = defineModule<CommunityWorld>({
  name: 'community',
  description: "Compounds → buildings → households → residents, drawn from the population parameters (structure after paper 000; N street's layers in 002).",
  params,
  columns: { residents: residentColumns, households: householdColumns, buildings: buildingColumns, compounds: compoundColumns },
  populate: (world, ctx) => populateCommunity(world, ctx),
  measures: {
    names: ['population.residents', 'population.households', 'population.buildings', 'population.compounds'],
    summarise: (w) => ({
      population: { residents: w.residents.count, households: w.households.count, buildings: w.buildings.count, compounds: w.compounds.count },
    }),
  },
});

export * from './columns.js';
export { params as communityParams } from './params.js';
