/**
 * The five societies of paper 001 (五社联动) as teacher switches. Switching one off removes its
 * module from the scenario's `modules:` list, so the class sees the model without that society
 * rather than a society told to do nothing. None of the five is required by another module (only
 * their shared ground, `communityCare`, is, and it is not a switch), so each can be removed alone.
 */
import { BUILTIN_MODULES } from '../../../src/modules/index.js';
import { applyOverrides, resolveSources, validateDocument, type LoadedScenario, type ReadRelative } from '../../../src/scenario/parse.js';
import { isProvenanceWrapper } from '../../../src/scenario/provenance.js';
import type { Scenario } from '../../../src/scenario/schema.js';
import type { MessageKey } from '../i18n.js';

export interface SocietySwitch {
  id: string;
  /** The module a switch removes. */
  module: string;
  label: MessageKey;
  captionOn: MessageKey;
  captionOff: MessageKey;
}

/** In the order paper 001 names them: community, social workers, social organisations, volunteers, charity. */
export const SOCIETIES: SocietySwitch[] = [
  { id: 'platform', module: 'platform', label: 'soPlatform', captionOn: 'capPlatformOn', captionOff: 'capPlatformOff' },
  { id: 'socialWorkers', module: 'socialWorkers', label: 'soSocialWorkers', captionOn: 'capSocialWorkersOn', captionOff: 'capSocialWorkersOff' },
  { id: 'socialOrganisations', module: 'socialOrganisations', label: 'soSocialOrganisations', captionOn: 'capSocialOrganisationsOn', captionOff: 'capSocialOrganisationsOff' },
  { id: 'volunteerPool', module: 'volunteerPool', label: 'soVolunteerPool', captionOn: 'capVolunteerPoolOn', captionOff: 'capVolunteerPoolOff' },
  { id: 'charity', module: 'charity', label: 'soCharity', captionOn: 'capCharityOn', captionOff: 'capCharityOff' },
];

/**
 * The society switches a scenario offers, all on: the societies it lists. One it does not list
 * has no parameters in it to run with (three-society.yaml has none for charity), so it gets no
 * switch rather than a switch that could not be turned on.
 */
export function societiesOf(s: Scenario): Record<string, boolean> {
  const listed = new Set(s.modules ?? []);
  return Object.fromEntries(SOCIETIES.filter((so) => listed.has(so.module)).map((so) => [so.id, true]));
}

/** The modules the teacher switched off (societies whose switch is off). */
export function modulesOff(societies: Record<string, boolean>): string[] {
  return SOCIETIES.filter((so) => societies[so.id] === false).map((so) => so.module);
}

/**
 * A resolved scenario document with some modules out of its `modules:` list and their parameter
 * sections deleted: the schema of the smaller model would refuse them as unknown keys.
 */
export function withoutModules(document: Record<string, unknown>, off: readonly string[]): void {
  if (off.length === 0) return;
  const wrapped = isProvenanceWrapper(document.modules);
  const listed = wrapped ? (document.modules as { value: unknown }).value : document.modules;
  if (!Array.isArray(listed)) return;
  const next = listed.filter((m) => !off.includes(m));
  if (wrapped) (document.modules as { value: unknown }).value = next;
  else document.modules = next;
  for (const m of off) for (const key of Object.keys(BUILTIN_MODULES.get(m)?.params ?? {})) delete document[key];
}

/** `parseScenario` with some modules switched off between resolving `extends` and validating. */
export function parseWithout(text: string, file: string, read: ReadRelative, overrides: Record<string, unknown>, off: readonly string[]): LoadedScenario {
  const { document, sources } = resolveSources(text, file, read);
  withoutModules(document, off);
  const overridden = applyOverrides(document, overrides);
  return validateDocument(document, file, { sources, overridden });
}
