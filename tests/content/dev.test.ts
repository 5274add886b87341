/**
 * `npm run dev` picks up edits to content, annotations included: a real dev server over a copy of
 * the fixture publication, edited the way an editor edits it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dev: ChildProcess;
let base: string;
let content: string;
let output = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Fetch a page until `ready` holds for its HTML, or fail after `ms`. */
async function until(path: string, ready: (html: string) => boolean, ms = 30_000): Promise<string> {
  const deadline = Date.now() + ms;
  let html = '';
  while (Date.now() < deadline) {
    html = await fetch(`${base}${path}`).then((r) => r.text(), () => '');
    if (ready(html)) return html;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${path} never became ready; last HTML: ${html.replace(/<style[\s\S]*?<\/style>/g, "").slice(0, 1500)}; dev output:\n${output.slice(-2000)}`);
}

/** This process's environment without the test runner's own (NODE_ENV=test changes how Astro serves). */
function devEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
}

const markText = (html: string, id: string) => new RegExp(`<a [^>]*id="${id}"[^>]*>([^<]*)</a>`).exec(html)?.[1];

function edit(file: string, from: string, to: string): void {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

beforeAll(async () => {
  mkdirSync('.tmp', { recursive: true });
  content = join(mkdtempSync(join('.tmp', 'dev-')), 'content');
  cpSync('tests/fixtures/publication', content, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // --ignore-lock: run beside any dev server the developer has open (Astro allows one per project otherwise).
  dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...devEnvironment(), CONTENT_DIR: content, BUILD_CACHE_DIR: '.tmp/build-cache', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  dev.stdout?.on('data', (d) => (output += d));
  dev.stderr?.on('data', (d) => (output += d));
  await until('/field-notes/', (html) => markText(html, 'mark-event-second-meeting-1') !== undefined, 60_000);
}, 90_000);

afterAll(() => {
  dev?.kill();
});

describe('npm run dev', () => {
  it('moves a mark when its event names other words, and shows the event’s new title', async () => {
    expect(markText(await until('/field-notes/', () => true), 'mark-event-second-meeting-1')).toBe('the second meeting');
    edit('events/second-meeting.yaml', 'phrase: the second meeting\n', 'phrase: met twice in the harbour town\n');
    edit('events/second-meeting.yaml', 'title: The second meeting', 'title: The second meeting, renamed');
    const html = await until('/field-notes/', (h) => markText(h, 'mark-event-second-meeting-1') === 'met twice in the harbour town' && h.includes('The second meeting, renamed'));
    expect(html).toContain('Nobody expected the second meeting to matter.');
  }, 60_000);

  it('marks the words an issue newly names, in another article, with the issue’s new name on its card', async () => {
    expect(markText(await until('/ledger/', () => true), 'mark-issue-harbour-toll-2')).toBeUndefined();
    edit('issues/harbour-toll.yaml', 'name: The harbour toll\n', 'name: The harbour toll, renamed\n');
    edit('issues/harbour-toll.yaml', '    phrase: the toll matters\n', '    phrase: the toll matters\n  - article: ledger\n    section: opening\n    phrase: Traders noticed at once\n');
    const html = await until('/ledger/', (h) => markText(h, 'mark-issue-harbour-toll-2') === 'Traders noticed at once' && h.includes('The harbour toll, renamed'));
    // The new mark leads to the card beside this section.
    expect(html).toMatch(/<a href="#opening--issue-harbour-toll" id="mark-issue-harbour-toll-2"/);
  }, 60_000);

  it('shows an edited paragraph, and renumbers the notes of the sections after it', async () => {
    edit('articles/field-notes/01-opening.mdx', 'A note on sources follows here.', 'A note on sources follows here, edited.');
    edit('articles/field-notes/01-opening.mdx', '[^sources] And one more', ' And one more');
    edit('articles/field-notes/01-opening.mdx', '[^sources]: The sources are the harbour records.\n', '');
    // The opening now has one note, so the next section's first note is 2, not 3.
    const html = await until('/field-notes/', (h) => h.includes('follows here, edited.') && /id="tables-and-lists-fnref-2"/.test(h));
    expect(html).not.toMatch(/id="tables-and-lists-fnref-3"/);
  }, 60_000);
});
