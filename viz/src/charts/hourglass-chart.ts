/**
 * Drawing a HourglassSpec with D3: one horizontal bar per layer, top to bottom, each centred on
 * the same vertical axis so a wide waist and narrow ends read as an hourglass (or its
 * opposite). Each bar carries `data-layer` and `data-value`, so tests read what is drawn.
 */
import * as d3 from 'd3';
import type { HourglassSpec } from '../data/hourglass.js';
import { OKABE_ITO } from '../palette.js';
import { chartSvg, formatNumber } from './line-chart.js';

export function drawHourglass(container: HTMLElement, spec: HourglassSpec, opts: { width: number; height: number }): SVGSVGElement {
  container.replaceChildren();
  container.classList.add('chart');
  const { width, height } = opts;
  const margin = { top: 44, right: 24, bottom: 40, left: 190 };
  const innerW = width - margin.left - margin.right;
  const innerH = Math.max(60, height - margin.top - margin.bottom);
  const svg = chartSvg(container, width, height, spec.id, spec.title);
  svg.append('text').attr('class', 'title').attr('x', 12).attr('y', 22).text(spec.title).style('font-size', '15px');

  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const y = d3.scaleBand<string>().domain(spec.rows.map((r) => r.key)).range([0, innerH]).padding(0.2);
  const max = Math.max(1e-9, ...spec.rows.map((r) => (Number.isFinite(r.value) ? r.value : 0)));
  // Half widths either side of the centre line: the bar's full width is proportional to its load.
  const half = d3.scaleLinear().domain([0, max]).range([0, innerW / 2 - 40]);
  const cx = innerW / 2;
  plot.append('line').attr('class', 'grid').attr('x1', cx).attr('x2', cx).attr('y1', 0).attr('y2', innerH).attr('stroke', '#ccc');
  for (const r of spec.rows) {
    const v = Number.isFinite(r.value) ? r.value : 0;
    const top = y(r.key)!;
    svg.append('text').attr('class', 'tick-label').attr('x', margin.left - 10).attr('y', margin.top + top + y.bandwidth() / 2)
      .attr('text-anchor', 'end').attr('dominant-baseline', 'middle').text(r.label);
    plot.append('rect').attr('class', 'bar')
      .attr('x', cx - half(v)).attr('width', 2 * half(v))
      .attr('y', top).attr('height', y.bandwidth())
      .attr('fill', OKABE_ITO.blue)
      .attr('data-layer', r.key).attr('data-value', r.value)
      .append('title').text(`${r.label}: ${formatNumber(v, 2)}`);
    plot.append('text').attr('class', 'value').attr('x', cx + half(v) + 6).attr('y', top + y.bandwidth() / 2)
      .attr('dominant-baseline', 'middle').text(Number.isFinite(r.value) ? formatNumber(r.value, 2) : '–');
  }
  svg.append('text').attr('class', 'axis-label').attr('x', margin.left + cx).attr('y', height - 12).attr('text-anchor', 'middle').text(spec.xLabel);
  return svg.node()!;
}
