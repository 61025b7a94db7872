/**
 * The guided lesson: a short script a teacher steps through in front of a class, on the
 * five-society scenario. Each step says what it does to the model and what to watch; the page
 * carries it out with the same controls a teacher would use by hand (so what the class sees is
 * reproducible without the script). Text is looked up in the page's language when drawn.
 */
import type { MessageKey } from '../i18n.js';

export const LESSON_SCENARIO = 'five-society/five-society.yaml';

export type LessonAction =
  /** The lesson scenario from its first day, every society on, the crisis held. */
  | { kind: 'start' }
  | { kind: 'crisis' }
  | { kind: 'society'; id: string; on: boolean }
  /** Nothing changes: the class reads the result. */
  | { kind: 'observe' };

export interface LessonStep {
  action: LessonAction;
  title: MessageKey;
  /** What to watch, and a question for the class. */
  watch: MessageKey;
}

export const LESSON: LessonStep[] = [
  { action: { kind: 'start' }, title: 'lesson1Title', watch: 'lesson1Watch' },
  { action: { kind: 'crisis' }, title: 'lesson2Title', watch: 'lesson2Watch' },
  { action: { kind: 'society', id: 'volunteerPool', on: false }, title: 'lesson3Title', watch: 'lesson3Watch' },
  { action: { kind: 'observe' }, title: 'lesson4Title', watch: 'lesson4Watch' },
];
