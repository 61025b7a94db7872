/**
 * Merchants restock each day up to their storage limit. In the early regime only the partner
 * supermarket sells to the community; in the later one the RC coordinates all of them (000).
 */
import type { Process } from '../../engine/process.js';
import type { World } from '../world.js';

export const restock: Process<World> = {
  name: 'restock',
  step(world) {
    for (const m of world.merchants) {
      const added = Math.max(0, Math.min(m.restockPerDay, m.maxStock - m.stock));
      m.stock += added;
      world.ledger.packagesSupplied += added;
      world.today.packagesSupplied += added;
    }
  },
};
