/**
 * The network of a five-society model (paper 001): the Q model's actors plus the community
 * platform, social workers, social organisations (the two types whose work has a metric of its
 * own, and all of them for project hours), the managed volunteer pool, the charity channels and
 * the money they bring, and households by group (all households; those without a smartphone
 * user, who order at the door and hear of services late; the vulnerable households care visits
 * go to). Every flow is read from a daily metric the modules record (docs/metrics.md), so the
 * everyday work of normal times shows as well as the crisis.
 */
import { CHANNELS, channelLabel, channelMetric } from './monitors.js';
import type { Actor, FlowDef, Network } from './network.js';
import { FLOWS as Q_FLOWS, z } from './network-q.js';

/**
 * Channels drawn as nodes of their own: government money comes from the government node, and
 * social enterprises' money is what economic organisations raise (charity module), so it comes
 * from them.
 */
const CHANNEL_NODES = CHANNELS.filter((c) => c !== 'government' && c !== 'socialEnterprises');

/** Fixed positions in a unit square: money on the left, the community's actors in the middle, households at the bottom. */
const ACTORS: Actor[] = [
  { id: 'charityFund', label: 'charityFund', x: 0.33, y: 0 },
  { id: 'government', label: 'government', x: 0.6, y: 0 },
  { id: 'merchants', label: 'merchants', x: 1, y: 0 },
  ...CHANNEL_NODES.map((c, i): Actor => ({ id: `ch${c[0].toUpperCase()}${c.slice(1)}`, label: channelLabel(c), x: 0, y: 0.14 + i * 0.14 })),
  { id: 'orgEconomic', label: 'orgEconomic', x: 0.33, y: 0.2 },
  { id: 'rc', label: 'rc', x: 0.85, y: 0.2 },
  { id: 'platform', label: 'soPlatform', x: 0.58, y: 0.32 },
  { id: 'socialWorkers', label: 'soSocialWorkers', x: 0.33, y: 0.4 },
  { id: 'partyMembers', label: 'partyMembers', x: 1, y: 0.42 },
  { id: 'volunteerPool', label: 'volunteerPool', x: 0.6, y: 0.5 },
  { id: 'orgCultural', label: 'orgCultural', x: 0.33, y: 0.6 },
  { id: 'volunteers', label: 'volunteers', x: 0.85, y: 0.64 },
  { id: 'socialOrganisations', label: 'soSocialOrganisations', x: 0.33, y: 0.8 },
  { id: 'ownersCommittee', label: 'ownersCommittee', x: 1, y: 0.82 },
  { id: 'vulnerable', label: 'vulnerable', x: 0.3, y: 1 },
  { id: 'households', label: 'households', x: 0.6, y: 1 },
  { id: 'householdsOffline', label: 'householdsOffline', x: 1, y: 1 },
];

const FLOWS: FlowDef[] = [
  // The Q model's orders, deliveries, payments, subsidy and administration, with residents drawn
  // as households, and door-to-door orders from the households that cannot order online.
  ...Q_FLOWS.map((f): FlowDef => ({
    ...f,
    source: f.source !== 'residents' ? f.source : f.kind === 'orders' && f.target === 'rc' ? 'householdsOffline' : 'households',
    target: f.target === 'residents' ? 'households' : f.target,
  })),
  // The pool carries goods as the compound volunteers do; care packages bought with charity
  // money are brought on care visits.
  { source: 'volunteerPool', target: 'households', kind: 'goods', amount: (v) => z(v('deliveredByPool')) },
  { source: 'charityFund', target: 'vulnerable', kind: 'goods', amount: (v) => z(v('carePackagesDelivered')) },
  // Money: into the charity fund by channel, out of it by purpose.
  { source: 'government', target: 'charityFund', kind: 'money', amount: (v) => z(v(channelMetric('government'))) },
  { source: 'orgEconomic', target: 'charityFund', kind: 'money', amount: (v) => z(v(channelMetric('socialEnterprises'))) },
  ...CHANNEL_NODES.map((c): FlowDef => ({ source: `ch${c[0].toUpperCase()}${c.slice(1)}`, target: 'charityFund', kind: 'money', amount: (v) => z(v(channelMetric(c))) })),
  { source: 'charityFund', target: 'socialOrganisations', kind: 'money', amount: (v) => z(v('moneySpentProjects')) },
  { source: 'charityFund', target: 'volunteerPool', kind: 'money', amount: (v) => z(v('moneySpentSupplies')) },
  // People: hours given to residents. Social workers' hours are what the five societies gave
  // (mobilisedHours) less what the organisations and the pool gave: each actor counts its hours once.
  { source: 'socialWorkers', target: 'vulnerable', kind: 'people', amount: (v) => z(v('mobilisedHours')) - z(v('organisationHours')) - z(v('poolHours')) },
  { source: 'socialOrganisations', target: 'vulnerable', kind: 'people', amount: (v) => z(v('organisationHours')) },
  { source: 'orgCultural', target: 'households', kind: 'people', amount: (v) => z(v('activityAttendances')) },
  { source: 'volunteerPool', target: 'vulnerable', kind: 'people', amount: (v) => z(v('poolHours')) - z(v('poolRcHoursTaken')) },
  { source: 'platform', target: 'vulnerable', kind: 'people', amount: (v) => z(v('coordinationShare')) * z(v('careVisits')) },
  // Labour the pool takes off the RC's administration (gate duty, registration).
  { source: 'volunteerPool', target: 'rc', kind: 'labour', amount: (v) => z(v('poolRcHoursTaken')) },
  // Information: demands through the demand channel and their answers; crisis services told by
  // a relaying party member (those told on a care visit are not drawn: any actor's visit may tell).
  { source: 'households', target: 'rc', kind: 'information', amount: (v) => z(v('demandsExpressed')) },
  { source: 'rc', target: 'households', kind: 'information', amount: (v) => z(v('demandsAnswered')) },
  { source: 'partyMembers', target: 'householdsOffline', kind: 'information', amount: (v) => z(v('informedByRelay')) },
];

export const FIVE_SOCIETY_NETWORK: Network = { actors: ACTORS, flows: FLOWS };
