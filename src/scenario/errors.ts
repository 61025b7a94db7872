/** The one error a scenario loader throws: every problem found, each with file, path and message. */
export interface ScenarioProblem {
  file: string;
  /** Dotted path inside the document, e.g. `timeline.regimeSwitch`; empty for the whole file. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export function formatProblem(p: ScenarioProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : p.file;
  return `${where}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}
