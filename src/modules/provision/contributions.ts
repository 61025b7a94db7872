/**
 * What other modules contribute to provision, so that a new actor (social workers, a food bank)
 * joins the delivery cascade or the door-to-door round without an edit here:
 *
 * - a carrier takes an order from the compound gate to the door;
 * - a door visitor takes an order at the door of a household that cannot order online;
 * - a chain organiser runs a building's WeChat sign-up chain (接龙).
 *
 * Carriers are tried by `priority` (lowest first); visitors likewise.
 */
import type { ModuleWorld } from '../../engine/index.js';
import type { Regime } from './params.js';

export const CARRIERS = 'provision.carriers';
export const DOOR_VISITORS = 'provision.doorVisitors';
export const CHAIN_ORGANISERS = 'provision.chainOrganisers';

/** What one delivery takes: RC time to handle the order, and carrying time. */
export interface DeliveryNeed {
  regime: Regime;
  orderHours: number;
  carryHours: number;
}

export interface Carrier<W extends ModuleWorld = any> {
  name: string;
  priority: number;
  /**
   * Deliveries it can still make today (what the RC can count on others for). None left means it
   * can carry no order today (`canCarry` false for every household), and delivery does not ask it.
   */
  capacity(world: W): number;
  /**
   * A carrier made of RC staff: the staff hours it would need today to carry the `uncarried`
   * orders no other carrier can take. Such a carrier counts in the RC's workload, not in others' capacity.
   */
  staffHoursFor?(world: W, uncarried: number, need: DeliveryNeed): number;
  /** Whether it can carry household h's order now. */
  canCarry(world: W, h: number, need: DeliveryNeed): boolean;
  /**
   * True when `canCarry` gives the same answer for every household, and once false stays false
   * for the rest of the afternoon (what it reads only falls while orders are delivered: its own
   * deliveries left, the RC's hours — nothing else in the afternoon, another carrier's `carry`
   * or a contact sink, may raise it), and `canCarry` draws nothing and changes nothing (it is
   * asked once more for an order already tried). When every carrier asked is such and none can
   * carry, the afternoon tries no more orders (delivery.ts `noneDeliverable`).
   */
  sameForEveryOrder?: boolean;
  /** Carries it: spends its time and counts the delivery. */
  carry(world: W, h: number, need: DeliveryNeed): void;
}

export interface DoorVisitor<W extends ModuleWorld = any> {
  name: string;
  priority: number;
  /**
   * A visitor made of RC staff: the staff hours the `unreached` households the round could not
   * reach tonight would have taken. They count in the RC's workload, as carrying does.
   */
  staffHoursFor?(world: W, unreached: number): number;
  /** Visits a household of building b this evening if time allows; true when it did. */
  visit(world: W, building: number): boolean;
}

export interface ChainOrganiser<W extends ModuleWorld = any> {
  name: string;
  /** Whether a WeChat chain runs in building b today. */
  runsChain(world: W, building: number): boolean;
}

export const byPriority = <T extends { priority: number }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.priority - b.priority);

export const GROUP_BUY_SUPPLIERS = 'provision.groupBuySuppliers';

/**
 * Sells basic goods to a compound's group buy (self-organisation): from the supermarkets that
 * supply under today's regime, out of the same stock as the regime's orders, at its prices, paid
 * from each joiner's cash. `pooled`: one order, picked up and handed out by the owners' volunteers;
 * otherwise each joiner's share is an order of its own that needs RC time and a carrier.
 */
export interface GroupBuySupplier<W extends ModuleWorld = any> {
  name: string;
  supply(world: W, joiners: readonly number[], pooled: boolean, carriers: readonly Carrier<W>[]): void;
}
