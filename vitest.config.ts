/**
 * Vitest's settings for the whole suite. The only change from the defaults: a test may take a
 * minute, not 5 s. Many tests run the model or spawn the CLI and sweep workers; on a 2-core machine
 * under load, 5 s timed out tests whose assertions held (timeouts are not what any test checks —
 * performance figures live in the bench scripts).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
