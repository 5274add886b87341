/**
 * The reader suite's error probe: a same-origin script the test server loads first in every page
 * (`startStaticServer({ inject })`), the same in every engine. It records what a reader would
 * suffer from: console errors, uncaught exceptions, unhandled rejections, resources that failed
 * to load and Content-Security-Policy violations (which also catch any request to another
 * origin, since the policy allows only 'self'). It also notes what the page wrote to the
 * clipboard, once the browser accepted it.
 */
export const PROBE_PATH = '/__reader-probe.js';

export const PROBE_SCRIPT = `(() => {
  const problems = [];
  const copied = [];
  Object.defineProperty(window, '__probe', { value: { problems, copied } });
  const text = (value) => {
    if (value instanceof Error) return value.name + ': ' + value.message;
    try { return typeof value === 'string' ? value : JSON.stringify(value); } catch { return String(value); }
  };
  const consoleError = console.error.bind(console);
  console.error = (...args) => { problems.push('console.error: ' + args.map(text).join(' ')); consoleError(...args); };
  addEventListener('error', (event) => {
    const target = event.target;
    if (target && target !== window) problems.push('failed to load: ' + (target.src || target.href || target.tagName));
    else problems.push('uncaught: ' + event.message);
  }, true);
  addEventListener('unhandledrejection', (event) => problems.push('unhandled rejection: ' + text(event.reason)));
  document.addEventListener('securitypolicyviolation', (event) => problems.push('CSP: ' + event.violatedDirective + ' ' + event.blockedURI));
  const clipboard = navigator.clipboard;
  if (clipboard && clipboard.writeText) {
    const writeText = clipboard.writeText.bind(clipboard);
    clipboard.writeText = (value) => writeText(value).then(() => { copied.push(value); });
  }
})();`;

export interface ProbeReport {
  problems: string[];
  copied: string[];
}

/** Reads the probe; with JavaScript on, a page without it is itself a problem (the gate must not pass blind). */
export async function readProbe(javaScript: boolean, read: () => Promise<unknown>): Promise<ProbeReport> {
  if (!javaScript) return { problems: [], copied: [] };
  const report = (await read()) as ProbeReport | null | undefined;
  return report ?? { problems: ['the error probe did not run in this page'], copied: [] };
}
