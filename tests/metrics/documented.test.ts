import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dailyMetrics } from '../../src/metrics/daily.js';
import { runScenario } from '../../src/experiment/run.js';
import { qScenario, ROOT } from '../helpers.js';

const doc = readFileSync(join(ROOT, 'docs/metrics.md'), 'utf8');

describe('docs/metrics.md', () => {
  it('documents every daily metric with its unit', () => {
    for (const m of dailyMetrics) expect(doc, m.name).toContain(`| \`${m.name}\` | ${m.unit} |`);
  });

  it('documents every top-level summary key', () => {
    const summary = runScenario(qScenario('lockdown-2020', { 'community.compounds': 1 })).summary;
    for (const key of Object.keys(summary)) expect(doc, key).toMatch(new RegExp(`\`${key}[.\`]`));
  });
});
