/**
 * The bundle `crsim report` inlines into its self-contained HTML page: one IIFE script (no
 * module imports, so it runs from file:// offline) with the chart code but not the simulation.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('../dist/viz-report', import.meta.url)),
    emptyOutDir: true,
    cssCodeSplit: false,
    lib: {
      entry: fileURLToPath(new URL('./src/report.ts', import.meta.url)),
      name: 'crsimReport',
      formats: ['iife'],
      fileName: () => 'report.js',
      cssFileName: 'report',
    },
  },
});
