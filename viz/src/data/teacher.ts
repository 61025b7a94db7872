/**
 * Teacher mode as data: each switch and slider is a scenario override (the same dotted paths as
 * `crsim run --set`), the crisis can be held back and started on any day, and every change gets
 * a caption. Pure functions, so they are unit-tested without a browser.
 */
import type { Scenario } from '../../../src/scenario/schema.js';
import type { MessageKey } from '../i18n.js';
import { SOCIETIES, societiesOf } from './societies.js';

export interface TeacherSwitch {
  id: string;
  label: MessageKey;
  /** Override paths set to the switch's state. */
  paths: string[];
  /**
   * A module the switch takes out of the model when off (it has no paths then), offered only in
   * scenarios that list it: without the module's parameters there is nothing to switch on.
   */
  module?: string;
  captionOn: MessageKey;
  captionOff: MessageKey;
}

export const SWITCHES: TeacherSwitch[] = [
  { id: 'doubleReporting', label: 'swDoubleReporting', paths: ['partyMembers.doubleReporting'], captionOn: 'capDoubleReportingOn', captionOff: 'capDoubleReportingOff' },
  { id: 'selfOrganisation', label: 'swSelfOrganisation', paths: ['selfOrganisation.enabled'], captionOn: 'capSelfOrganisationOn', captionOff: 'capSelfOrganisationOff' },
  { id: 'subsidy', label: 'swSubsidy', paths: ['regimes.later.subsidised'], captionOn: 'capSubsidyOn', captionOff: 'capSubsidyOff' },
  { id: 'volunteers', label: 'swVolunteers', paths: ['regimes.later.volunteersMobilised'], captionOn: 'capVolunteersOn', captionOff: 'capVolunteersOff' },
  { id: 'wechatChain', label: 'swWechatChain', paths: ['regimes.later.channels.wechatChain'], captionOn: 'capWechatChainOn', captionOff: 'capWechatChainOff' },
  { id: 'doorToDoor', label: 'swDoorToDoor', paths: ['regimes.later.channels.doorToDoor'], captionOn: 'capDoorToDoorOn', captionOff: 'capDoorToDoorOff' },
  { id: 'epidemic', label: 'swEpidemic', paths: [], module: 'epidemic', captionOn: 'capEpidemicOn', captionOff: 'capEpidemicOff' },
];

/** The modules the teacher's switches take out of the model (module switches that are off). */
export function switchedOffModules(switches: Record<string, boolean>): string[] {
  return SWITCHES.filter((sw) => sw.module !== undefined && switches[sw.id] === false).map((sw) => sw.module!);
}

export interface TeacherSlider {
  id: string;
  label: MessageKey;
  min: number;
  max: number;
  step: number;
  /** The scenario's own value, shown when the page opens. */
  read: (s: Scenario) => number;
  /** Overrides for a slider value. */
  overrides: (v: number) => Record<string, unknown>;
}

export const SLIDERS: TeacherSlider[] = [
  {
    id: 'subsidy', label: 'slSubsidy', min: 0, max: 40, step: 1,
    read: (s) => s.packages.vegetable.subsidy,
    overrides: (v) => ({ 'packages.vegetable.subsidy': v }),
  },
  {
    id: 'partyMembers', label: 'slPartyMembers', min: 0, max: 8, step: 1,
    read: (s) => Math.round((s.partyMembers.perBuilding.min + s.partyMembers.perBuilding.max) / 2),
    overrides: (v) => ({ 'partyMembers.perBuilding': { min: v, max: v } }),
  },
  {
    id: 'smartphone', label: 'slSmartphone', min: 0, max: 100, step: 5,
    read: (s) => Math.round(s.population.smartphoneShare.elderly * 100),
    overrides: (v) => ({ 'population.smartphoneShare.elderly': v / 100 }),
  },
  {
    id: 'staff', label: 'slStaff', min: 0, max: 60, step: 1,
    read: (s) => s.residentsCommittee.staffPer10000Residents,
    overrides: (v) => ({ 'residentsCommittee.staffPer10000Residents': v }),
  },
];

export interface TeacherSettings {
  switches: Record<string, boolean>;
  sliders: Record<string, number>;
  /** The five societies' switches (societies.ts), only for those the scenario lists. */
  societies: Record<string, boolean>;
}

/**
 * The overrides for the teacher's settings. A slider still where the scenario put it (`base`) is
 * left out: a slider is coarser than the scenario (one number of party members per building
 * instead of the paper's 2–3), so merely showing it must not change the model.
 */
