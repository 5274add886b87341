/**
 * Where the browsers and tools the tests drive live on Debian, and the packages that bring them.
 * One place, used by the set-up check (`ensure-test-deps.ts`), the engine launchers and the bench.
 */

/** Debian's Chromium; CHROMIUM_PATH overrides it for other systems. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags that work in this sandboxed, offline environment (no GPU, no background traffic). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const firefoxPath = '/usr/bin/firefox-esr';
export const webkitDriverPath = '/usr/bin/WebKitWebDriver';
export const miniBrowserPath = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const xvfbRunPath = '/usr/bin/xvfb-run';
export const javaPath = '/usr/bin/java';
/** The W3C EPUBCheck Debian ships (a jar: run it with `java -jar`). */
export const epubcheckPath = '/usr/share/java/epubcheck.jar';

/** What `npm test` needs from apt: a file that must exist, and the package that provides it. */
export const testRequirements: ReadonlyArray<{ file: string; pkg: string; why: string }> = [
  { file: chromiumPath, pkg: 'chromium', why: 'Chromium for every browser test' },
  { file: firefoxPath, pkg: 'firefox-esr', why: 'Firefox for the reader suite' },
  { file: webkitDriverPath, pkg: 'webkit2gtk-driver', why: 'the WebKit driver for the reader suite' },
  { file: miniBrowserPath, pkg: 'libwebkit2gtk-4.1-0', why: 'WebKitGTK’s MiniBrowser for the reader suite' },
  { file: xvfbRunPath, pkg: 'xvfb', why: 'a virtual display for WebKit' },
  { file: '/usr/bin/xauth', pkg: 'xauth', why: 'xvfb-run’s X authority' },
  { file: javaPath, pkg: 'default-jre-headless', why: 'Java for the W3C Nu Html Checker' },
  { file: epubcheckPath, pkg: 'epubcheck', why: 'the W3C EPUBCheck for every EPUB' },
];
