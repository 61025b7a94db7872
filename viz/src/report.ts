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
import { dashboardCharts } from './data/chart-spec.js';
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
  const rows = measureRows([run]);
  const specs = dashboardCharts([run], files.threshold ?? 0.95);
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
    const wide = spec.id === 'q' || spec.id === 'groups';
    const { div, host } = card(wide);
    (wide ? root : grid).append(div);
    const svg = drawLineChart(host, spec, { width: wide ? 1000 : 490, height: wide ? 340 : 250 });
    addExportButtons(div, svg, `crsim-${spec.id}`);
    if (spec.id === 'q') div.insertAdjacentHTML('beforeend', `<div class="measures">${measuresHtml(rows)}</div>`);
    if (spec.id === 'groups') div.insertAdjacentHTML('beforeend', `<div class="group-table">${groupTableHtml(rows)}</div>`);
  }
  // The five societies' network has more than twice the actors: a wide card.
  const network = networkOf(run);
  const wideNet = network.actors.length > 10;
  const net = card(wideNet);
  grid.append(net.div);
  const day = busiestDay(run);
  addExportButtons(net.div, drawNetwork(net.host, network, flowsOn(run, day), run.dates[day], { width: wideNet ? 1000 : 490, height: wideNet ? 480 : 320 }), 'crsim-network');
  root.append(grid);
  document.body.dataset.ready = 'true';
  document.title = `${t('appTitle')} · ${run.label}`;
}

main();
