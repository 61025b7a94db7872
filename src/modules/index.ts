/**
 * The built-in modules, and the Q-community preset: the list of modules that make paper 000's
 * lockdown model. A scenario names its modules (`modules:`); one that does not gets the preset.
 */
import type { ModuleDef } from '../engine/index.js';
import { community } from './community/index.js';
import { epidemic } from './epidemic/index.js';
import { households } from './households/index.js';
import { lockdown } from './lockdown/index.js';
import { merchants } from './merchants/index.js';
import { partyMembers } from './party-members/index.js';
import { provision } from './provision/index.js';
import { residentsCommittee } from './residents-committee/index.js';
import { resilience } from './resilience/index.js';
import { satisfaction } from './satisfaction/index.js';
import { selfOrganisationModule } from './self-organisation/index.js';
import { volunteers } from './volunteers/index.js';
import { communityCare } from './community-care/index.js';
import { platform } from './platform/index.js';
import { socialWorkers } from './social-workers/index.js';
import { socialOrganisations } from './social-organisations/index.js';
import { volunteerPool } from './volunteer-pool/index.js';
import { charity } from './charity/index.js';
import { mutualAid } from './mutual-aid/index.js';
import { issueRouting } from './issue-routing/index.js';
import { gridMobilisation } from './grid-mobilisation/index.js';
import { partyNetwork } from './party-network/index.js';
import { governanceLoad } from './governance-load/index.js';

/** Every module the library ships, by name. */
export const BUILTIN_MODULES: ReadonlyMap<string, ModuleDef<any>> = new Map(
  [
    lockdown, community, households, resilience, merchants, residentsCommittee, provision, partyMembers, volunteers, selfOrganisationModule, satisfaction,
    epidemic, communityCare, platform, socialWorkers, socialOrganisations, volunteerPool, charity,
    mutualAid, issueRouting, partyNetwork, governanceLoad, gridMobilisation,
  ]
    .map((m) => [m.name, m as ModuleDef<any>]),
);

/**
 * The five societies of paper 001 (五社联动), added to the Q model: the shared care ground, then
 * community as platform, social workers, social organisations, the volunteer pool, charity.
 */
export const FIVE_SOCIETY: readonly string[] = ['communityCare', 'platform', 'socialWorkers', 'socialOrganisations', 'volunteerPool', 'charity'];

/**
 * Paper 002's N-street reform (2012–2018): the community, its party network (before the stations,
 * whose service rates it shapes), its mutual-aid stations, the three-level routing of issues, and
 * the load pushed down to the community (paper 004).
 */
export const N_STREET: readonly string[] = ['community', 'partyNetwork', 'mutualAid', 'issueRouting', 'governanceLoad'];

/**
 * Paper 003's grid in a crisis (Dalian 2020) on the community's population; added after N_STREET
 * it carries the reformed street into the 2020 lockdown.
 */
export const DALIAN: readonly string[] = ['community', 'gridMobilisation'];

/** Paper 000's Q-community lockdown model as a list of modules, in assembly order. */
export const Q_COMMUNITY: readonly string[] = [
  'lockdown', 'community', 'households', 'resilience', 'merchants', 'residentsCommittee', 'provision',
  'partyMembers', 'volunteers', 'selfOrganisation', 'satisfaction',
];

export {
  community, epidemic, households, lockdown, merchants, partyMembers, provision, residentsCommittee, resilience, satisfaction,
  selfOrganisationModule as selfOrganisation, volunteers,
  communityCare, platform, socialWorkers, socialOrganisations, volunteerPool, charity,
  mutualAid, issueRouting, partyNetwork, governanceLoad, gridMobilisation,
};
