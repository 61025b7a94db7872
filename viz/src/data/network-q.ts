/**
 * The Q model's actors network (paper 000): residents, the residents' committee, party members,
 * volunteers, supermarkets, owners' committees and the government, and the day's orders, goods,
 * money and labour between them.
 */
import type { Actor, FlowDef } from './network.js';

/** A metric's value, 0 on a day it has none (a flow of nothing is drawn as no link). */
export const z = (x: number) => (Number.isNaN(x) ? 0 : x);

export const ACTORS: Actor[] = [
  { id: 'government', label: 'government', x: 0.5, y: 0.02 },
  { id: 'rc', label: 'rc', x: 0.5, y: 0.42 },
  { id: 'merchants', label: 'merchants', x: 0.9, y: 0.2 },
  { id: 'partyMembers', label: 'partyMembers', x: 0.1, y: 0.2 },
  { id: 'volunteers', label: 'volunteers', x: 0.1, y: 0.72 },
  { id: 'ownersCommittee', label: 'ownersCommittee', x: 0.9, y: 0.72 },
  { id: 'residents', label: 'residents', x: 0.5, y: 0.98 },
];

export const FLOWS: FlowDef[] = [
  { source: 'residents', target: 'merchants', kind: 'orders', amount: (v) => z(v('ordersApp')) },
  // The WeChat chain runs only through a building's double-reporting party members.
  { source: 'residents', target: 'partyMembers', kind: 'orders', amount: (v) => z(v('ordersWechatChain')) },
  { source: 'partyMembers', target: 'rc', kind: 'orders', amount: (v) => z(v('ordersWechatChain')) },
  // Door-to-door orders are taken by party members or volunteers; the metrics do not say which,
  // so they are drawn as reaching the RC, which tallies them.
  { source: 'residents', target: 'rc', kind: 'orders', amount: (v) => z(v('ordersDoorToDoor')) },
  { source: 'rc', target: 'merchants', kind: 'orders', amount: (v) => z(v('ordersWechatChain')) + z(v('ordersDoorToDoor')) },
  { source: 'merchants', target: 'rc', kind: 'goods', amount: (v) => z(v('deliveriesMade')) - z(v('deliveredByMerchants')) },
  { source: 'merchants', target: 'residents', kind: 'goods', amount: (v) => z(v('deliveredByMerchants')) },
  { source: 'rc', target: 'residents', kind: 'goods', amount: (v) => z(v('deliveredByRcStaff')) },
  { source: 'rc', target: 'partyMembers', kind: 'goods', amount: (v) => z(v('deliveredByPartyMembers')) },
  { source: 'partyMembers', target: 'residents', kind: 'goods', amount: (v) => z(v('deliveredByPartyMembers')) },
  { source: 'rc', target: 'volunteers', kind: 'goods', amount: (v) => z(v('deliveredByVolunteers')) },
  { source: 'volunteers', target: 'residents', kind: 'goods', amount: (v) => z(v('deliveredByVolunteers')) },
  { source: 'ownersCommittee', target: 'residents', kind: 'goods', amount: (v) => z(v('groupBuyHouseholds')) },
  { source: 'residents', target: 'merchants', kind: 'money', amount: (v) => z(v('residentPayments')) },
  { source: 'government', target: 'merchants', kind: 'money', amount: (v) => z(v('subsidyPaid')) },
  { source: 'government', target: 'rc', kind: 'labour', amount: (v) => z(v('adminHours')) },
];
