/**
 * Thrown when a variant cannot be branched from a warm start; says which parameters differ. A file
 * of its own so that the command line can recognise it (src/cli/exit.ts) without loading the model.
 */
export class WarmStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WarmStartError';
  }
}
