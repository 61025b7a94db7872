/**
 * What a sweep worker's bundle has in place of zod: scripts/bundle-worker.ts aliases the package
 * to this file. A worker never validates — its tasks carry scenarios the main thread validated —
 * and the modules' parameter sections are built only when read (`sections`, scenario/params.ts),
 * which a worker never does. What still runs in a worker is the few schemas modules build as they
 * load (an intervention's `args`, the shared blocks such as `share` and `isoDate`): here each of
 * those building calls gives an inert placeholder. Anything else — a parse, reading a schema's
 * shape or its metadata, a builder not listed below — throws at once, so a worker that ever came
 * to validate (or a module that began to read a schema as it loads) fails loudly instead of
 * passing unchecked; tests/experiment/worker-schemas.test.ts runs tasks through the bundle.
 *
 * Why: zod was 735 of the bundle's 1,040 KB, and its own initialisation plus the shared blocks
 * and eager schemas about 17 ms of CPU in every new worker thread before its first run
 * (docs/performance.md, part 16w).
 */

/** The `z.…` functions modules call as they load. */
const MAKERS = new Set(['object', 'number', 'string', 'boolean', 'enum', 'literal', 'array', 'record', 'union', 'discriminatedUnion', 'never', 'unknown']);
/** The schema methods that make another schema (`count.max(most)`, `p(…)`'s `.meta({ … })`). */
const REFINERS = new Set([
  'min', 'max', 'int', 'positive', 'nonnegative', 'regex', 'refine', 'superRefine', 'strict', 'meta', 'describe',
  'nullable', 'optional', 'default', 'extend', 'array',
]);

function refuse(what: string): never {
  throw new Error(
    `${what}: zod is not in the sweep worker's bundle (src/experiment/zod-stand-in.ts). A worker runs scenarios the main thread validated; ` +
    'if this code must use a schema in a worker, build it when first read (sections(), src/scenario/params.ts) or take zod back into the bundle (scripts/bundle-worker.ts).',
  );
}

const name = (key: string | symbol) => (typeof key === 'symbol' ? key.toString() : key);

/** Every schema a worker builds: its refining methods give it back, everything else refuses. */
const schema: object = new Proxy({}, {
  get(_target, key) {
    if (key === 'meta') return meta;
    if (typeof key === 'string' && REFINERS.has(key)) return refine;
    return refuse(`a schema's .${name(key)}`);
  },
});

function refine(): object {
  return schema;
}

/** `.meta({ … })` sets a description (a maker); `.meta()` reads it, which a worker has no reason to. */
function meta(...args: unknown[]): object {
  return args.length === 0 ? refuse("reading a schema's .meta()") : schema;
}

export const z: unknown = new Proxy({}, {
  get(_target, key) {
    if (typeof key === 'string' && MAKERS.has(key)) return refine;
    return refuse(`z.${name(key)}`);
  },
});
