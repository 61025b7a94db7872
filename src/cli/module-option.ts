/**
 * `--module FILE` (repeatable): modules of the user's own, from files that export them (made
 * with defineModule). A scenario can then name them in `modules:`. A run's manifest records the
 * files, so `crsim run manifest.json` finds them again.
 */
import { readFileSync } from 'node:fs';
import type { ModelOptions } from '../model/index.js';
import { importModuleFiles, moduleFileUrl } from '../model/module-files.js';

/** Commander collector: keeps every `--module` in the order given. */
export function collectModule(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The module files a run manifest recorded, if the file is one that did. */
function manifestModuleFiles(file: string): string[] | undefined {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { moduleFiles?: unknown };
    return Array.isArray(json.moduleFiles) && json.moduleFiles.every((f) => typeof f === 'string') ? json.moduleFiles : undefined;
  } catch {
    return undefined;
  }
}

/** The model options for `--module` files (or, with none given, those a manifest recorded). */
export async function moduleOptions(files: string[] | undefined, input?: string): Promise<ModelOptions> {
  const chosen = files?.length ? files : input ? manifestModuleFiles(input) : undefined;
  if (!chosen?.length) return {};
  const moduleFiles = chosen.map(moduleFileUrl);
  return { modules: await importModuleFiles(moduleFiles), moduleFiles };
}
