/**
 * Waiting on a condition that takes a promise to read. Playwright's `waitForFunction` takes a
 * synchronous predicate only: an `async` one returns a Promise, which is truthy, so it passes at
 * once without waiting (microsoft/playwright#29132). These poll from Node instead.
 */
import type { Page } from 'playwright-core';

/** Poll `check` every 50 ms until it gives a truthy value; a check that throws counts as not yet. */
export async function poll(check: () => Promise<unknown>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Wait until an async function, run in the page, gives a truthy value (a navigation in between is retried). */
export function waitInPage(page: Page, fn: () => Promise<unknown>, timeoutMs = 10_000): Promise<void> {
  return poll(() => page.evaluate(fn), timeoutMs, fn.toString());
}

/** Wait until the service worker controls the page and has kept it. */
export async function pageKept(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await waitInPage(page, async () => {
    for (const key of await caches.keys()) {
      if (await (await caches.open(key)).match(location.origin + location.pathname)) return true;
    }
    return false;
  });
}
