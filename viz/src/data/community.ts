/**
 * The community itself, for the space view: where each household lives and, per day, whether its
 * basic needs were met and (with the epidemic) the worst infection among its members. Filled by
 * the worker's messages for the main run's first replicate, day by day, so the day slider can
 * show any day already run.
 */

/** A household's infection, worst member first: the order is how much it should catch the eye. */
export const HOUSEHOLD_INFECTION = { none: 0, recovered: 1, infected: 2, death: 3 } as const;

export interface CommunityLayout {
  residents: number;
  households: number;
  compounds: number;
  /** Building of each household; compound of each building. */
  householdBuilding: Int32Array;
  buildingCompound: Int32Array;
  /** Whether the scenario has the epidemic module (infection states are recorded). */
  epidemic: boolean;
}

export interface CommunityDays {
  layout: CommunityLayout;
  /** days × households bytes: 1 where the household's basic needs were met that day. */
  met: Uint8Array;
  /** days × households infection codes, or null without the epidemic. */
  infection: Uint8Array | null;
  /** Days recorded so far. */
  filled: number;
}

export function createCommunityDays(layout: CommunityLayout, days: number): CommunityDays {
  return {
    layout,
    met: new Uint8Array(days * layout.households),
    infection: layout.epidemic ? new Uint8Array(days * layout.households) : null,
    filled: 0,
  };
}

/** Stores the days a worker message carries (`from` on, each `households` bytes long). */
export function storeDays(c: CommunityDays, from: number, met: Uint8Array, infection: Uint8Array | null): void {
  const n = c.layout.households;
  c.met.set(met.subarray(0, Math.min(met.length, c.met.length - from * n)), from * n);
  if (c.infection && infection) c.infection.set(infection.subarray(0, Math.min(infection.length, c.infection.length - from * n)), from * n);
  c.filled = Math.max(c.filled, from + met.length / n);
}

/** One day's bytes (views, not copies). */
export function dayOf(c: CommunityDays, day: number): { met: Uint8Array; infection: Uint8Array | null } {
  const n = c.layout.households;
  return { met: c.met.subarray(day * n, (day + 1) * n), infection: c.infection?.subarray(day * n, (day + 1) * n) ?? null };
}
