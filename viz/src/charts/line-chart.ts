/**
 * Drawing a LineChartSpec with D3: phases shaded and labelled behind the curves, replicate bands,
 * mean lines, reference lines, resilience marks, a legend, and a tooltip that follows the mouse
 * or the arrow keys. No numbers are computed here beyond scales; the spec carries them.
 *
 * Every line's values are also written to its path as `data-values` (JSON, null for no value),
 * so tests and scripts read what the chart draws without guessing from pixels.
 */
import * as d3 from 'd3';
import type { LineChartSpec } from '../data/chart-spec.js';
import { dateTicks, yearLabel } from '../data/years.js';
import { lang, t } from '../i18n.js';
import { PHASE_FILLS } from '../palette.js';

export interface DrawOptions {
  width: number;
  height: number;
}

/** Rough text width for layout decisions (Latin ≈ 0.58 em, CJK ≈ 1 em); avoids measuring in the DOM. */
/**
 * A chart's SVG in its container: size, role, label and a white background, so that an exported
 * chart is not transparent. Every chart of the page and the report starts here.
 */
export function chartSvg(container: HTMLElement, width: number, height: number, id: string, label: string) {
  const svg = d3.select(container).append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('class', 'chart-svg')
    .attr('width', width).attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', label)
    .attr('data-chart', id);
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', '#fff');
  return svg;
}

export function textWidth(text: string, fontPx: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\u9FFF\uFF00-\uFFEF]/.test(ch) ? fontPx : fontPx * 0.58;
  return w;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(iso: string, long = false): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (lang() === 'zh') return long ? `${y}年${m}月${d}日` : `${m}月${d}日`;
  return long ? `${d} ${MONTHS_EN[m - 1]} ${y}` : `${MONTHS_EN[m - 1]} ${d}`;
}

export function formatNumber(v: number, digits: number): string {
  if (Number.isNaN(v)) return '–';
  return v.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Lays legend items left to right, wrapping to a new row when the width runs out. */
function layoutLegend(labels: string[], width: number): { x: number; y: number }[] {
  const pos: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  for (const label of labels) {
    const w = 30 + textWidth(label, 11.5) + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 18;
    }
    pos.push({ x, y });
    x += w;
  }
  return pos;
}

