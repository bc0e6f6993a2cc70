// Runs in Node before the browser suite: build the bundle the tests load.
import { buildBrowser } from '../../scripts/build_browser.js';

export async function setup(): Promise<void> {
  await buildBrowser({ quiet: true });
}
