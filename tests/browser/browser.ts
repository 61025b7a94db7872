/**
 * The one place the browser tests get a Chromium and launch it (playwright-core, headless, a fresh
 * profile per launch so no state leaks between runs). playwright-core never downloads a browser,
 * so `npm ci` alone must leave one the tests can use. Which Chromium, in this order:
 *
 * 1. `CHROMIUM_PATH`, if set: the user said which one, so a wrong path is an error, not a hint
 *    to try something else.
 * 2. A system `chromium`, `chromium-browser` or `google-chrome` on the PATH.
 * 3. The headless Chromium inside the npm package `@sparticuz/chromium` (a devDependency; the
 *    binary is in the tarball, so `npm ci` needs no download or install script), unpacked once
 *    into node_modules/.cache/. Linux x64 only.
 *
 * If none is found, launching fails with a message saying how to fix it: the tests are never
 * skipped for want of a browser.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Where browser tests leave screenshots for a reader to look at. */
export const ARTIFACTS = join(ROOT, 'tests/artifacts');
/** The CLI from source, as the browser tests run it to write the folders the page opens. */
export const TSX = join(ROOT, 'node_modules/.bin/tsx');
export const CLI = join(ROOT, 'src/cli/main.ts');
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];

export interface FoundChromium {
  executablePath: string;
  source: 'CHROMIUM_PATH' | 'PATH' | '@sparticuz/chromium';
  /** Extra environment for the browser process (the bundled one's libraries and fonts). */
  env: Record<string, string>;
  /** Extra command-line switches this Chromium needs. */
  args: string[];
}

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The first of `names` found as an executable file in a folder of the PATH, as `which` does. */
function onPath(names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      if (isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

const HOW_TO_FIX =
  'Fix it with one of: run `npm ci` (installs @sparticuz/chromium, a headless Chromium for Linux x64); ' +
  `install Chromium or Google Chrome so that one of ${SYSTEM_NAMES.join(', ')} is on the PATH; ` +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/**
 * The bundled Chromium, unpacked into node_modules/.cache/crsim-chromium-<version>/ with
 * everything it loads at run time beside it. The package's executablePath() unpacks into
 * os.tmpdir(), and returns whatever `chromium` it finds there, even another version or a file
 * another process is still writing; so it runs in a child process whose TMPDIR is a fresh folder
 * of ours, which is then renamed into place in one step. Concurrent test runs at worst unpack
 * twice, and the first rename wins.
 */
async function bundledChromium(): Promise<FoundChromium> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`No Chromium for the browser tests: none on the PATH, and the bundled @sparticuz/chromium runs on Linux x64 only (this is ${process.platform} ${process.arch}). ${HOW_TO_FIX}`);
  }
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  } catch {
    throw new Error(`No Chromium for the browser tests: none on the PATH and @sparticuz/chromium is not installed (were devDependencies omitted?). ${HOW_TO_FIX}`);
  }
  // The package's exports hide package.json and bin/; both sit two folders above its entry point.
  const pkgDir = resolve(dirname(entry), '../..');
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const cacheRoot = join(ROOT, 'node_modules/.cache');
  const dir = join(cacheRoot, `crsim-chromium-${version}`);
  if (!existsSync(join(dir, 'chromium'))) {
    mkdirSync(cacheRoot, { recursive: true });
    const staging = mkdtempSync(join(cacheRoot, '.crsim-chromium-unpack-'));
    try {
      // chromium.br → chromium; fonts.tar.br → fonts/; swiftshader.tar.br → libEGL, libGLESv2, libvulkan beside it.
      execFileSync(process.execPath, ['--input-type=module', '-e',
        "import c from '@sparticuz/chromium'; process.stdout.write(await c.executablePath());"],
      { cwd: ROOT, env: { ...process.env, TMPDIR: staging }, stdio: ['ignore', 'pipe', 'pipe'] });
      // The package unpacks al2023.tar.br only on AWS Lambda, but its lib/ (NSS, NSPR, expat) holds
      // the only libraries besides glibc and libgcc that the binary links against, and none of them
      // is on a minimal Debian or Ubuntu. Using them everywhere means one configuration, tested here.
      const tar = spawnSync('tar', ['-x', '--no-same-owner', '-C', staging], { input: await brotliToBuffer(join(pkgDir, 'bin/al2023.tar.br')) });
      if (tar.status !== 0) throw new Error(`tar failed unpacking al2023.tar.br: ${tar.stderr}`);
      // Fonts: the machine's own configuration where it has one (so the bundled Chromium draws
      // text as the system's would), and the bundled Open Sans (no CJK) so that a machine without
      // any fonts still lays text out with real glyph sizes. The package's own fonts.conf names
      // /tmp/fonts, where it unpacks on Lambda, so it cannot be used from here.
      writeFileSync(join(staging, 'fonts.conf'), [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        `  <dir>${join(dir, 'fonts/fonts')}</dir>`,
        `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'));
      try {
        renameSync(staging, dir);
      } catch (e) {
        // Another run unpacked the same version first; use its copy.
        if (!existsSync(join(dir, 'chromium'))) throw e;
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return {
    executablePath: join(dir, 'chromium'),
    source: '@sparticuz/chromium',
    env: {
      LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
    // It is chrome-headless-shell: headless only, whatever headless mode Playwright asks for.
    args: [],
  };
}

async function brotliToBuffer(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(createReadStream(path), createBrotliDecompress(), async function* (source) {
    for await (const chunk of source) chunks.push(chunk as Buffer);
  });
  return Buffer.concat(chunks);
}

/** The Chromium the browser tests use (see the top of this file for the order). */
export async function findChromium(): Promise<FoundChromium> {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`CHROMIUM_PATH=${explicit} is not an executable file. Point it at a Chromium or Chrome executable, or unset it to let the tests find one.`);
    return { executablePath: explicit, source: 'CHROMIUM_PATH', env: {}, args: [] };
  }
  const system = onPath(SYSTEM_NAMES);
  if (system) return { executablePath: system, source: 'PATH', env: {}, args: [] };
  return bundledChromium();
}

/** Shared libraries the dynamic loader cannot find for `executable` (empty if ldd is unavailable). */
function missingLibraries(executable: string, env: Record<string, string>): string[] {
  const ldd = spawnSync('ldd', [executable], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return (ldd.stdout ?? '').split('\n').filter((l) => l.includes('not found')).map((l) => l.trim().split(' ')[0]);
}

export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void>; found: FoundChromium }> {
  const found = await findChromium();
  const profile = mkdtempSync(join(tmpdir(), 'crsim-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: found.executablePath,
      headless: true,
      env: { ...process.env, ...found.env } as Record<string, string>,
      viewport: { width: 1280, height: 720 },
      acceptDownloads: true,
      // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start. --disable-gpu:
      // software rendering, the same with or without a GPU. The rest keep a test run off the
      // network and free of first-run work.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', ...found.args],
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    const missing = missingLibraries(found.executablePath, found.env);
    throw new Error(`Could not launch Chromium for the browser tests (${found.source}: ${found.executablePath}).` +
      (missing.length ? ` Missing shared libraries: ${missing.join(', ')}.` : '') +
      ` ${HOW_TO_FIX}\n${(e as Error).message}`, { cause: e });
  }
  return {
    context,
    found,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
