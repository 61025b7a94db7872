/** The guided lesson's panel: the current step's title and what to watch, and the button to go on. */
import { LESSON } from '../data/lesson.js';
import { t, tf } from '../i18n.js';

/** `step` is 0 before the lesson starts, then 1 … LESSON.length. */
export function renderLesson(box: HTMLElement, button: HTMLButtonElement, step: number): void {
  box.dataset.step = String(step);
  const current = LESSON[step - 1];
  box.replaceChildren();
  if (current) {
    const head = Object.assign(document.createElement('p'), { className: 'lesson-title' });
    head.append(Object.assign(document.createElement('span'), { className: 'muted', textContent: `${tf('lessonStepOf', { step, steps: LESSON.length })} · ` }), t(current.title));
    box.append(head, Object.assign(document.createElement('p'), { className: 'lesson-watch', textContent: t(current.watch) }));
  }
  button.textContent = step === 0 ? t('lessonStart') : t('lessonNext');
  button.disabled = step >= LESSON.length;
}
