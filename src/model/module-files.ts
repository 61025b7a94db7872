/**
 * Modules from files of your own, by path or URL: what lets worker threads run them, since a
 * worker cannot be sent a function but can import the file it came from. A file's exported module
 * definitions (any export that has a name and a description, or an array of them) are taken.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModuleDef } from '../engine/index.js';

const isModuleDef = (x: unknown): x is ModuleDef<any> =>
  typeof x === 'object' && x !== null && typeof (x as ModuleDef).name === 'string' && typeof (x as ModuleDef).description === 'string';

/** A path (relative to the working directory) or URL as the URL workers import. */
export function moduleFileUrl(file: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) && !/^[a-z]:[\\/]/i.test(file)) return file;
  return pathToFileURL(isAbsolute(file) ? file : resolve(file)).href;
}

const TYPESCRIPT = /\.[mc]?tsx?$/i;

/**
 * Imports one module file. A TypeScript file loads natively where a TypeScript loader is active
 * (a program run with tsx); elsewhere — worker threads do not inherit tsx's loader — through
 * tsx's own import API when tsx is installed.
 */
async function importFile(url: string): Promise<Record<string, unknown>> {
  if (!TYPESCRIPT.test(url)) return import(url);
  try {
    return await import(url);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  }
  const tsx = await import('tsx/esm/api').catch(() => null);
  if (!tsx) throw new Error(`${url} is TypeScript and no TypeScript loader is available: install tsx (npm i -D tsx) or compile the module to JavaScript`);
  return tsx.tsImport(url, import.meta.url) as Promise<Record<string, unknown>>;
}

const loaded = new Map<string, Promise<ModuleDef<any>[]>>();

/** The module definitions the files export, in file order (each file imported once per thread). */
export async function importModuleFiles(files: readonly string[]): Promise<ModuleDef<any>[]> {
  const lists = await Promise.all(files.map((file) => {
    const url = moduleFileUrl(file);
    let defs = loaded.get(url);
    if (!defs) {
      defs = importFile(url).then((exports) => {
        const found = Object.values(exports).flatMap((v) => (Array.isArray(v) ? v : [v])).filter(isModuleDef);
        if (found.length === 0) throw new Error(`${file} exports no module (an object made with defineModule, with a name and a description)`);
        return [...new Set(found)];
      });
      loaded.set(url, defs);
    }
    return defs;
  }));
  return lists.flat();
}
