import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../src/index.js';
import { main } from '../../src/cli/cli.js';
import { convAutoencoderGraph } from './small_graphs.js';

// Debian's chromium package; CI (.ci/run) installs it, so this test only skips on a machine without it.
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const ARTIFACTS = resolve(import.meta.dirname, '../../test-results');

if (!haveChromium)
  console.warn(`viewer.test.ts: SKIPPED, ${CHROMIUM} is missing (apt-get install -y chromium)`);

describe.skipIf(!haveChromium)(
  `the HTML viewer in headless Chromium${haveChromium ? '' : ` (skipped: ${CHROMIUM} missing)`}`,
  () => {
    let browser: Browser;
    let page: Page;
    const errors: string[] = [];
    const requests: string[] = [];

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const pb = tf.train.writeGraph(convAutoencoderGraph(), ARTIFACTS, 'viewer.pb', false);
      const html = join(ARTIFACTS, 'viewer.html');
      const io = { stdout: () => undefined, stderr: (s: string) => errors.push(s) };
      expect(await main(['inspect', pb, '--html', html], io)).toBe(0);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
      page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning')
          errors.push(`console.${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(html).href);
      await page.waitForSelector('body[data-layouts="1"]', { timeout: 60_000 });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('loads with no console errors and fetches nothing but the file itself', () => {
      expect(errors).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      expect(requests).toHaveLength(1);
    });

    it('shows the top-level scopes as collapsed boxes, and the input op', async () => {
      for (const scope of ['encoder', 'decoder', 'loss', 'gradients', 'Adam']) {
        const box = page.locator(`.scope.closed[data-scope="${scope}"]`);
        await expect.poll(() => box.isVisible()).toBe(true);
        expect(await box.textContent()).toMatch(new RegExp(`^\\+ ${scope}\\d[\\d,]* ops`));
      }
      expect(await page.locator('[data-op="x"] > text').allTextContents()).toEqual([
        'x',
        'Placeholder',
      ]);
      expect(await page.locator('.scope[data-scope="encoder/conv1"]').count()).toBe(0);
      // Edges carry the shapes of the tensors between boxes.
      const labels = await page.locator('text.shape').allTextContents();
      expect(labels).toContain('?×28×28×1');
      expect(labels).toContain('?×14×14×16');
    });

    it('expands a scope on click (its child scopes appear) and collapses it on a second click', async () => {
      await page.locator('.scope.closed[data-scope="encoder"]').click();
      await page.waitForSelector('body[data-layouts="2"]');
      await expect
        .poll(() => page.locator('.scope.open[data-scope="encoder"]').isVisible())
        .toBe(true);
      for (const child of ['encoder/conv1', 'encoder/conv2']) {
        expect(await page.locator(`.scope.closed[data-scope="${child}"]`).isVisible()).toBe(true);
      }
      await page.locator('.scope.closed[data-scope="encoder/conv1"]').click();
      await page.waitForSelector('body[data-layouts="3"]');
      // conv1's own ops, with their types.
      // Named like its type: the type is not repeated.
      expect(
        await page.locator('[data-op="encoder/conv1/Conv2D"] > text').allTextContents(),
      ).toEqual(['Conv2D']);
      expect(
        await page.locator('.scope.closed[data-scope="encoder/conv1/kernel"]').isVisible(),
      ).toBe(true);
      expect(await page.locator('[data-op="encoder/conv1/Relu"]').isVisible()).toBe(true);
      await page.locator('#fit').click();
      await page.screenshot({ path: join(ARTIFACTS, 'viewer.png') });

      // The open scope's header strip (its title text lets clicks through to the frame).
      await page
        .locator('.scope.open[data-scope="encoder"] > rect')
        .click({ position: { x: 40, y: 12 } });
      await page.waitForSelector('body[data-layouts="4"]');
      expect(await page.locator('.scope.closed[data-scope="encoder"]').isVisible()).toBe(true);
      expect(await page.locator('[data-scope="encoder/conv1"]').count()).toBe(0);
      expect(errors).toEqual([]);
    });
  },
);
