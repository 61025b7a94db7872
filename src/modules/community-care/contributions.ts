/** What other modules contribute to community care: actors with hours, coordinators, relays of information, volunteer leaders, charity linkers and raisers. */
import type { ModuleStepContext } from '../../engine/index.js';

// ─── contributions ───
export const CARE_ACTORS = 'care.actors';
export const CARE_COORDINATORS = 'care.coordinators';

/** An actor that gives hours to care visits (and to answering demands). */
export interface CareActor<W = any> {
  name: string;
  /** Hours it can give to care visits now (read after the afternoon's deliveries). */
  hours(world: W, ctx: ModuleStepContext): number;
  /** Spends hours it gave (visits made and demands answered). */
  spend(world: W, hours: number): void;
  /** Professional staff (counts in the institutional dimension). */
  professional: boolean;
  /** Works as a managed project (counts in the technical dimension). */
  project: boolean;
}

/** Who can assign tasks across actors, and who leads in each period. */
export interface CareCoordinator<W = any> {
  name: string;
  /** Visits it can assign today so that no two actors take the same household. */
  assignments(world: W, ctx: ModuleStepContext): number;
  /** The lead's days to full crisis effort and share of activity matched to demand; null to leave it to others. */
  lead?(world: W, crisis: boolean): { mobilisationDays: number; projectMatch: number } | null;
}

/** Who relays crisis information to households without a smartphone user, per building (party members). */
export const CARE_RELAYS = 'care.relays';
export interface CareRelay<W = any> {
  name: string;
  /** Relayers active in building b today. */
  relayers(world: W, building: number): number;
}

/** Who can lead volunteers of the pool (social workers): leads up to `volunteers`, returns how many. */
export const VOLUNTEER_LEADERS = 'volunteerPool.leaders';
export interface VolunteerLeader<W = any> {
  name: string;
  lead(world: W, volunteers: number): number;
}

/** Who links charity resources to needs (social workers): hours of linking today. */
export const CHARITY_LINKERS = 'charity.linkers';
export interface CharityLinker<W = any> {
  name: string;
  hours(world: W): number;
}

/** Who raises money into a charity channel (economic social organisations): ¥ pledged today. */
export const CHARITY_RAISERS = 'charity.raisers';
export interface CharityRaiser<W = any> {
  name: string;
  channel: string;
  yuan(world: W, ctx: ModuleStepContext): number;
}

