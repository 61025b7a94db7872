/**
 * Confinement: other modules may keep a household at home (a quarantined household, a building
 * closed after a case). Outings skip a household any contributed confinement holds. With none
 * contributed, nothing is checked and no draw changes.
 */
import type { ModuleWorld } from '../../engine/index.js';

export const CONFINEMENTS = 'households.confinements';

export interface Confinement<W extends ModuleWorld = any> {
  name: string;
  /** Whether household h must stay at home today. */
  confined(world: W, h: number): boolean;
}
