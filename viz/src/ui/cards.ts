/** A chart card: the drawing plus its SVG and PNG export buttons. */
import { exportPng, exportSvg } from '../charts/export.js';
import { t } from '../i18n.js';

export function addExportButtons(card: HTMLElement, svg: SVGSVGElement, name: string): void {
  card.querySelector('.card-tools')?.remove();
  const tools = document.createElement('div');
  tools.className = 'card-tools';
  const title = svg.querySelector('.title')?.textContent ?? name;
  for (const [kind, label] of [['svg', t('exportSvg')], ['png', t('exportPng')]] as const) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.export = kind;
    b.setAttribute('aria-label', `${t('exportLabel')} ${label}: ${title}`);
    b.addEventListener('click', () => (kind === 'svg' ? exportSvg(svg, name) : void exportPng(svg, name)));
    tools.append(b);
  }
  card.prepend(tools);
}
