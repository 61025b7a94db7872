/** The teacher's switches and sliders as form controls (big, labelled, keyboard-operable). */
import { SOCIETIES } from '../data/societies.js';
import { SLIDERS, SWITCHES, type TeacherSettings } from '../data/teacher.js';
import { t } from '../i18n.js';

/**
 * `current` is read when a control changes, not when the controls are built: a switch flipped
 * after a slider moved must keep the slider's new value.
 */
export function renderTeacherControls(hosts: { switches: HTMLElement; sliders: HTMLElement; societies: HTMLElement }, current: () => TeacherSettings, onChange: (next: TeacherSettings) => void): void {
  const settings = current();
  hosts.switches.replaceChildren();
  // A module switch only where the scenario has the module (teacher.ts).
  for (const s of SWITCHES.filter((sw) => sw.module === undefined || settings.switches[sw.id] !== undefined)) {
    hosts.switches.append(checkbox(`sw-${s.id}`, t(s.label), settings.switches[s.id] ?? true, (on) => onChange({ ...current(), switches: { ...current().switches, [s.id]: on } })));
  }
  // Only the societies the scenario lists: the others have nothing to switch (societies.ts).
  hosts.societies.replaceChildren();
  for (const s of SOCIETIES.filter((so) => settings.societies[so.id] !== undefined)) {
    hosts.societies.append(checkbox(`so-${s.id}`, t(s.label), settings.societies[s.id], (on) => onChange({ ...current(), societies: { ...current().societies, [s.id]: on } })));
  }
  hosts.societies.closest<HTMLElement>('section')!.hidden = hosts.societies.childElementCount === 0;
  const sliderHost = hosts.sliders;
  sliderHost.replaceChildren();
  for (const s of SLIDERS) {
    const div = document.createElement('div');
    div.className = 'slider';
    const label = document.createElement('label');
    label.htmlFor = `sl-${s.id}`;
    const out = document.createElement('output');
    const value = settings.sliders[s.id] ?? s.min;
    out.textContent = String(value);
    label.append(document.createTextNode(t(s.label)), out);
    const input = document.createElement('input');
    input.type = 'range';
    input.id = `sl-${s.id}`;
    input.min = String(s.min);
    input.max = String(s.max);
    input.step = String(s.step);
    input.value = String(value);
    input.addEventListener('input', () => (out.textContent = input.value));
    // Re-run on release (change), not on every pixel of a drag.
    input.addEventListener('change', () => onChange({ ...current(), sliders: { ...current().sliders, [s.id]: Number(input.value) } }));
    div.append(label, input);
    sliderHost.append(div);
  }
}

function checkbox(id: string, text: string, checked: boolean, onToggle: (on: boolean) => void): HTMLLabelElement {
  const label = document.createElement('label');
  label.className = 'switch';
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = id;
  input.checked = checked;
  input.addEventListener('change', () => onToggle(input.checked));
  const span = document.createElement('span');
  span.textContent = text;
  label.append(input, span);
  return label;
}
