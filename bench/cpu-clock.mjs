// Preloaded by bench/engine-vs-plain.ts (`node --import ./bench/cpu-clock.mjs script.mjs`):
// performance.now() then reads this process's CPU time (user + system, all threads, in ms),
// so a benchmark script that times itself with performance.now() reports CPU time, which the
// other engineers' load on a shared machine disturbs far less than wall time.
import { performance } from 'node:perf_hooks';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
Object.defineProperty(performance, 'now', { value: cpuMs, configurable: true, writable: true });
