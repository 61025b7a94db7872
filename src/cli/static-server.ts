/**
 * A small static file server for the built visualizer (node:http, no dependencies). It serves
 * one folder on localhost only, with the MIME types a Vite build needs (module workers must be
 * served as JavaScript). It refuses paths that climb out of the folder, also through symbolic
 * links (real paths are compared), answers only GET and HEAD, and only requests whose Host header
 * names a loopback host (so a web page cannot reach it through DNS rebinding).
 *
 * sirv was considered: it follows symbolic links out of its folder and checks neither the method
 * nor the Host header, so it would need the same checks around it.
 */
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.yaml': 'text/yaml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The package root, found from this file whether it runs from src/ (tsx) or dist/ (built). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm run build` puts the visualizer. */
export const VIZ_DIST = join(PACKAGE_ROOT, 'dist', 'viz');
/** Where it puts the report bundle that `crsim report` inlines. */
export const REPORT_DIST = join(PACKAGE_ROOT, 'dist', 'viz-report');

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Whether `host` is a loopback address (127.0.0.0/8, ::1) or `localhost`: the server has no
 * access control, so it must not be reachable from other machines.
 */
export function isLoopbackHost(host: string): boolean {
  if (host.toLowerCase() === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** The host name of a Host header (`localhost:5174`, `[::1]:80`, `127.0.0.1`), or undefined if malformed. */
export function hostOfHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^\[([0-9a-fA-F:.]+)\](?::\d+)?$/.exec(header) ?? /^([^:\[\]]+)(?::\d+)?$/.exec(header);
  return m?.[1];
}

/** The real path of `file` if it lies inside `realBase` (symbolic links resolved), else undefined. */
function insideReal(realBase: string, file: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return undefined;
  }
  return real === realBase || real.startsWith(realBase + sep) ? real : undefined;
}

export function serveStatic(root: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const base = resolve(root);
  const realBase = realpathSync(base);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed');
      return;
    }
    const requestedHost = hostOfHeader(req.headers.host);
    if (!requestedHost || !isLoopbackHost(requestedHost)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden: this server answers only to localhost');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      // Malformed percent-encoding (`/%E0%A4%A`): the client's mistake, not a reason to crash.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const real = insideReal(realBase, file);
    if (!real) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
      return;
    }
    if (!statSync(real).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', 'content-length': statSync(real).size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // A file that cannot be read (permissions, removed meanwhile) ends this response, not the server.
    createReadStream(real).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        server,
        // IPv6 literals need brackets in a URL.
        url: `http://${isIP(host) === 6 ? `[${host}]` : host}:${actual}/`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
