/**
 * Drawing a StackedBarSpec with D3: one bar per year, its shares stacked bottom to top in the
 * order of the series, a legend, and a tooltip (a <title>) per segment. Each segment carries
 * `data-year`, `data-key` and `data-value`, so tests read what is drawn.
 */
import * as d3 from 'd3';
import type { StackedBarSpec } from '../data/years.js';
import { lang } from '../i18n.js';
import { chartSvg, formatNumber, textWidth } from './line-chart.js';

export function drawStackedBars(container: HTMLElement, spec: StackedBarSpec, opts: { width: number; height: number }): SVGSVGElement {
  container.replaceChildren();
  container.classList.add('chart');
  const { width, height } = opts;
  const margin = { top: 64, right: 24, bottom: 34, left: 58 };
  const innerW = width - margin.left - margin.right;
  const innerH = Math.max(60, height - margin.top - margin.bottom);
  const zh = lang() === 'zh';
  const svg = chartSvg(container, width, height, spec.id, spec.title);
  svg.append('text').attr('class', 'title').attr('x', 12).attr('y', 22).text(spec.title).style('font-size', '15px');

  const legend = svg.append('g').attr('class', 'legend').attr('transform', `translate(${margin.left},36)`);
  let lx = 0;
  for (const s of spec.series) {
    const g = legend.append('g').attr('transform', `translate(${lx},0)`);
    g.append('rect').attr('width', 14).attr('height', 10).attr('y', 1).attr('fill', s.colour);
    g.append('text').attr('x', 20).attr('y', 10).text(s.label);
    lx += 20 + textWidth(s.label, 11.5) + 18;
  }

  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const x = d3.scaleBand<string>().domain(spec.years).range([0, innerW]).padding(0.25);
  const y = d3.scaleLinear().domain([0, 1]).range([innerH, 0]);
  plot.append('g').attr('class', 'grid').call(d3.axisLeft(y).ticks(5).tickSize(-innerW).tickFormat(() => ''));
  plot.append('g').attr('class', 'axis x').attr('transform', `translate(0,${innerH})`)
    .call(d3.axisBottom(x).tickFormat((yr) => (zh ? `${yr}年` : yr)));
  plot.append('g').attr('class', 'axis y').call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('.0%')));
  svg.append('text').attr('class', 'axis-label').attr('transform', `translate(14,${margin.top + innerH / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(spec.yLabel);

  spec.years.forEach((year, i) => {
    let base = 0;
    for (const s of spec.series) {
      const v = s.values[i];
      if (!Number.isFinite(v)) continue;
      plot.append('rect').attr('class', 'bar')
        .attr('x', x(year)!).attr('width', x.bandwidth())
        .attr('y', y(base + v)).attr('height', Math.max(0, y(base) - y(base + v)))
        .attr('fill', s.colour)
        .attr('data-year', year).attr('data-key', s.key).attr('data-value', v)
        .append('title').text(`${zh ? `${year}年` : year} · ${s.label}: ${formatNumber(v * 100, 1)} % (${spec.totalLabel}: ${formatNumber(spec.totals[i], 0)})`);
      base += v;
    }
  });
  return svg.node()!;
}
