/**
 * Waiting on a condition that takes a promise to read. Playwright's `waitForFunction` takes a
 * synchronous predicate only: an `async` one returns a Promise, which is truthy, so it passes at
 * once without waiting (microsoft/playwright#29132). These poll from Node instead.
 */
import type { Page } from 'playwright-core';

/**
 * Poll `check` every 50 ms until it gives a truthy value; a check that throws counts as not yet.
 * A timeout says what the last check gave or threw and how long it took: a wait that fails once in
 * many CI runs must say whether the page never got there or the driver stopped answering.
 */
export async function poll(check: () => Promise<unknown>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let checks = 0;
  for (;;) {
    const started = Date.now();
    const outcome = await check().then(
      (value) => ({ value, error: undefined }),
      (error: unknown) => ({ value: false, error }),
    );
    checks++;
    if (outcome.value) return;
    if (Date.now() > deadline) {
      const last = outcome.error === undefined ? `gave ${String(outcome.value)}` : `threw ${String(outcome.error).slice(0, 300)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${checks} checks; the last ${last} in ${Date.now() - started} ms)`);
    }
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
