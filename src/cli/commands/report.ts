/**
 * `crsim report RUN_DIR`: one self-contained HTML file with the run's charts. The run's files are
 * embedded as JSON and the chart script (dist/viz-report/report.js, built with the visualizer)
 * is inlined, so the page opens offline from disk, with no server and no network.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { REPORT_DIST } from '../static-server.js';
import { readRunFolder } from '../run-folder.js';
import { UserError } from '../../user-error.js';
import { reportErrors } from '../report-errors.js';

/** JSON that is safe inside a <script> element (no `</script>`, no HTML comment openers). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface ReportOptions {
  lang?: 'en' | 'zh';
  /** Folder holding report.js and report.css (default: the built one). */
  bundleDir?: string;
}

export function reportHtml(runDir: string, opts: ReportOptions = {}): string {
  const dir = resolve(runDir);
  const { timeseriesCsv, manifestJson, summaryJson, manifest } = readRunFolder(dir, runDir);
  const bundleDir = opts.bundleDir ?? REPORT_DIST;
  const jsFile = join(bundleDir, 'report.js');
  if (!existsSync(jsFile)) throw new UserError(`the report bundle is not built (no ${jsFile}); run \`npm run build\` first`);
  const js = readFileSync(jsFile, 'utf8');
  const css = existsSync(join(bundleDir, 'report.css')) ? readFileSync(join(bundleDir, 'report.css'), 'utf8') : '';
  const name: string = manifest.scenario?.name ?? basename(dir);
  const zh = opts.lang === 'zh';
  const seed = manifest.seed ? (zh ? `随机种子 ${manifest.seed.master}，重复 ${manifest.seed.replicate}` : `seed ${manifest.seed.master}, replicate ${manifest.seed.replicate}`) : '';
  const dates = manifest.dates ? `${manifest.dates.start} – ${manifest.dates.end} (${manifest.dates.days} ${zh ? '天' : 'days'})` : '';
  const version = manifest.package ? `${manifest.package.name} ${manifest.package.version}` : '';
  const data = { timeseriesCsv, summaryJson, manifestJson, label: name, lang: opts.lang ?? 'en', threshold: manifest.scenario?.resilience?.recoveryThreshold };
  return `<!doctype html>
<html lang="${opts.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(name)} · crsim report</title>
<style>${css}</style>
</head>
<body>
<header>
<h1>${escapeHtml(name)}</h1>
<p>${escapeHtml([seed, dates, version].filter(Boolean).join(' · '))}</p>
<p>${zh ? '运行结果文件夹' : 'Run folder'}: ${escapeHtml(dir)}</p>
</header>
<main id="report"></main>
<script type="application/json" id="crsim-run">${scriptSafeJson(data)}</script>
<script>${js.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write one self-contained HTML page (opens offline) with the charts of a run folder')
    .argument('<run-dir>', 'a folder written by crsim run')
    .option('--out <file>', 'HTML file to write (default: RUN_DIR/report.html)')
    .option('--lang <lang>', 'language of the labels: en or zh', 'en')
    .action((runDir: string, opts: { out?: string; lang: string }) => reportErrors('run folder', () => {
      // A wrong folder, a damaged file or a missing build is the user's to fix: exit 1, one message.
      if (opts.lang !== 'en' && opts.lang !== 'zh') throw new UserError(`--lang must be en or zh, not ${opts.lang}`);
      if (opts.out !== undefined && opts.out.trim() === '') throw new UserError('--out is empty: name the HTML file to write');
      const html = reportHtml(runDir, { lang: opts.lang });
      const out = resolve(opts.out ?? join(runDir, 'report.html'));
      writeFileSync(out, html);
      process.stdout.write(`${out}\n`);
    }));
}
