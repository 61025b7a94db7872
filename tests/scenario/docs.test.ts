/** The examples in docs/scenarios.md load and fail as the guide says they do. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatProblem } from '../../src/scenario/errors.js';
import { readRelativeFile, SCENARIOS_DIR } from '../../src/scenario/load.js';
import { parseScenario } from '../../src/scenario/parse.js';

const guide = readFileSync(join(import.meta.dirname, '../../docs/scenarios.md'), 'utf8');
const beside = (name: string) => join(SCENARIOS_DIR, 'q-community', name);

describe('docs/scenarios.md', () => {
  it('has a worked variant that loads, with the dates the text promises', () => {
    const block = guide.split('<!-- example: late-switch.yaml')[1]?.split('```yaml\n')[1]?.split('```')[0];
    expect(block).toBeTruthy();
    const { scenario, provenance } = parseScenario(block!, beside('late-switch.yaml'), readRelativeFile);
    expect(scenario.timeline.regimeSwitch).toBe('2020-03-06');
    expect(guide).toContain('2020-03-06');
    expect(scenario.partyMembers.perBuilding).toEqual({ min: 1, max: 2 });
    expect(provenance['timeline.regimeSwitch'].kind).toBe('assumed');
    expect(scenario.regimes.later.subsidised).toBe(true); // inherited
  });

  it('shows the messages the loader really gives', () => {
    const bad = [
      '# yaml-language-server: $schema=../schema.json',
      'extends: lockdown-2020.yaml',
      'name: Q community lockdown — late switch, fewer party members',
      'timeline:',
      '  regimeSwitch: { value: 56, assumed: "ten days later" }',
      'volunteers:',
      '  hoursPerDay: { value: 4, assumd: "longer shifts" }',
      'partyMembers:',
      '  perBuiding: { value: { min: 1, max: 2 }, assumed: "fewer" }',
      'regimes:',
      '  later:',
      '    quality: 1.2',
      '',
    ].join('\n');
    let problems: string[] = [];
    try {
      parseScenario(bad, 'late-switch.yaml', (rel) => ({ file: beside(rel), text: readFileSync(beside(rel), 'utf8') }));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      problems = e.problems.map(formatProblem);
    }
    expect(problems).toHaveLength(3);
    for (const line of problems) expect(guide).toContain(`  ${line}\n`);
  });
});
