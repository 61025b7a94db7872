/** The teacher's switches and sliders as form controls (big, labelled, keyboard-operable). */
import { SLIDERS, SWITCHES, type TeacherSettings } from '../data/teacher.js';
import { t } from '../i18n.js';

/**
 * `current` is read when a control changes, not when the controls are built: a switch flipped
 * after a slider moved must keep the slider's new value.
 */
export function renderTeacherControls(switchHost: HTMLElement, sliderHost: HTMLElement, current: () => TeacherSettings, onChange: (next: TeacherSettings) => void): void {
  const settings = current();
  switchHost.replaceChildren();
  for (const s of SWITCHES) {
    const label = document.createElement('label');
    label.className = 'switch';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.id = `sw-${s.id}`;
    input.checked = settings.switches[s.id] ?? true;
    input.addEventListener('change', () => onChange({ ...current(), switches: { ...current().switches, [s.id]: input.checked } }));
    const span = document.createElement('span');
    span.textContent = t(s.label);
    label.append(input, span);
    switchHost.append(label);
  }
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
