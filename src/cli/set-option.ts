/** `--set path=value` (repeatable): values are YAML scalars, so `0.5`, `true`, `null`, `2020-02-20` and `{min: 1, max: 3}` mean what they would in the file. */
import { parse as parseYaml } from 'yaml';
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';

/** Commander collector: keeps every `--set` in the order given. */
export function collectSet(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `["a.b=1", "c=x"]` → `{ "a.b": 1, c: "x" }`; a later setting of the same path wins. */
export function parseSetOptions(settings: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const problems: ScenarioProblem[] = [];
  for (const setting of settings) {
    const eq = setting.indexOf('=');
    if (eq <= 0) {
      problems.push({ file: '--set', path: setting, message: 'expected path=value, e.g. --set regimes.later.subsidised=false' });
      continue;
    }
    const path = setting.slice(0, eq).trim();
    const text = setting.slice(eq + 1);
    try {
      out[path] = text.trim() === '' ? null : parseYaml(text);
    } catch (e) {
      problems.push({ file: '--set', path, message: `the value ${JSON.stringify(text)} is not a YAML value: ${(e as Error).message.split('\n')[0]}` });
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return out;
}
