/**
 * The sweep heatmap: one cell per pair of factor levels, coloured by the mean of a measure
 * (viridis, colour-blind safe), with the spread over the cell's replicates in the cell and its
 * tooltip. The colour scale runs from the lowest to the highest cell mean, which makes small
 * differences look large, so the chart says where the scale starts.
 */
import * as d3 from 'd3';
import type { Heatmap } from '../data/sweep.js';
import { t, tf } from '../i18n.js';
import { formatNumber, textWidth } from './line-chart.js';

/** `labels` are what the page calls the factors and the measure (already in the page's language). */
export function drawHeatmap(container: HTMLElement, h: Heatmap, labels: { x: string; y: string; measure: string }, opts: { width: number; height: number }): SVGSVGElement {
  container.replaceChildren();
  container.classList.add('chart');
  const { width } = opts;
  const note = wrap(tf('heatScaleNote', { min: formatNumber(h.min, 3), max: formatNumber(h.max, 3) }), width - 24, 10.5);
  // The note under the chart adds its lines to the height rather than squeezing the cells.
  const height = opts.height + (note.length - 1) * 14;
  const yLabelW = Math.min(140, Math.max(40, ...h.yLevels.map((l) => textWidth(l, 11))) + 10);
  const margin = { top: 56, right: 90, bottom: 56 + note.length * 14, left: yLabelW + 30 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const svg = d3.select(container).append('svg').attr('xmlns', 'http://www.w3.org/2000/svg').attr('class', 'chart-svg')
    .attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img').attr('tabindex', 0)
    .attr('aria-label', t('heatmapTitle')).attr('data-chart', 'heatmap');
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', '#fff');
  svg.append('text').attr('class', 'title').attr('x', 12).attr('y', 22).text(`${t('mean')} ${labels.measure}`);
  const x = d3.scaleBand().domain(h.xLevels).range([0, innerW]).padding(0.04);
  const y = d3.scaleBand().domain(h.yLevels).range([0, innerH]).padding(0.04);
  const colour = d3.scaleSequential(d3.interpolateViridis).domain([h.min, h.max === h.min ? h.min + 1 : h.max]);
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  for (const c of h.cells) {
    const cell = plot.append('g').attr('transform', `translate(${x(c.x)},${y(c.y)})`);
    const spread = Number.isNaN(c.sd) ? '' : ` ± ${formatNumber(c.sd, 3)}`;
    cell.append('rect').attr('width', x.bandwidth()).attr('height', y.bandwidth()).attr('fill', Number.isNaN(c.mean) ? '#eee' : colour(c.mean))
      .attr('data-x', c.x).attr('data-y', c.y).attr('data-mean', c.mean).attr('data-sd', c.sd).attr('data-n', c.n)
      .append('title').text(`${labels.x} = ${c.x}, ${labels.y} = ${c.y}: ${formatNumber(c.mean, 3)}${spread} (${t('sdOverRuns')}, n = ${c.n})`);
    if (x.bandwidth() > 40 && y.bandwidth() > 18 && !Number.isNaN(c.mean)) {
      // Lab lightness, not HSL: viridis yellows are light even where their HSL lightness is 0.5.
      const dark = d3.lab(colour(c.mean)).l < 60;
      const twoLines = spread !== '' && y.bandwidth() > 36 && x.bandwidth() > 70;
      const label = cell.append('text').attr('class', 'cell-label').attr('x', x.bandwidth() / 2).attr('y', y.bandwidth() / 2 + (twoLines ? -2 : 4)).attr('text-anchor', 'middle')
        .attr('fill', dark ? '#fff' : '#111').text(formatNumber(c.mean, 2));
      // The spread under the mean: a difference between cells smaller than this is noise.
      if (twoLines) label.append('tspan').attr('x', x.bandwidth() / 2).attr('dy', 14).attr('class', 'cell-spread').text(`±${formatNumber(c.sd, 3)}`);
    }
  }
  plot.append('g').attr('class', 'axis').attr('transform', `translate(0,${innerH})`).call(d3.axisBottom(x));
  plot.append('g').attr('class', 'axis').call(d3.axisLeft(y));
  svg.append('text').attr('class', 'axis-label').attr('x', margin.left + innerW / 2).attr('y', margin.top + innerH + 40).attr('text-anchor', 'middle').text(labels.x);
  const noteText = svg.append('text').attr('class', 'scale-note').attr('x', 12).attr('y', height - 8 - (note.length - 1) * 14);
  note.forEach((line, i) => noteText.append('tspan').attr('x', 12).attr('dy', i === 0 ? 0 : 14).text(line));
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${margin.top + innerH / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(labels.y);
  // Colour key.
  const key = svg.append('g').attr('transform', `translate(${width - margin.right + 24},${margin.top})`);
  const steps = 40;
  for (let i = 0; i < steps; i++) {
    const v = h.max - ((h.max - h.min) * i) / (steps - 1);
    key.append('rect').attr('y', (innerH * i) / steps).attr('width', 14).attr('height', innerH / steps + 1).attr('fill', colour(v));
  }
  key.append('text').attr('x', 18).attr('y', 10).attr('class', 'axis-label').text(formatNumber(h.max, 2));
  key.append('text').attr('x', 18).attr('y', innerH).attr('class', 'axis-label').text(formatNumber(h.min, 2));
  return svg.node()!;
}

/** Splits text into lines no wider than `width` (at words, or anywhere in CJK text, which has no spaces). */
function wrap(text: string, width: number, fontPx: number): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uFF00-\uFFEF]+\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && textWidth(line + token, fontPx) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
