/**
 * Which regime provides today (paper 000): the early one from closed management, the later one
 * from the switch; outside closed management none, though the last regime still delivers the
 * orders it took. Each regime starts with its own range of package kinds.
 */
import type { ModuleProcess } from '../../engine/index.js';
import type { MerchantsState } from '../merchants/index.js';
import { PHASES } from '../lockdown/index.js';
import type { ProvisionState, ProvisionWorld } from './state.js';

export const provisionRegime: ModuleProcess<ProvisionWorld, ProvisionState> = {
  name: 'provisionRegime',
  slot: 'dawn',
  step(world, own, ctx) {
    const regimes = world.scenario.regimes;
    const regime = ctx.phase === PHASES.closedEarly ? 'early' : ctx.phase === PHASES.closedLater ? 'later' : null;
    if (regime === 'early' && own.regime !== 'early') {
      own.closedSince = ctx.day;
      own.packageKinds = regimes.early.packageKinds;
    }
    if (regime === 'later' && own.regime !== 'later') {
      if (own.closedSince < 0) own.closedSince = ctx.day;
      own.laterSince = ctx.day;
      own.packageKinds = regimes.later.packageKinds;
    }
    own.regime = regime;
    if (regime) own.deliveringRegime = regime;
  },
};

/**
 * The supplying supermarkets' delivery staff: their deliveries for the day. Coordinating all
 * supermarkets brings all their staff, as well as their stock.
 */
export const merchantCarriers: ModuleProcess<ProvisionWorld, ProvisionState> = {
  name: 'merchantCarriers',
  slot: 'morning',
  step(world, own) {
    const s = world.scenario;
    const regime = own.deliveringRegime ? s.regimes[own.deliveringRegime] : null;
    let staff = 0;
    if (regime) for (const m of (world.state.merchants as MerchantsState).merchants) if (regime.suppliers === 'all' || m.partner) staff += m.deliveryStaff;
    own.merchantDeliveries = staff * s.lastMile.merchantCarrierHours * s.lastMile.deliveriesPerHour;
  },
};
