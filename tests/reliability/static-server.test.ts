/** crsim viz's server: only files really inside its folder, only GET and HEAD, only to a loopback Host. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOfHeader, serveStatic, type StaticServer } from '../../src/cli/static-server.js';
import { tempDir } from '../experiment/helpers.js';

let server: StaticServer;
let port: number;
const outside = tempDir('crsim-outside-');
const root = tempDir('crsim-www-');

beforeAll(async () => {
  writeFileSync(join(outside, 'secret.txt'), 'secret\n');
  writeFileSync(join(root, 'index.html'), '<p>hello</p>\n');
  mkdirSync(join(root, 'sub'));
  writeFileSync(join(root, 'sub', 'a.js'), 'export {};\n');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(outside, join(root, 'leakdir'));
  symlinkSync(join(root, 'sub', 'a.js'), join(root, 'inside-link.js'));
  server = await serveStatic(root, 0, '127.0.0.1');
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

function get(path: string, opts: { method?: string; host?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.host ? { host: opts.host } : {} }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  it('serves files inside the folder, and links that stay inside', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: '<p>hello</p>\n' });
    expect(await get('/sub/a.js')).toMatchObject({ status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    expect((await get('/inside-link.js')).status).toBe(200);
  });

  it('refuses symbolic links that lead out of the folder', async () => {
    expect(await get('/leak.txt')).toMatchObject({ status: 403 });
    expect(await get('/leakdir/secret.txt')).toMatchObject({ status: 403 });
    expect((await get('/leak.txt')).body).not.toContain('secret');
    const climb = await get(`/%2e%2e/%2e%2e${outside}/secret.txt`);
    expect(climb.status).toBe(404); // the URL's dot segments are resolved first: it names a path inside
    expect(climb.body).not.toContain('secret');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await get('/', { method: 'HEAD' })).toMatchObject({ status: 200, body: '', headers: { 'content-length': '13' } });
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      expect(await get('/', { method })).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD' } });
    }
  });

  it('answers only to a loopback Host header', async () => {
    expect((await get('/', { host: `localhost:${port}` })).status).toBe(200);
    expect((await get('/', { host: `[::1]:${port}` })).status).toBe(200);
    expect((await get('/', { host: 'evil.example' })).status).toBe(403);
    expect((await get('/', { host: `attacker.test:${port}` })).status).toBe(403);
    expect((await get('/', { host: '10.0.0.1' })).status).toBe(403);
  });

  it('reads host names out of Host headers', () => {
    expect(hostOfHeader('localhost:5174')).toBe('localhost');
    expect(hostOfHeader('[::1]:80')).toBe('::1');
    expect(hostOfHeader('127.0.0.1')).toBe('127.0.0.1');
    expect(hostOfHeader('a:b:c')).toBeUndefined();
    expect(hostOfHeader(undefined)).toBeUndefined();
  });
});
