import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportHtml, scriptSafeJson } from '../../src/cli/commands/report.js';

const tmp = mkdtempSync(join(tmpdir(), 'crsim-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('crsim report page', () => {
  it('embeds data that cannot close its <script> element and parses back unchanged', () => {
    const value = { name: 'a </script><script>alert(1)</script> <!-- b', line: '\u2028' };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('says which file is missing when the folder is not a run folder', () => {
    expect(() => reportHtml(tmp)).toThrow(/timeseries\.csv not found/);
  });

  it('inlines the bundle and the run’s files into one page, escaping the scenario name', () => {
    const run = join(tmp, 'run');
    const bundle = join(tmp, 'bundle');
    mkdirSync(run);
    mkdirSync(bundle);
    writeFileSync(join(run, 'timeseries.csv'), 'date,day,phase,q\n2020-01-10,0,normal,1\n');
    writeFileSync(join(run, 'manifest.json'), JSON.stringify({ scenario: { name: 'A <b>' }, seed: { master: 7, replicate: 2 } }));
    writeFileSync(join(bundle, 'report.js'), 'window.reportBundle = "</script>";');
    writeFileSync(join(bundle, 'report.css'), 'body{}');
    const html = reportHtml(run, { bundleDir: bundle, lang: 'zh' });
    expect(html).toContain('<title>A &lt;b&gt; · crsim report</title>');
    expect(html).toContain('随机种子 7，重复 2');
    expect(html).toContain('window.reportBundle = "<\\/script>";');
    const data = JSON.parse(/<script type="application\/json" id="crsim-run">(.*?)<\/script>/s.exec(html)![1]);
    expect(data.timeseriesCsv).toBe('date,day,phase,q\n2020-01-10,0,normal,1\n');
    expect(data.lang).toBe('zh');
  });
});