export function drawLineChart(container: HTMLElement, spec: LineChartSpec, opts: DrawOptions): SVGSVGElement {
  container.replaceChildren();
  container.classList.add('chart');
  const { width } = opts;
  const days = spec.dates.length;

  // Legend: each metric once (solid, its colour), the band, then the runs by line style.
  const maxLabel = width - 70 - 60;
  const fit = (label: string) => {
    if (textWidth(label, 11.5) <= maxLabel) return label;
    let cut = label;
    while (cut.length > 4 && textWidth(`${cut}…`, 11.5) > maxLabel) cut = cut.slice(0, -1);
    return `${cut}…`;
  };
  type Item = { label: string; colour: string; dashed: boolean; band?: boolean };
  const items: Item[] = spec.lines.filter((l) => l.legend !== null).map((l) => ({ label: fit(l.legend!), colour: l.colour, dashed: false }));
  if (spec.lines.some((l) => l.band)) items.push({ label: spec.bandLabel ?? t('band'), colour: '#888', dashed: false, band: true });
  for (const r of spec.runStyles) items.push({ label: fit(r.label), colour: '#444', dashed: r.dashed });
  const legendPos = layoutLegend(items.map((i) => i.label), width - 70);
  const legendRows = legendPos.length ? legendPos[legendPos.length - 1].y / 18 + 1 : 0;
  const margin = { top: 34 + legendRows * 18 + 30, right: 24, bottom: 34, left: 58 };
  // Extra legend rows (a comparison) make the chart taller rather than the plot smaller.
  const height = opts.height + Math.max(0, legendRows - 1) * 18;
  const innerW = width - margin.left - margin.right;
  const innerH = Math.max(60, height - margin.top - margin.bottom);

  const svg = chartSvg(container, width, height, spec.id, `${spec.title}. ${t('chartKeys')}.`).attr('tabindex', 0);
  // The export buttons sit at the top right of the card: the title keeps clear of them.
  const titleRoom = width - 12 - 120;
  svg.append('text').attr('class', 'title').attr('x', 12).attr('y', 22).text(spec.title)
    .style('font-size', textWidth(spec.title, 15) > titleRoom ? `${Math.max(11, Math.floor((15 * titleRoom) / textWidth(spec.title, 15)))}px` : '15px');

  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left},36)`);
  items.forEach((item, i) => {
    const g = legend.append('g').attr('transform', `translate(${legendPos[i].x},${legendPos[i].y})`);
    if (item.band) g.append('rect').attr('width', 24).attr('height', 10).attr('y', 1).attr('fill', item.colour).attr('opacity', 0.3);
    else g.append('line').attr('x1', 0).attr('x2', 24).attr('y1', 6).attr('y2', 6).attr('stroke', item.colour).attr('stroke-width', 2.5).attr('stroke-dasharray', item.dashed ? '6 4' : null);
    g.append('text').attr('x', 30).attr('y', 10).text(item.label);
  });

  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const x = d3.scaleLinear().domain([0, Math.max(1, days - 1)]).range([0, innerW]);
  const finite = spec.lines.flatMap((l) => [...l.values, ...(l.band ? [...l.band.lo, ...l.band.hi] : [])]).filter((v) => Number.isFinite(v));
  const yMax = Math.max(...finite, ...spec.refLines.map((r) => r.y), 0);
  const yAbs = Math.max(...finite.map(Math.abs), 0) * 1.08 || 1;
  const y = d3.scaleLinear().domain(spec.yDomain ?? (spec.symmetric ? [-yAbs, yAbs] : [0, yMax > 0 ? yMax * 1.08 : 1])).nice().range([innerH, 0]);
  // Counts (orders, compounds) have no halves: their ticks are whole numbers only.
  const yTicks = spec.integer ? y.ticks(5).filter(Number.isInteger) : y.ticks(5);
  const yFormat = spec.integer ? d3.format(',d') : y.tickFormat(5);

  // Phases behind everything, labels in two alternating rows above the plot so short phases never collide.
  const dayW = innerW / Math.max(1, days - 1);
  const phaseG = plot.append('g').attr('class', 'phases');
  spec.phases.forEach((p, i) => {
    const x0 = Math.max(0, x(p.start) - dayW / 2);
    const x1 = Math.min(innerW, x(p.end) + dayW / 2);
    phaseG.append('rect').attr('x', x0).attr('y', 0).attr('width', Math.max(0, x1 - x0)).attr('height', innerH)
      .attr('fill', PHASE_FILLS[p.name] ?? '#f4f4f4').attr('data-phase', p.name)
      .append('title').text(`${p.label}: ${formatDate(spec.dates[p.start])} – ${formatDate(spec.dates[p.end])}`);
    if (i > 0) phaseG.append('line').attr('x1', x0).attr('x2', x0).attr('y1', -26).attr('y2', innerH).attr('stroke', '#b9ad94').attr('stroke-width', 1);
    // A label may run over the next phase (whose label sits in the other row) up to the one after.
    const after = spec.phases[i + 2];
    const limit = (after ? x(after.start) - dayW / 2 : innerW + 20) - x0 - 6;
    const label = textWidth(p.label, 10.5) <= limit ? p.label : p.short;
    if (textWidth(label, 10.5) > limit) return;
    phaseG.append('text').attr('class', 'phase-label').attr('x', x0 + 3).attr('y', i % 2 === 0 ? -16 : -4).text(label);
  });

  plot.append('g').attr('class', 'grid').call(d3.axisLeft(y).tickValues(yTicks).tickSize(-innerW).tickFormat(() => ''));
  // A run of several years is read by year: ticks on the first day of each year, labelled with it.
  const { ticks, yearly } = dateTicks(spec.dates, innerW);
  plot.append('g').attr('class', 'axis x').attr('transform', `translate(0,${innerH})`)
    .call(d3.axisBottom(x).tickValues(ticks).tickFormat((d) => (yearly ? yearLabel(spec.dates[d as number], lang() === 'zh') : formatDate(spec.dates[d as number]))));
  plot.append('g').attr('class', 'axis y').call(d3.axisLeft(y).tickValues(yTicks).tickFormat((v) => yFormat(v as number)));
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${margin.top + innerH / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle').text(spec.yLabel);

  for (const r of spec.refLines) {
    plot.append('line').attr('x1', 0).attr('x2', innerW).attr('y1', y(r.y)).attr('y2', y(r.y)).attr('stroke', '#333').attr('stroke-dasharray', '4 3');
    plot.append('text').attr('class', 'mark-label').attr('x', innerW - 4).attr('y', y(r.y) - 4).attr('text-anchor', 'end').text(r.label);
  }

  const defined = (v: number) => Number.isFinite(v);
  for (const l of spec.lines) {
    if (!l.band) continue;
    const area = d3.area<number>().defined((_, i) => defined(l.band!.lo[i]) && defined(l.band!.hi[i]))
      .x((_, i) => x(i)).y0((_, i) => y(l.band!.lo[i])).y1((_, i) => y(l.band!.hi[i]));
    plot.append('path').attr('class', 'band').attr('fill', l.colour).attr('d', area(l.band.lo) ?? '').attr('data-key', l.key);
  }

  if (spec.marks) drawMarks(plot, spec, x, y, innerW, innerH);

  const line = d3.line<number>().defined(defined).x((_, i) => x(i)).y((v) => y(v));
  for (const l of spec.lines) {
    plot.append('path').attr('class', `line${l.dashed ? ' dashed' : ''}`).attr('stroke', l.colour).attr('d', line(l.values) ?? '')
      .attr('data-key', l.key)
      .attr('data-values', JSON.stringify(l.values.map((v) => (Number.isFinite(v) ? v : null))));
  }

  attachTooltip(container, svg, plot, spec, x, y, innerW, innerH, margin);
  return svg.node()!;
}

function drawMarks(plot: d3.Selection<SVGGElement, unknown, null, undefined>, spec: LineChartSpec, x: d3.ScaleLinear<number, number>, y: d3.ScaleLinear<number, number>, innerW: number, innerH: number) {
  const m = spec.marks!;
  const q = spec.lines[0].values;
  const g = plot.append('g').attr('class', 'marks').attr('data-robustness', m.robustness.value).attr('data-rapidity', m.rapidityDays ?? '')
    .attr('data-loss', m.lossNeedDays).attr('data-threshold', m.threshold);
  // Loss: the area between Q0 and Q from the shock on (the resilience triangle).
  const area = d3.area<number>().defined((v, i) => i >= m.shockDay && Number.isFinite(v)).x((_, i) => x(i)).y0(y(m.q0)).y1((v) => y(Math.min(v, m.q0)));
  g.append('path').attr('d', area(q) ?? '').attr('fill', '#D55E00').attr('opacity', 0.18);
  g.append('line').attr('x1', x(m.shockDay)).attr('x2', innerW).attr('y1', y(m.q0)).attr('y2', y(m.q0)).attr('stroke', '#555').attr('stroke-dasharray', '3 3');
  const lossLabel = `${t('loss')} ${formatNumber(m.lossNeedDays, 2)} ${t('needDays')}`;
  g.append('text').attr('class', 'mark-label').attr('x', x(m.shockDay) + 6).attr('y', y(m.q0) + 14).attr('fill', '#9a3d00').text(lossLabel);
  // Robustness: the lowest point, labelled beside it on whichever side has room.
  const rx = x(m.robustness.day);
  const ry = y(m.robustness.value);
  g.append('circle').attr('cx', rx).attr('cy', ry).attr('r', 4.5).attr('fill', '#fff').attr('stroke', '#000').attr('stroke-width', 1.5);
  const robLabel = `${t('robustness')} ${formatNumber(m.robustness.value, 3)}`;
  const right = rx + 8 + textWidth(robLabel, 11) < innerW;
  g.append('text').attr('class', 'mark-label').attr('x', right ? rx + 8 : rx - 8).attr('y', Math.min(innerH - 4, ry + 16)).attr('text-anchor', right ? 'start' : 'end').text(robLabel);
  // Rapidity: the day Q is back for good, with a bracket from the shock.
  const bracketY = innerH - 12;
  if (m.recoveredDay !== null) {
    g.append('line').attr('x1', x(m.recoveredDay)).attr('x2', x(m.recoveredDay)).attr('y1', 0).attr('y2', innerH).attr('stroke', '#009E73').attr('stroke-width', 1.5).attr('stroke-dasharray', '5 3');
    g.append('line').attr('x1', x(m.shockDay)).attr('x2', x(m.recoveredDay)).attr('y1', bracketY).attr('y2', bracketY).attr('stroke', '#006b4f').attr('stroke-width', 1.5)
      .attr('marker-end', null);
  }
  const rapLabel = m.rapidityDays === null ? `${t('rapidity')}: ${t('neverRecovers')}` : `${t('rapidity')} ${m.rapidityDays} ${t('days')}`;
  const rapX = m.recoveredDay === null ? x(m.shockDay) + 6 : (x(m.shockDay) + x(m.recoveredDay)) / 2;
  g.append('text').attr('class', 'mark-label').attr('x', rapX).attr('y', bracketY - 5).attr('text-anchor', m.recoveredDay === null ? 'start' : 'middle').attr('fill', '#006b4f').text(rapLabel);
}

function attachTooltip(container: HTMLElement, svg: d3.Selection<SVGSVGElement, unknown, null, undefined>, plot: d3.Selection<SVGGElement, unknown, null, undefined>, spec: LineChartSpec, x: d3.ScaleLinear<number, number>, _y: d3.ScaleLinear<number, number>, innerW: number, innerH: number, margin: { left: number; top: number }) {
  const tip = d3.select(container).append('div').attr('class', 'tooltip').attr('role', 'status').style('display', 'none');
  const cursor = plot.append('line').attr('class', 'cursor').attr('y1', 0).attr('y2', innerH).style('display', 'none');
  let day = -1;
  const show = (d: number) => {
    day = Math.max(0, Math.min(spec.dates.length - 1, d));
    cursor.style('display', null).attr('x1', x(day)).attr('x2', x(day));
    const phase = spec.phases.find((p) => day >= p.start && day <= p.end);
    const rows = spec.lines
      .map((l) => `<tr><td><span class="swatch" style="background:${l.colour}"></span>${escapeHtml(l.label)}</td><td class="num">${formatNumber(l.values[day], spec.digits)}</td></tr>`)
      .join('');
    tip.html(`<div class="tip-date">${formatDate(spec.dates[day], true)}${phase ? ` · ${escapeHtml(phase.label)}` : ''}</div><table>${rows}</table>`);
    // Keep the tooltip on the side of the cursor with more room, so it never leaves the card.
    const left = margin.left + x(day);
    const node = tip.node()!;
    node.style.display = '';
    node.style.top = `${margin.top + 8}px`;
    const onRight = left <= innerW / 2 + margin.left;
    node.style.left = onRight ? `${left + 12}px` : '';
    node.style.right = onRight ? '' : `${container.clientWidth - left + 12}px`;
  };
  const hide = () => {
    cursor.style('display', 'none');
    tip.style('display', 'none');
  };
  plot.append('rect').attr('width', innerW).attr('height', innerH).attr('fill', 'transparent')
    .on('mousemove', (event: MouseEvent) => show(Math.round(x.invert(d3.pointer(event)[0]))))
    .on('mouseleave', hide);
  svg.on('keydown', (event: KeyboardEvent) => {
    const stepBy = event.shiftKey ? 7 : 1;
    if (event.key === 'ArrowRight') show(day < 0 ? 0 : day + stepBy);
    else if (event.key === 'ArrowLeft') show(day < 0 ? spec.dates.length - 1 : day - stepBy);
    else if (event.key === 'Escape') hide();
    else return;
    event.preventDefault();
  });
  svg.on('blur', hide);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
