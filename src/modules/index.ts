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

/** Every module the library ships, by name. */
export const BUILTIN_MODULES: ReadonlyMap<string, ModuleDef<any>> = new Map(
  [lockdown, community, households, resilience, merchants, residentsCommittee, provision, partyMembers, volunteers, selfOrganisationModule, satisfaction, epidemic]
    .map((m) => [m.name, m as ModuleDef<any>]),
);

/** Paper 000's Q-community lockdown model as a list of modules, in assembly order. */
export const Q_COMMUNITY: readonly string[] = [
  'lockdown', 'community', 'households', 'resilience', 'merchants', 'residentsCommittee', 'provision',
  'partyMembers', 'volunteers', 'selfOrganisation', 'satisfaction',
];

export {
  community, epidemic, households, lockdown, merchants, partyMembers, provision, residentsCommittee, resilience, satisfaction,
  selfOrganisationModule as selfOrganisation, volunteers,
};
