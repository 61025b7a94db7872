/** What provision keeps: the regime in force, the order queue and each household's pending order, the ledger. */
import { writtenAgain, type Table } from '../../engine/index.js';
import type { HouseholdsWorld } from '../households/index.js';
import { emptyOrderTerms, type OrderTerms } from './order-terms.js';

export const REGIMES = ['early', 'later'] as const;
export type RegimeName = (typeof REGIMES)[number];

export const orderColumns = {
  /**
   * The pending order: packages, and the day it was taken (-1 if none), whose terms — prices
   * fixed at that time, quality, variety, regime — are the day's (order-terms.ts).
   */
  orderVegetable: Uint16Array,
  orderPork: Uint16Array,
  orderDay: Int32Array,
};

export interface ProvisionWorld extends HouseholdsWorld {
  households: HouseholdsWorld['households'] & Table<typeof orderColumns>;
}

export interface RegimeLedger {
  vegetable: number;
  pork: number;
  vegetablePayments: number;
  porkPayments: number;
  residentPayments: number;
  subsidyPaid: number;
}

/** Cumulative goods and money, for conservation checks and the summary. */
export interface Ledger {
  packagesDelivered: number;
  residentPayments: number;
  subsidyPaid: number;
  /** Per regime the order was taken under: packages delivered by kind, and money. */
  byRegime: Record<RegimeName, RegimeLedger>;
}

/** FIFO of households with a pending order (each household holds at most one). */
export interface OrderQueue {
  items: Int32Array;
  head: number;
  length: number;
}

export interface ProvisionState {
  /** The regime governing provision today, or null outside closed management. */
  regime: RegimeName | null;
  /** The last regime in force, which still delivers orders pending when closure ends. */
  deliveringRegime: RegimeName | null;
  /** Kinds of basic package currently on offer. */
  packageKinds: number;
  /** Day the later regime started (for RC feedback), or -1. */
  laterSince: number;
  /** Day closed management started, or -1. */
  closedSince: number;
  orders: OrderQueue;
  /** The terms of the orders taken each day, by day. */
  orderTerms: OrderTerms;
  /** Per building: where the evening door-to-door round starts (offset within the building). */
  doorRound: Int32Array;
  /** Gate-to-door deliveries the regime's supermarket carriers can still make today. */
  merchantDeliveries: number;
  ledger: Ledger;
}

/** Books a sale — an order delivered or a group buy's share — in all and under the regime it was bought in. */
export function bookSale(ledger: Ledger, byRegime: RegimeLedger, vegetable: number, pork: number, vegetablePaid: number, porkPaid: number, subsidy: number): void {
  ledger.packagesDelivered += vegetable + pork;
  ledger.residentPayments += vegetablePaid + porkPaid;
  ledger.subsidyPaid += subsidy;
  byRegime.vegetable += vegetable;
  byRegime.pork += pork;
  byRegime.vegetablePayments += vegetablePaid;
  byRegime.porkPayments += porkPaid;
  byRegime.residentPayments += vegetablePaid + porkPaid;
  byRegime.subsidyPaid += subsidy;
}

// Money starts as -0, which V8 stores as a double (0 would be a small integer): a field that turned
// into a double at the first fraction added to it replaced the ledger's map and dropped the code
// reading it (as world.today's counters did, docs/performance.md part 16o).
const emptyRegimeLedger = (): RegimeLedger => writtenAgain({ vegetable: 0, pork: 0, vegetablePayments: -0, porkPayments: -0, residentPayments: -0, subsidyPaid: -0 });

/** The provision state at the start, every field written again (`writtenAgain`: the queue's `head` and
 * `deliveringRegime`, first written days into a run, had dropped the order path's compiled code). */
export function initialState(households: number, buildings: number): ProvisionState {
  return writtenAgain({
    regime: null,
    deliveringRegime: null,
    packageKinds: 0,
    laterSince: -1,
    closedSince: -1,
    orders: writtenAgain({ items: new Int32Array(households), head: 0, length: 0 }),
    orderTerms: emptyOrderTerms(),
    doorRound: new Int32Array(buildings),
    merchantDeliveries: -0,
    ledger: writtenAgain({ packagesDelivered: 0, residentPayments: -0, subsidyPaid: -0, byRegime: { early: emptyRegimeLedger(), later: emptyRegimeLedger() } }),
  });
}

/** The provision state of a world, for the modules that read it (party members, volunteers). */
export const provisionOf = (world: { state: Record<string, any> }): ProvisionState => world.state.provision;
