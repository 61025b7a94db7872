import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { assembleScenario } from '../../src/model/index.js';
import { BUILTIN_MODULES } from '../../src/modules/index.js';
import { qScenario, ROOT } from '../helpers.js';

const doc = readFileSync(join(ROOT, 'docs/metrics.md'), 'utf8');

describe('docs/metrics.md', () => {
  it('documents every daily metric of every built-in module with its unit', () => {
    const metrics = assembleScenario({ modules: [...BUILTIN_MODULES.keys()] }).metrics;
    for (const m of metrics) expect(doc, m.name).toContain(`| \`${m.name}\` | ${m.unit} |`);
  });

  it('documents every top-level summary key', () => {
    const summary = runScenario(qScenario('lockdown-2020', { 'community.compounds': 1 })).summary;
    for (const key of Object.keys(summary)) expect(doc, key).toMatch(new RegExp(`\`${key}[.\`]`));
  });
});
