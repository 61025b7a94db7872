/**
 * Confinement: other modules may keep a household at home (a quarantined household, a building
 * closed after a case). Outings skip a household any contributed confinement holds. With none
 * contributed, nothing is checked and no draw changes.
 *
 * A confinement strikes the households it holds off the day's list of those who would go out, in
 * one pass (`letOut`), not a call per household: at 1M residents the call per household that
 * would go out, through the contributions and into the confining module's state, cost about as
 * much as the rest of the outing (issue 16, part 16ad).
 */
import type { ModuleWorld } from '../../engine/index.js';

export const CONFINEMENTS = 'households.confinements';

export interface Confinement<W extends ModuleWorld = any> {
  name: string;
  /**
   * Of the first `count` households of `households` (those who would go out today, in order),
   * keeps those free to go out at the head of the list, in order, and returns how many: the
   * others must stay at home today.
   */
  letOut(world: W, households: Int32Array, count: number): number;
}
