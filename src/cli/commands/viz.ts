/** `crsim viz`: serve the built visualizer on localhost and print its URL. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { isLoopbackHost, serveStatic, VIZ_DIST } from '../static-server.js';

export function registerViz(program: Command): void {
  program
    .command('viz')
    .description('serve the visualizer (a web app) on localhost and print its URL')
    .option('--port <n>', 'port (default: 5174; 0 picks a free one)', (v) => Number(v), 5174)
    .option('--host <host>', 'loopback interface to listen on (127.0.0.0/8, ::1 or localhost)', '127.0.0.1')
    .action(async (opts: { port: number; host: string }) => {
      if (!isLoopbackHost(opts.host)) {
        process.stderr.write(`crsim viz: --host ${opts.host} is not a loopback address; the visualizer is served on localhost only (127.0.0.0/8, ::1, localhost)\n`);
        process.exit(2);
      }
      if (!existsSync(join(VIZ_DIST, 'index.html'))) {
        process.stderr.write(`crsim: the visualizer is not built (no ${VIZ_DIST}); run \`npm run build\` first\n`);
        process.exit(1);
      }
      const { url } = await serveStatic(VIZ_DIST, opts.port, opts.host);
      process.stdout.write(`crsim viz: serving the visualizer at ${url}\n(press Ctrl+C to stop)\n`);
    });
}
