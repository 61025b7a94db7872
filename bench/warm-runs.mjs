// N default-size runs of the compiled model (dist/), nothing printed: for counting instructions,
// which do not depend on the machine's load (a script, not a test). Build first (npx tsc -p .);
// the difference of two counts cancels start-up and JIT:
//
//   valgrind --tool=cachegrind --cache-sim=no --smc-check=all-non-file --cachegrind-out-file=/dev/null node bench/warm-runs.mjs 10
//   valgrind … node bench/warm-runs.mjs 30        # (I refs of 30 − I refs of 10) / 20 = instructions per warm run
const root = new URL('../dist/', import.meta.url).href;
const { createSimulation } = await import(root + 'model/index.js');
const { DEFAULT_SCENARIO, loadScenario } = await import(root + 'scenario/load.js');
const scenario = loadScenario(DEFAULT_SCENARIO).scenario;
const n = Number(process.argv[2] ?? 10);
for (let i = 0; i < n; i++) createSimulation(scenario, `warmup/${i}`).run();
