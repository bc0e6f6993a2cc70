// examples/browser/index.html, the page README points users to, loads the bundle and trains.
import { expect, it } from 'vitest';

/** Opens `url` in an iframe and waits for the page to set body[data-status]. */
async function openPage(url: string, timeoutMs: number): Promise<HTMLElement> {
  const frame = document.createElement('iframe');
  frame.src = url;
  document.body.append(frame);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The frame's document is another realm: no instanceof against this page's classes.
    const body = frame.contentDocument?.body;
    if (body && body.dataset.status !== undefined) return body;
    if (Date.now() > deadline)
      throw new Error(
        `${url} did not finish in ${timeoutMs} ms: ${body?.textContent ?? 'no document'}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('the smoke page fits y = 2x - 1 on webgl', async () => {
  const body = await openPage('/examples/browser/index.html', 60_000);
  const text = body.querySelector('#log')?.textContent ?? '';
  expect(body.dataset.status, text).toBe('done');
  expect(text).toMatch(/^backend: webgl \(tfjs 4\.22\.\d+\)$/m);
  const fit = /w = (-?[\d.]+), b = (-?[\d.]+)/.exec(text);
  expect(Number(fit?.[1])).toBeCloseTo(2, 2);
  expect(Number(fit?.[2])).toBeCloseTo(-1, 2);
});
