/** HTML summaries under the Q(t) and group charts. */
import { escapeHtml, formatNumber } from '../charts/line-chart.js';
import type { MeasureRow } from '../data/measures.js';
import { groupQColumn } from '../../../src/modules/resilience/index.js';
import { RESIDENT_GROUPS } from '../../../src/modules/community/index.js';
import { t } from '../i18n.js';

export function measuresHtml(rows: MeasureRow[]): string {
  return rows.map((r) => {
    const rapidity = Number.isNaN(r.rapidityDays) ? t('neverRecovers') : `${formatNumber(r.rapidityDays, 1)} ${t('days')}${r.neverRecovered ? ` (${r.neverRecovered}× ${t('neverRecovers')})` : ''}`;
    return `<dl data-run="${escapeHtml(r.label)}"><div><dt>${escapeHtml(r.label)}</dt><dd>n = ${r.replicates}</dd></div>`
      + `<div><dt>${t('robustness')}</dt><dd data-measure="robustness">${formatNumber(r.robustness, 3)}</dd></div>`
      + `<div><dt>${t('rapidity')}</dt><dd data-measure="rapidity">${rapidity}</dd></div>`
      + `<div><dt>${t('loss')}</dt><dd data-measure="loss">${formatNumber(r.lossNeedDays, 2)} ${t('needDays')}</dd></div></dl>`;
  }).join('');
}

export function groupTableHtml(rows: MeasureRow[]): string {
  if (rows.length === 0) return '';
  const head = `<tr><th>${t('unmetNeedDays')}</th>${RESIDENT_GROUPS.map((g) => `<th>${escapeHtml(t(groupQColumn(g)))}</th>`).join('')}</tr>`;
  const body = rows.map((r) => `<tr><td>${escapeHtml(r.label)}</td>${RESIDENT_GROUPS.map((g) => `<td class="num" data-group="${g}">${formatNumber(r.unmetNeedDays[g], 2)}</td>`).join('')}</tr>`).join('');
  return `<table>${head}${body}</table>`;
}