export function overridesOf(settings: TeacherSettings, base?: TeacherSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sw of SWITCHES) {
    const on = settings.switches[sw.id];
    if (on === undefined) continue;
    for (const p of sw.paths) out[p] = on;
  }
  for (const sl of SLIDERS) {
    const v = settings.sliders[sl.id];
    if (v !== undefined && v !== base?.sliders[sl.id]) Object.assign(out, sl.overrides(v));
  }
  return out;
}

/** The switches' positions in a scenario (all of them read straight from its parameters). */
export function switchesOf(s: Scenario): Record<string, boolean> {
  return {
    doubleReporting: s.partyMembers.doubleReporting,
    selfOrganisation: s.selfOrganisation.enabled,
    subsidy: s.regimes.later.subsidised,
    volunteers: s.regimes.later.volunteersMobilised,
    wechatChain: s.regimes.later.channels.wechatChain,
    doorToDoor: s.regimes.later.channels.doorToDoor,
    // Module switches: on where the scenario lists the module, absent (no switch) elsewhere.
    ...Object.fromEntries(SWITCHES.filter((sw) => sw.module !== undefined && (s.modules ?? []).includes(sw.module)).map((sw) => [sw.id, true])),
  };
}

/** Every switch and slider where the scenario puts it: what teacher mode starts from. */
export function settingsOf(s: Scenario): TeacherSettings {
  return { switches: switchesOf(s), sliders: Object.fromEntries(SLIDERS.map((sl) => [sl.id, sl.read(s)])), societies: societiesOf(s) };
}

const MS_PER_DAY = 86_400_000;
/** The ISO date `days` after `date` (the crisis day as a date, from the calendar start). */
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / MS_PER_DAY);

const TIMELINE_KEYS = ['roadClosure', 'movementControl', 'closedManagement', 'regimeSwitch', 'reopening'] as const;

/** The scenario with its crisis held back: normal times until the teacher starts it. */
export function holdCrisis(s: Scenario): Scenario {
  const timeline = { ...s.timeline };
  for (const k of TIMELINE_KEYS) timeline[k] = null;
  return { ...s, timeline, events: [] };
}

/**
 * The scenario with its whole crisis moved so that it starts on `date`: every timeline step and
 * event keeps its distance from the first step, and the run is lengthened (or shortened) by the
 * same number of days so the recovery after reopening stays in view. Days before `date` are
 * normal in both versions, so with the same seed they replay identically (common random numbers).
 */
export function startCrisisOn(s: Scenario, date: string): Scenario {
  const first = TIMELINE_KEYS.map((k) => s.timeline[k]).find((d): d is string => d !== null);
  if (!first) return s;
  const shift = daysBetween(first, date);
  const timeline = { ...s.timeline };
  for (const k of TIMELINE_KEYS) timeline[k] = s.timeline[k] === null ? null : addDays(s.timeline[k]!, shift);
  return {
    ...s,
    calendar: { start: s.calendar.start, end: addDays(s.calendar.end, shift) },
    timeline,
    events: s.events.map((e) => ({ ...e, date: addDays(e.date, shift) })),
  };
}

/** Caption keys for what changed between two settings (switches first, then sliders). */
export interface Change {
  kind: 'switch' | 'society' | 'slider';
  id: string;
  /** Caption for a switch or a society; the slider's label for a slider. */
  key: MessageKey;
  from?: number;
  to?: number;
}

export function changesBetween(before: TeacherSettings, after: TeacherSettings): Change[] {
  const changes: Change[] = [];
  for (const sw of SWITCHES) {
    const a = before.switches[sw.id];
    const b = after.switches[sw.id];
    if (a !== b && b !== undefined) changes.push({ kind: 'switch', id: sw.id, key: b ? sw.captionOn : sw.captionOff });
  }
  for (const so of SOCIETIES) {
    const a = before.societies?.[so.id];
    const b = after.societies?.[so.id];
    if (a !== b && b !== undefined) changes.push({ kind: 'society', id: so.id, key: b ? so.captionOn : so.captionOff });
  }
  for (const sl of SLIDERS) {
    const a = before.sliders[sl.id];
    const b = after.sliders[sl.id];
    if (a !== b && b !== undefined) changes.push({ kind: 'slider', id: sl.id, key: sl.label, from: a, to: b });
  }
  return changes;
}
