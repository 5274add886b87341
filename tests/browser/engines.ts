/**
 * One way to launch each engine the reader suite runs in, all from Debian packages (see
 * `../shared/notes/browsers.md`), behind one small page interface:
 * - Chromium through playwright-core (CDP);
 * - Firefox ESR through puppeteer-core (WebDriver BiDi, built into Firefox);
 * - WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver) and webdriverio, under Xvfb.
 * Errors are not read from engine-specific console APIs (WebKit's driver has none): the test
 * server loads `probe.ts` first in every page, and `problems()` reads what it recorded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type KeyInput } from 'puppeteer-core';
import { Key, remote } from 'webdriverio';
import { chromiumArgs, chromiumPath, firefoxPath, miniBrowserPath, webkitDriverPath, xvfbRunPath } from '../../scripts/browsers.ts';
import { poll } from './poll.ts';
import { readProbe, type ProbeReport } from './probe.ts';

export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Keys the suite presses; a chord (`Control+k`) holds its modifier while pressing the key. */
export type KeyName = 'Tab' | 'Enter' | 'Escape' | 'ArrowDown' | 'ArrowUp' | '/' | 'h' | Chord;
/** Chords: `Shift+ArrowRight` extends a selection by a character, as a keyboard reader selects. */
type Chord = 'Control+k' | 'Shift+ArrowRight';
const isChord = (key: KeyName): key is Chord => key.includes('+') && key.length > 1;
const chord = (key: Chord) => key.split('+') as ['Control' | 'Shift', 'k' | 'ArrowRight'];

export interface PageOptions {
  javaScript?: boolean;
  width?: number;
  height?: number;
  /** A touch screen, for `tap()`. */
  touch?: boolean;
  /**
   * The engine's caret browsing on (F7 in Chromium and Firefox), as a reader who selects text
   * with the keyboard has it: a caret in the text, Shift and the arrows to select.
   */
  caretBrowsing?: boolean;
}

export interface ReaderPage {
  readonly engine: EngineName;
  readonly javaScript: boolean;
  /** Load a path of the site in full (a new document, even if only the fragment differs). */
  goto(path: string): Promise<void>;
  url(): Promise<string>;
  /** Run a self-contained function in the page (it is serialised: no outer variables). */
  evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<Awaited<R>>;
  /** Poll `fn` in the page until it returns something truthy. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  press(key: KeyName): Promise<void>;
  type(text: string): Promise<void>;
  /** A real pointer click on the centre of the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** The mouse moved over the first line of the first element matching `selector` (scrolled into view). */
  hover(selector: string): Promise<void>;
  /**
   * A touch tap on the first line of the first element matching `selector` (the page needs
   * `touch`). WebKitGTK's driver has no touch input (it sends a touch action as a mouse): there,
   * the pointer events a tap produces are dispatched in the page, then the element is clicked.
   */
  tap(selector: string): Promise<void>;
  /** What the page's error probe recorded (nothing can fail with JavaScript off). */
  probe(): Promise<ProbeReport>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  newPage(options?: PageOptions): Promise<ReaderPage>;
  close(): Promise<void>;
}

/**
 * A site path ("/x/") under the server's address, base path included ("http://h/sub/path/x/");
 * a full URL is left alone. (The URL constructor would drop the base path.)
 */
function under(baseURL: string): (path: string) => string {
  return (path) => (/^[a-z]+:/.test(path) ? path : `${baseURL.replace(/\/$/, '')}${path}`);
}

const WIDTH = 1280;
const HEIGHT = 900;

/**
 * In the page: scroll the element into the middle of the view at once, and give the centre of
 * its first line box, where a reader would point (a link wrapped over two lines has no text at
 * the centre of its bounds).
 */
function pointAt(selector: string): { x: number; y: number } | null {
  const el = document.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: 'center', behavior: 'instant' });
  const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
  return { x: Math.round(r.left + Math.min(r.width / 2, 20)), y: Math.round(r.top + r.height / 2) };
}

async function pointOrFail(find: Promise<{ x: number; y: number } | null>, selector: string): Promise<{ x: number; y: number }> {
  const point = await find;
  if (!point) throw new Error(`no element matches ${selector}`);
  return point;
}

