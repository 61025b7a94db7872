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
   *
   * So that the afternoon is the same as asking household by household during the outings: it
   * draws nothing; it reads nothing the afternoon's purchases or contact reports change; and it
   * decides for each household alone, not from the rest of the list. With several confinements,
   * each gets the list the one before left.
   */
  letOut(world: W, households: Int32Array, count: number): number;
}

/**
 * The contributed confinements, refused with a message if one is of the shape before issue 16's
 * part 16ad (a predicate `confined(world, h)` asked per household), which would otherwise fail
 * at the first afternoon as "letOut is not a function".
 */
export function checkedConfinements<W extends ModuleWorld>(confinements: readonly Confinement<W>[]): readonly Confinement<W>[] {
  for (const c of confinements) {
    if (typeof c.letOut !== 'function') {
      throw new Error(`'${CONFINEMENTS}' contribution '${c.name}' has no letOut(world, households, count): a confinement strikes the households it keeps in off the day's list (src/modules/households/confinement.ts); a predicate confined(world, h) is no longer asked`);
    }
  }
  return confinements;
}
