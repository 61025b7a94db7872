/**
 * The visualizer's Vite build. The app lives in viz/ but imports the simulation from ../src, so
 * the browser runs exactly the library's model. It is built into dist/viz so that the published
 * package (whose `files` include dist) carries it, and `crsim viz` can serve it.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the built app works from any folder and any static server.
  base: './',
  server: { fs: { allow: [repo] } },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/viz', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