async function launchChromium(baseURL: string): Promise<Engine> {
  const at = under(baseURL);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  // Caret browsing is a switch of the whole browser: a second one, launched when first asked for.
  let withCaret: ReturnType<typeof chromium.launch> | undefined;
  return {
    name: 'chromium',
    async newPage({ javaScript = true, width = WIDTH, height = HEIGHT, touch = false, caretBrowsing = false } = {}) {
      const context = await (caretBrowsing ? await (withCaret ??= chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, '--enable-caret-browsing'] })) : browser).newContext({
        baseURL,
        viewport: { width, height },
        javaScriptEnabled: javaScript,
        hasTouch: touch,
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      const page = await context.newPage();
      return {
        engine: 'chromium',
        javaScript,
        goto: async (path) => void (await page.goto(at(path))),
        url: async () => page.url(),
        evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
        waitFor: async (fn, arg, timeoutMs = 10_000) => void (await page.waitForFunction(fn as never, arg, { timeout: timeoutMs })),
        press: (key) => page.keyboard.press(key),
        type: (text) => page.keyboard.type(text),
        click: (selector) => page.locator(selector).first().click(),
        hover: async (selector) => {
          const { x, y } = await pointOrFail(page.evaluate(pointAt, selector), selector);
          await page.mouse.move(x, y);
        },
        tap: async (selector) => {
          const { x, y } = await pointOrFail(page.evaluate(pointAt, selector), selector);
          await page.touchscreen.tap(x, y);
        },
        probe: () => readProbe(javaScript, () => page.evaluate(() => (window as unknown as { __probe?: unknown }).__probe)),
        close: () => context.close(),
      };
    },
    close: async () => {
      await browser.close();
      await (await withCaret)?.close();
    },
  };
}

