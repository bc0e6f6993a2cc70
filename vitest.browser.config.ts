/// <reference types="@vitest/browser/providers/playwright" />
// The browser suite (test/browser/**): headless Chromium driven by playwright, loading the
// esbuild bundle (dist/browser/tfgraph.js, built by the global setup). Run by `npm test` after
// the Node suite, or alone with `npm run test:browser`.
import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/** Debian's chromium (apt-get install chromium); playwright downloads no browser here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** .ci/run sets this, so a missing browser fails CI instead of skipping the suite. */
const REQUIRED = process.env.TFGRAPH_BROWSER_TESTS === 'required';

const available = existsSync(CHROMIUM);
if (!available) {
  const why = `tfgraph browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (REQUIRED) throw new Error(why);
  console.warn(`${why}: skipping them.`);
}

// eslint-disable-next-line no-restricted-syntax -- vitest reads a config file's default export.
export default defineConfig({
  test: {
    include: available ? ['test/browser/**/*.test.ts'] : [],
    passWithNoTests: !available,
    globalSetup: ['test/browser/global_setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    browser: {
      enabled: true,
      provider: 'playwright',
      headless: true,
      // One page: tfjs keeps one engine per page, and SwiftShader is slow enough without company.
      fileParallelism: false,
      screenshotFailures: false,
      instances: [
        {
          browser: 'chromium',
          launch: {
            executablePath: CHROMIUM,
            // WebGL2 without a GPU: ANGLE on SwiftShader (Vulkan on the CPU). Recent Chromium
            // picks it by itself when headless; the two flags make that explicit, since Chromium
            // now gates software WebGL behind --enable-unsafe-swiftshader.
            args: [
              '--no-sandbox',
              '--use-angle=swiftshader',
              '--enable-unsafe-swiftshader',
              '--disable-background-networking',
              '--disable-component-update',
              '--disable-sync',
              '--no-first-run',
            ],
          },
        },
      ],
    },
  },
});
