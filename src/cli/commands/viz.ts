/** `crsim viz`: serve the built visualizer on localhost and print its URL. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { isLoopbackHost, serveStatic, VIZ_DIST } from '../static-server.js';
import { parsePort } from '../options.js';
import { reportErrors } from '../report-errors.js';
import { UserError } from '../../user-error.js';

export function registerViz(program: Command): void {
  program
    .command('viz')
    .description('serve the visualizer (a web app) on localhost and print its URL')
    .option('--port <n>', 'port (default: 5174; 0 picks a free one)', parsePort, 5174)
    .option('--host <host>', 'loopback interface to listen on (127.0.0.0/8, ::1 or localhost)', '127.0.0.1')
    .action((opts: { port: number; host: string }) => reportErrors('option', async () => {
      if (!isLoopbackHost(opts.host)) {
        throw new UserError(`--host ${opts.host} is not a loopback address; the visualizer is served on localhost only (127.0.0.0/8, ::1, localhost)`);
      }
      if (!existsSync(join(VIZ_DIST, 'index.html'))) throw new UserError(`the visualizer is not built (no ${VIZ_DIST}); run \`npm run build\` first`);
      let url: string;
      try {
        ({ url } = await serveStatic(VIZ_DIST, opts.port, opts.host));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new UserError(`cannot listen on ${opts.host}:${opts.port}: ${code === 'EADDRINUSE' ? 'the port is in use; pick another with --port' : code}`);
        throw e;
      }
      process.stdout.write(`crsim viz: serving the visualizer at ${url}\n(press Ctrl+C to stop)\n`);
    }));
}