async function launchFirefox(baseURL: string): Promise<Engine> {
  const at = under(baseURL);
  // Firefox over BiDi cannot switch JavaScript off per page: a second browser is launched with
  // the preference off, the first time a no-JS page is asked for.
  const browsers = new Map<boolean, Promise<PuppeteerBrowser>>();
  const browserFor = (javaScript: boolean) => {
    let browser = browsers.get(javaScript);
    if (!browser) {
      browser = puppeteer.launch({
        browser: 'firefox',
        executablePath: firefoxPath,
        headless: true,
        extraPrefsFirefox: javaScript ? {} : { 'javascript.enabled': false },
      });
      browsers.set(javaScript, browser);
    }
    return browser;
  };
  return {
    name: 'firefox',
    // `caretBrowsing` asks nothing of Firefox: Shift and the arrows extend a caret placed in the
    // text without it (its preference, accessibility.browsewithcaret, would need a browser of its own).
    async newPage({ javaScript = true, width = WIDTH, height = HEIGHT } = {}) {
      const context = await (await browserFor(javaScript)).createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      const press = async (key: KeyName) => {
        if (isChord(key)) {
          const [modifier, pressed] = chord(key);
          await page.keyboard.down(modifier);
          await page.keyboard.press(pressed);
          await page.keyboard.up(modifier);
        } else {
          await page.keyboard.press(key as KeyInput);
        }
      };
      return {
        engine: 'firefox',
        javaScript,
        goto: async (path) => void (await page.goto(at(path))),
        url: async () => page.url(),
        evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
        waitFor: (fn, arg, timeoutMs = 10_000) => poll(() => page.evaluate(fn as never, arg), timeoutMs, fn.toString()),
        press,
        type: (text) => page.keyboard.type(text),
        // With JavaScript off, ElementHandle.click() never resolves in Firefox: click by coordinates.
        click: async (selector) => {
          const { x, y } = await pointOrFail(page.evaluate(pointAt, selector), selector);
          await page.mouse.click(x, y);
        },
        hover: async (selector) => {
          const { x, y } = await pointOrFail(page.evaluate(pointAt, selector), selector);
          await page.mouse.move(x, y);
        },
        tap: async (selector) => {
          const { x, y } = await pointOrFail(page.evaluate(pointAt, selector), selector);
          await page.touchscreen.tap(x, y);
        },
        probe: () => readProbe(javaScript, () => page.evaluate(() => (window as unknown as { __probe?: unknown }).__probe)),
        close: () => context.close(),
      };
    },
    async close() {
      for (const browser of browsers.values()) await (await browser).close();
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

async function launchWebKit(baseURL: string): Promise<Engine> {
  const at = under(baseURL);
  const port = await freePort();
  // MiniBrowser has no headless mode: the driver and every browser it starts share one Xvfb.
  // Detached, so the whole group (xvfb-run, Xvfb, the driver, browsers) ends with one signal.
  const driver: ChildProcess = spawn(xvfbRunPath, ['-a', '-s', '-screen 0 1920x1200x24', webkitDriverPath, `--port=${port}`, '--host=127.0.0.1'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, WEBKIT_DISABLE_DMABUF_RENDERER: '1' },
  });
  const stopDriver = () => {
    try {
      if (driver.pid) process.kill(-driver.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stopDriver);
  await poll(() => fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok), 15_000, 'WebKitWebDriver to start');
  let toolbar: { width: number; height: number } | undefined;
  return {
    name: 'webkit',
    async newPage({ javaScript = true, width = WIDTH, height = HEIGHT, caretBrowsing = false } = {}) {
      const browser = await remote({
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        connectionRetryTimeout: 30_000,
        connectionRetryCount: 1,
        capabilities: {
          browserName: 'MiniBrowser',
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': {
            binary: miniBrowserPath,
            args: ['--automation', ...(javaScript ? [] : ['--enable-javascript=false']), ...(caretBrowsing ? ['--enable-caret-browsing=true'] : [])],
          },
        } as WebdriverIO.Capabilities,
      });
      // The window includes MiniBrowser's toolbar: size it so the page's viewport is width × height.
      // The toolbar is measured once (it is the same in every window): 0.4 s less per page.
      if (!toolbar) {
        await browser.setWindowSize(width, height);
        const [innerWidth, innerHeight] = await browser.execute(() => [window.innerWidth, window.innerHeight]);
        toolbar = { width: width - innerWidth, height: height - innerHeight };
      }
      await browser.setWindowSize(width + toolbar.width, height + toolbar.height);
      const keys: Record<Exclude<KeyName, Chord>, string[]> = {
        Tab: [Key.Tab],
        Enter: [Key.Enter],
        Escape: [Key.Escape],
        ArrowDown: [Key.ArrowDown],
        ArrowUp: [Key.ArrowUp],
        '/': ['/'],
        h: ['h'],
      };
      return {
        engine: 'webkit',
        javaScript,
        goto: async (path) => void (await browser.url(at(path))),
        url: () => browser.getUrl(),
        evaluate: (fn, arg) => browser.execute(fn as never, arg) as never,
        waitFor: (fn, arg, timeoutMs = 10_000) => poll(() => browser.execute(fn as never, arg), timeoutMs, fn.toString()),
        // `keys()` leaves a modifier held down until it is sent again: send the chord as actions.
        press: async (key) => {
          if (!isChord(key)) return browser.keys(keys[key]);
          const [modifier, pressed] = chord(key);
          const [down, up] = [{ Control: Key.Ctrl, Shift: Key.Shift }[modifier], { k: 'k', ArrowRight: Key.ArrowRight }[pressed]];
          await browser.action('key').down(down).down(up).up(up).up(down).perform();
        },
        type: (text) => browser.keys([...text]),
        click: async (selector) => {
          // The page scrolls smoothly (CSS): scroll instantly first, or the click lands mid-scroll.
          await browser.execute((s: string) => document.querySelector(s)?.scrollIntoView({ block: 'center', behavior: 'instant' }), selector);
          await browser.$(selector).click();
        },
        hover: async (selector) => {
          const { x, y } = await pointOrFail(browser.execute(pointAt, selector), selector);
          await browser.action('pointer', { parameters: { pointerType: 'mouse' } }).move({ x, y, origin: 'viewport' }).perform();
        },
        tap: async (selector) => {
          await pointOrFail(browser.execute(pointAt, selector), selector);
          await browser.execute((s: string) => {
            const el = document.querySelector<HTMLElement>(s)!;
            const touch = { pointerType: 'touch', isPrimary: true, bubbles: true, composed: true };
            el.dispatchEvent(new PointerEvent('pointerdown', touch));
            el.dispatchEvent(new PointerEvent('pointerup', touch));
            el.click();
          }, selector);
        },
        probe: () => readProbe(javaScript, () => browser.execute(() => (window as unknown as { __probe?: unknown }).__probe)),
        close: () => browser.deleteSession(),
      };
    },
    async close() {
      stopDriver();
      process.off('exit', stopDriver);
    },
  };
}

export function launchEngine(name: EngineName, baseURL: string): Promise<Engine> {
  return { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebKit }[name](baseURL);
}
