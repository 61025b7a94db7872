/**
 * The static report page that `crsim report RUN_DIR` writes: the run's files are embedded as
 * JSON in the page, and this script (inlined as one IIFE, no imports, no network) draws the same
 * charts as the app from them. It carries no simulation code.
 */
// Inlined into the report page like everything else: Chinese renders offline without a CJK font.
import '../generated/cjk-font.css';
import './report.css';
import { CHART_CSS } from './charts/style.js';
import { drawLineChart } from './charts/line-chart.js';
import { drawNetwork } from './charts/network-chart.js';
import { drawStackedBars } from './charts/bar-chart.js';
import { drawHourglass } from './charts/hourglass-chart.js';
import { dashboardCharts, hasValues, institutionCharts } from './data/chart-spec.js';
import { MULTI_YEAR_DAYS, routingByYearChart } from './data/years.js';
import { hourglassChart } from './data/hourglass.js';
import { measureRows } from './data/measures.js';
import { busiestDay, flowsOn, networkOf } from './data/network.js';
import { runFromFolder, type RunFolderFiles } from './data/timeseries-csv.js';
import { setLang, t, type Lang } from './i18n.js';
import { addExportButtons } from './ui/cards.js';
import { groupTableHtml, measuresHtml } from './ui/tables.js';

function main() {
  const embedded = document.getElementById('crsim-run')?.textContent;
  const root = document.getElementById('report');
  if (!embedded || !root) return;
  const files = JSON.parse(embedded) as RunFolderFiles & { lang?: Lang; threshold?: number };
  setLang(files.lang ?? 'en');
  const style = document.createElement('style');
  style.textContent = CHART_CSS;
  document.head.append(style);
  const run = runFromFolder(files);
  // The measures table reads the lockdown model's resilience measures: only for a run that has them.
  const lockdown = run.metrics.some((m) => m.name === 'q');
  const rows = lockdown ? measureRows([run]) : [];
  // A run without the lockdown model's metrics (N street, the Dalian grid) skips those charts.
  const specs = [...dashboardCharts([run], files.threshold ?? 0.95).filter(hasValues), ...institutionCharts([run])];
  const card = (wide: boolean) => {
    const div = document.createElement('div');
    div.className = `card${wide ? ' wide' : ''}`;
    const host = document.createElement('div');
    div.append(host);
    return { div, host };
  };
  const grid = document.createElement('div');
  grid.className = 'grid';
  for (const spec of specs) {
    // A run of several years gets every chart full width, so each year keeps its label.
    const wide = spec.id === 'q' || spec.id === 'groups' || run.dates.length > MULTI_YEAR_DAYS;
    const { div, host } = card(wide);
    (wide ? root : grid).append(div);
    const svg = drawLineChart(host, spec, { width: wide ? 1000 : 490, height: wide ? 340 : 250 });
    addExportButtons(div, svg, `crsim-${spec.id}`);
    if (spec.id === 'q') div.insertAdjacentHTML('beforeend', `<div class="measures">${measuresHtml(rows)}</div>`);
    if (spec.id === 'groups') div.insertAdjacentHTML('beforeend', `<div class="group-table">${groupTableHtml(rows)}</div>`);
  }
  // Routing shares by year (paper 002), for a run that routes issues: a wide card.
  const routing = routingByYearChart(run);
  const hourglass = hourglassChart(run);
  if (routing) {
    const { div, host } = card(true);
    root.append(div);
    addExportButtons(div, drawStackedBars(host, routing, { width: 1000, height: 320 }), 'crsim-routing');
    // A run that routes issues without governanceLoad: say where the hourglass would go.
    if (!hourglass) div.insertAdjacentHTML('beforeend', `<p class="note">${t('hourglassNote')}</p>`);
  }
  // The load by layer (paper 004), centred bars top to bottom: a wide card.
  if (hourglass) {
    const { div, host } = card(true);
    root.append(div);
    addExportButtons(div, drawHourglass(host, hourglass, { width: 1000, height: 300 }), 'crsim-hourglass');
  }
  root.append(grid);
  document.body.dataset.ready = 'true';
  document.title = `${t('appTitle')} · ${run.label}`;
  // The actors network is the lockdown model's: drawn only for a run that has its metrics.
  if (!lockdown) return;
  // The five societies' network has more than twice the actors: a wide card.
  const network = networkOf(run);
  const wideNet = network.actors.length > 10;
  const net = card(wideNet);
  grid.append(net.div);
  const day = busiestDay(run);
  addExportButtons(net.div, drawNetwork(net.host, network, flowsOn(run, day), run.dates[day], { width: wideNet ? 1000 : 490, height: wideNet ? 480 : 320 }), 'crsim-network');
}

main();
