/** Writes docs/parameters.md from the schema and the default scenario (`npm run docs:parameters`). */
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DEFAULT_SCENARIO, loadScenario } from '../src/scenario/load.js';
import { parametersMarkdown } from '../src/scenario/reference.js';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'docs/parameters.md');
writeFileSync(out, parametersMarkdown(loadScenario(DEFAULT_SCENARIO), relative(root, DEFAULT_SCENARIO)));
process.stdout.write(`wrote ${relative(process.cwd(), out)}\n`);
