/**
 * The lesson's big monitors: three numbers a class can read from the back of the room. Each
 * element carries its number as `data-value` (money: `data-total`, and `data-channel` per bar),
 * so tests read what is shown rather than parse text in two languages.
 */
import { channelLabel, type Monitors } from '../data/monitors.js';
import { formatNumber } from '../charts/line-chart.js';
import { t, tf } from '../i18n.js';

const el = (tag: string, cls: string, text = '') => Object.assign(document.createElement(tag), { className: cls, textContent: text });

function monitor(id: string, title: string, value: string, note: string, dataValue: string): HTMLElement {
  const box = el('div', 'monitor');
  box.id = id;
  box.dataset.value = dataValue;
  box.append(el('div', 'monitor-title', title), el('div', 'monitor-value', value), el('div', 'monitor-note', note));
  return box;
}

export function renderMonitors(host: HTMLElement, m: Monitors | null): void {
  host.hidden = !m;
  if (!m) return host.replaceChildren();
  const unfed = monitor('monitor-unfed', t('monitorUnfed'), m.unfed === null ? '–' : formatNumber(m.unfed, 0), tf('monitorUnfedOf', { households: formatNumber(m.households, 0) }), String(m.unfed ?? ''));
  // No pool in the model: 0 volunteers, said in words; a day not yet run: a dash and no data-value.
  const volunteers = monitor('monitor-volunteers', t('monitorVolunteers'), formatNumber(m.volunteers ?? 0, 0),
    m.volunteers === null ? t('monitorNoSociety') : tf('monitorVolunteerHours', { hours: formatNumber(m.volunteerHours ?? NaN, 0) }),
    m.volunteers === null ? '0' : Number.isNaN(m.volunteers) ? '' : String(m.volunteers));
  const money = monitor('monitor-money', t('monitorMoney'), `¥${formatNumber(m.moneyTotal, 0)}`, m.money === null ? t('monitorNoSociety') : t('monitorMoneySoFar'), String(m.moneyTotal));
  money.dataset.total = String(Math.round(m.moneyTotal));
  if (m.money && m.moneyTotal > 0) {
    // One bar per source, as a share of all money so far: whether it is one source or many is the point (paper 001).
    const bars = el('div', 'money-bars');
    for (const { channel, yuan } of m.money) {
      const row = el('div', 'money-row');
      row.dataset.channel = channel;
      row.dataset.value = String(Math.round(yuan));
      const bar = el('span', 'money-bar');
      bar.style.width = `${(100 * yuan) / m.moneyTotal}%`;
      row.append(el('span', 'money-label', t(channelLabel(channel))), el('span', 'money-track'), el('span', 'money-yuan', formatNumber(yuan, 0)));
      row.querySelector('.money-track')!.append(bar);
      bars.append(row);
    }
    money.append(bars);
  }
  host.replaceChildren(unfed, volunteers, money);
}
