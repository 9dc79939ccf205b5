import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the admin page in a real browser (Debian's /usr/bin/chromium, driven by
// playwright-core). Kept out of `npm test`, which needs no browser.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
