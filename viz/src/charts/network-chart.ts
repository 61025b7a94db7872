/**
 * The actors network: fixed positions, one curved arrow per flow, width by the day's amount
 * relative to the run's largest flow of that kind, colour by kind. Redrawn each day as the run
 * plays, so the widths animate.
 */
import * as d3 from 'd3';
import { kindsOf, type FlowLink, type Network } from '../data/network.js';
import { t } from '../i18n.js';
import { FLOW_COLOURS } from '../palette.js';
import { formatDate, formatNumber, textWidth } from './line-chart.js';

const widthOf = (l: FlowLink) => (l.amount > 0 ? 1.5 + 12 * Math.sqrt(l.relative) : 0);
const titleOf = (date: string | null) => `${t('networkTitle')}${date ? ` · ${formatDate(date, true)}` : ''}`;
const kindLabel = (k: string) => t(`flow${k[0].toUpperCase()}${k.slice(1)}`);
const actorLabel = (network: Network, id: string) => t(network.actors.find((x) => x.id === id)!.label);
const flowLabel = (network: Network, l: FlowLink) =>
  `${actorLabel(network, l.source)} → ${actorLabel(network, l.target)}: ${formatNumber(l.amount, 0)} ${kindLabel(l.kind)}`;

/**
 * Draws the network, or, when the same network (size and language) is already on screen, only
 * moves the link widths to the new day with a short transition: that is the animation a class
 * sees as the run plays.
 */
export function drawNetwork(container: HTMLElement, network: Network, links: FlowLink[], date: string | null, opts: { width: number; height: number }): SVGSVGElement {
  const existing = container.querySelector<SVGSVGElement>('svg[data-chart="network"]');
  // The actors are part of the signature: a five-society run after a Q-model run is a new picture.
  const signature = `${opts.width}x${opts.height}:${t('networkTitle')}:${network.actors.map((a) => a.id).join(',')}`;
  if (existing && existing.dataset.signature === signature) {
    const svg = d3.select(existing);
    svg.select('.title').text(titleOf(date));
    for (const l of links) {
      const path = svg.select<SVGPathElement>(`path[data-flow="${l.id}"]`);
      path.attr('data-amount', l.amount).attr('marker-end', l.amount > 0 ? `url(#arrow-${l.kind})` : null);
      path.select('title').text(flowLabel(network, l));
      // Inline styles, so the stylesheet's CSS transition animates the change (no d3-transition needed).
      path.style('stroke-width', `${widthOf(l)}px`).style('opacity', l.amount > 0 ? '0.8' : '0');
    }
    return existing;
  }
  container.replaceChildren();
  container.classList.add('chart');
  const { width, height } = opts;
  const svg = d3.select(container).append('svg').attr('xmlns', 'http://www.w3.org/2000/svg').attr('class', 'chart-svg')
    .attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img').attr('tabindex', 0)
    .attr('aria-label', t('networkTitle')).attr('data-chart', 'network').attr('data-signature', signature);
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', '#fff');
  svg.append('text').attr('class', 'title').attr('x', 12).attr('y', 22).text(titleOf(date));

  const kinds = kindsOf(network);
  const legend = svg.append('g').attr('class', 'legend').attr('transform', 'translate(12,40)');
  let lx = 0;
  for (const k of kinds) {
    const label = kindLabel(k);
    legend.append('line').attr('x1', lx).attr('x2', lx + 22).attr('y1', 6).attr('y2', 6).attr('stroke', FLOW_COLOURS[k]).attr('stroke-width', 4);
    legend.append('text').attr('x', lx + 28).attr('y', 10).text(label);
    lx += 28 + textWidth(label, 11.5) + 18;
  }

  const top = 64;
  // Side margins wide enough for the widest label pill, so nodes at the edges are not cut off.
  const margin = Math.max(70, ...network.actors.map((a) => textWidth(t(a.label), 12) / 2 + 16));
  const pos = new Map(network.actors.map((a) => [a.id, { x: margin + a.x * (width - 2 * margin), y: top + 20 + a.y * (height - top - 50) }]));
  const defs = svg.append('defs');
  for (const k of kinds) {
    defs.append('marker').attr('id', `arrow-${k}`).attr('viewBox', '0 0 10 10').attr('refX', 10).attr('refY', 5)
      // Fixed-size heads: scaled with the stroke, a wide flow's head would hide the node.
      .attr('markerUnits', 'userSpaceOnUse').attr('markerWidth', 11).attr('markerHeight', 11).attr('orient', 'auto-start-reverse')
      .append('path').attr('d', 'M0,0L10,5L0,10z').attr('fill', FLOW_COLOURS[k]);
  }
  // Links between the same pair bend to different sides by kind, so they do not overlap.
  const bend: Record<string, number> = { orders: 0.18, goods: -0.12, money: 0.32, labour: -0.25, people: 0.08, information: -0.38 };
  const g = svg.append('g');
  for (const l of links) {
    const a = pos.get(l.source)!;
    const end = pos.get(l.target)!;
    // End the arrow just outside the target's label pill, so the head stays visible.
    const dx = a.x - end.x;
    const dy = a.y - end.y;
    const k = Math.min(1, 18 / Math.max(1e-9, Math.abs(dy)), (textWidth(actorLabel(network, l.target), 12) / 2 + 14) / Math.max(1e-9, Math.abs(dx)));
    const b = { x: end.x + dx * k, y: end.y + dy * k };
    const mx = (a.x + b.x) / 2 - (b.y - a.y) * bend[l.kind];
    const my = (a.y + b.y) / 2 + (b.x - a.x) * bend[l.kind];
    const w = widthOf(l);
    const path = g.append('path').attr('d', `M${a.x},${a.y}Q${mx},${my} ${b.x},${b.y}`).attr('fill', 'none')
      .attr('stroke', FLOW_COLOURS[l.kind]).style('stroke-width', `${w}px`).style('opacity', l.amount > 0 ? '0.8' : '0')
      .attr('marker-end', l.amount > 0 ? `url(#arrow-${l.kind})` : null)
      .attr('data-flow', l.id).attr('data-amount', l.amount);
    path.append('title').text(flowLabel(network, l));
  }
  for (const a of network.actors) {
    const p = pos.get(a.id)!;
    const label = t(a.label);
    const w = textWidth(label, 12) + 20;
    const node = svg.append('g').attr('transform', `translate(${p.x},${p.y})`).attr('data-actor', a.id);
    node.append('rect').attr('x', -w / 2).attr('y', -14).attr('width', w).attr('height', 28).attr('rx', 14).attr('fill', '#f7f7f2').attr('stroke', '#333').attr('stroke-width', 1.2);
    node.append('text').attr('class', 'node-label').attr('text-anchor', 'middle').attr('y', 4).text(label);
  }
  return svg.node()!;
}
