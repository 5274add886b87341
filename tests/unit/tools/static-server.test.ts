/** The static host `npm start` and the browser tests use: what a real static host must get right. */
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirectFor, startStaticServer, type StaticServer } from '../../../scripts/static-server.ts';

const PAGE = `<!doctype html><title>t</title><p>${'A page worth compressing. '.repeat(40)}</p>`;
let root: string;
let server: StaticServer;

/** A raw request, so paths like `//host` and `/\host` reach the server exactly as written. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET', agent?: Agent) {
  const { hostname, port } = new URL(server.url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
    const req = request({ hostname, port, path, method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'static-server-'));
  mkdirSync(join(root, 'issues'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), PAGE);
  writeFileSync(join(root, 'issues', 'index.html'), PAGE);
  writeFileSync(join(root, '404.html'), '<!doctype html><title>Not found</title><p>Try search.</p>');
  for (const name of ['font.woff2', 'photo.webp', 'photo.avif', 'code.wasm', 'feed.xml', 'icon.svg', 'index.pf_meta']) {
    writeFileSync(join(root, 'assets', name), name.endsWith('.xml') || name.endsWith('.svg') ? `<x>${'y'.repeat(400)}</x>` : 'binary');
  }
  writeFileSync(join(root, '_headers'), ['/*', '  X-Test: page', '  X-Drop: yes', '/assets/*', '  ! X-Drop', '  Cache-Control: immutable'].join('\n'));
  server = await startStaticServer({ root });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('redirects stay on this origin', () => {
  for (const path of ['//evil.example/', '//evil.example', '/\\evil.example', '/\\/evil.example/', '/.//issues', '///issues', '/%5C%5Cevil.example', '/%2F%2Fevil.example', '/./%2e%2e//evil.example']) {
    it(`${JSON.stringify(path)} redirects to a path on this host, never to //…`, async () => {
      const response = await get(path);
      expect(response.status).toBe(301);
      const location = String(response.headers.location);
      expect(location).toMatch(/^\/(?![/\\])/);
      // Nothing a browser strips from a URL (tab, newline) or reads as a slash is left in it.
      expect(location).not.toMatch(/[\u0000-\u001f\u007f\\]/);
      expect(new URL(location, server.url).origin).toBe(server.url);
    });
  }

  it('adds the trailing slash to a folder, keeping the query', async () => {
    expect((await get('/issues?q=1')).headers.location).toBe('/issues/?q=1');
  });

  it('re-encodes what it redirects to: the Location is always a valid header, on this origin', async () => {
    expect((await get('//%E2%82%AC')).headers.location).toBe('/%E2%82%AC');
    expect((await get('//a%20b?q=%E2%82%AC')).headers.location).toBe('/a%20b?q=%E2%82%AC');
  });

  it('redirectFor leaves clean paths alone', () => {
    expect(redirectFor('/issues/', () => true)).toBeNull();
    expect(redirectFor('/', () => true)).toBeNull();
  });
});

describe('every request gets an answer, and the server goes on', () => {
  /** [what, request target, headers, method, the statuses it may get] */
  const HOSTILE: Array<[string, string, Record<string, string>, string, number[]]> = [
    ['a host-less double slash', '//:x', {}, 'GET', [301]],
    ['an encoded NUL', '//%00', {}, 'GET', [400]],
    ['an encoded NUL in a path', '/issues/%00', {}, 'GET', [400]],
    ['a non-ASCII path', '//%E2%82%AC', {}, 'GET', [301]],
    ['an encoded newline', '//%0A', {}, 'GET', [400]],
    ['an encoded tab before //host', '/%09//evil.example', {}, 'GET', [400]],
    ['a carriage return and header in the path', '/%0D%0ASet-Cookie:%20x=1', {}, 'GET', [400]],
    ['a malformed escape', '/%E0%A4%A', {}, 'GET', [400]],
    ['a lone %', '/%', {}, 'GET', [400]],
    ['traversal out of the folder', '/../../../../etc/passwd', {}, 'GET', [301]],
    ['encoded traversal', '/%2e%2e/%2e%2e/etc/passwd', {}, 'GET', [301]],
    ['the _headers file', '/_headers', {}, 'GET', [404]],
    ['an absolute-form target for another host', 'http://evil.example/', {}, 'GET', [200]],
    ['an asterisk target', '*', {}, 'OPTIONS', [400]],
    ['an unknown method', '/', {}, 'BREW', [400, 405]],
    ['a method with a body', '/', {}, 'POST', [405]],
    ['a reversed range', '/', { range: 'bytes=5-2' }, 'GET', [416]],
    ['a range past the end', '/', { range: 'bytes=999999-' }, 'GET', [416]],
    ['a range of garbage', '/', { range: 'bytes=abc' }, 'GET', [416]],
    ['a range of another unit', '/', { range: 'items=0-1' }, 'GET', [200]],
    ['many ranges', '/', { range: 'bytes=0-1,5-6,9-12' }, 'GET', [200]],
    ['a huge range number', '/', { range: 'bytes=0-99999999999999999999999' }, 'GET', [206, 416]],
    ['a range on a missing file', '/nothing.txt', { range: 'bytes=0-1' }, 'GET', [404]],
    ['a garbage If-None-Match', '/', { 'if-none-match': '"garbage, W/x, *' }, 'GET', [200, 304]],
    ['a garbage If-Modified-Since', '/', { 'if-modified-since': 'yesterday-ish' }, 'GET', [200]],
    ['a garbage Accept-Encoding', '/', { 'accept-encoding': ';;;q=br,,gzip;q=x' }, 'GET', [200]],
    ['a 16 KB path', `/${'a'.repeat(16_000)}`, {}, 'GET', [404]],
  ];
  for (const [what, path, headers, method, statuses] of HOSTILE) {
    it(`${what} (${JSON.stringify(path).slice(0, 40)}) gets ${statuses.join(' or ')}, and the next request is served`, async () => {
      const response = await get(path, headers, method);
      expect(statuses).toContain(response.status);
      expect((await get('/')).status).toBe(200);
    });
  }

  it('answers a request line Node cannot parse with 400, and goes on', async () => {
    const { hostname, port } = new URL(server.url);
    const reply = await new Promise<string>((ok, fail) => {
      const socket = connect(Number(port), hostname, () => socket.end('GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('end', () => ok(text));
      socket.on('error', fail);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await get('/')).status).toBe(200);
  });

  it('serves a burst of 1,000 requests, 100 at a time on loopback, dropping none', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 100 });
    const paths = ['/', '/issues/', '/assets/font.woff2', '/no-such-page/', '/issues'];
    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) => get(paths[i % paths.length]!, { 'accept-encoding': i % 2 ? 'br' : 'gzip' }, 'GET', agent).then((r) => r.status)),
    );
    agent.destroy();
    console.log(`1,000 requests, 100 at a time: ${Math.round(performance.now() - started)} ms`);
    expect(statuses.filter((s) => ![200, 301, 404].includes(s))).toEqual([]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(600);
  });
});

describe('byte ranges, as RFC 9110 reads them', () => {
  const size = () => Buffer.byteLength(PAGE);
  it('bytes=0-14: the first 15 bytes', async () => {
    const range = await get('/', { range: 'bytes=0-14', 'accept-encoding': 'br' });
    expect(range.status).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 0-14/${size()}`);
    expect(range.body.toString()).toBe(PAGE.slice(0, 15));
  });

  it('bytes=0-0: the first byte, not the whole file', async () => {
    const range = await get('/', { range: 'bytes=0-0' });
    expect(range.status).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 0-0/${size()}`);
    expect(range.body.toString()).toBe(PAGE.slice(0, 1));
  });

  it('bytes=-5: the last five bytes', async () => {
    const range = await get('/', { range: 'bytes=-5' });
    expect(range.status).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes ${size() - 5}-${size() - 1}/${size()}`);
    expect(range.body.toString()).toBe(PAGE.slice(-5));
  });

  it('bytes=10-: from byte 10 to the end', async () => {
    const range = await get('/', { range: 'bytes=10-' });
    expect(range.status).toBe(206);
    expect(range.body.toString()).toBe(PAGE.slice(10));
  });

  it('an unsatisfiable range: 416 with the size', async () => {
    const range = await get('/', { range: `bytes=${size()}-` });
    expect(range.status).toBe(416);
    expect(range.headers['content-range']).toBe(`bytes */${size()}`);
  });

  it('HEAD with a range: the headers of the 206, no body', async () => {
    const range = await get('/', { range: 'bytes=0-9' }, 'HEAD');
    expect(range.status).toBe(206);
    expect(range.headers['content-length']).toBe('10');
    expect(range.body.length).toBe(0);
  });
});

describe('serving files', () => {
  it('sends Brotli or gzip as asked, each decoding to the file, with Vary', async () => {
    const br = await get('/', { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(PAGE);
    const gz = await get('/', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(PAGE);
    expect(gz.headers.vary).toContain('Accept-Encoding');
    const plain = await get('/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
  });

  it('compresses once, at start: the variants are in its copy before any request, and are sent as stored', async () => {
    const fresh = await startStaticServer({ root });
    try {
      const stored = readFileSync(join(fresh.mirror, 'index.html.br'));
      expect(brotliDecompressSync(stored).toString()).toBe(PAGE);
      expect(existsSync(join(fresh.mirror, 'issues', 'index.html.gz'))).toBe(true);
      const response = await fetch(`${fresh.url}/`, { headers: { 'accept-encoding': 'br' } });
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(Number(response.headers.get('content-length'))).toBe(stored.length);
    } finally {
      await fresh.close();
    }
  });

  it('serves only what `only` accepts, and copies and compresses nothing else', async () => {
    const narrow = await startStaticServer({ root, only: (name) => !name.startsWith('issues') });
    try {
      expect(existsSync(join(narrow.mirror, 'issues'))).toBe(false);
      expect((await fetch(`${narrow.url}/issues/`)).status).toBe(404);
      expect((await fetch(`${narrow.url}/`)).status).toBe(200);
    } finally {
      await narrow.close();
    }
  });

  it('answers a repeat request with 304 by ETag, and sends Last-Modified', async () => {
    const first = await get('/');
    expect(first.headers['last-modified']).toBeTruthy();
    const etag = String(first.headers.etag);
    expect((await get('/', { 'if-none-match': etag })).status).toBe(304);
  });

  it('answers HEAD with headers and no body', async () => {
    const head = await get('/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(PAGE));
  });

  it('labels every type a site like this serves', async () => {
    const types: Record<string, RegExp> = {
      '/': /^text\/html/,
      '/assets/font.woff2': /^font\/woff2$/,
      '/assets/photo.webp': /^image\/webp$/,
      '/assets/photo.avif': /^image\/avif$/,
      '/assets/code.wasm': /^application\/wasm$/,
      '/assets/feed.xml': /^(text|application)\/xml/,
      '/assets/icon.svg': /^image\/svg\+xml/,
      '/assets/index.pf_meta': /^application\/octet-stream$/,
    };
    for (const [path, type] of Object.entries(types)) expect(String((await get(path)).headers['content-type']), path).toMatch(type);
  });

  it('applies _headers with removal, and never serves the file itself', async () => {
    const page = await get('/');
    expect(page.headers['x-test']).toBe('page');
    expect(page.headers['x-drop']).toBe('yes');
    const asset = await get('/assets/font.woff2');
    expect(asset.headers['x-drop']).toBeUndefined();
    expect(asset.headers['cache-control']).toBe('immutable');
    const secret = await get('/_headers');
    expect(secret.status).toBe(404);
    expect(secret.body.toString()).toContain('Try search.');
  });

  it('serves 404.html with a 404 status, and 400 for a malformed path', async () => {
    const missing = await get('/no-such-page/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Try search.');
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });
});

describe('serving under a base path', () => {
  it('serves the folder under the base path only, and keeps redirects inside it', async () => {
    const based = await startStaticServer({ root, base: '/sub/path/' });
    try {
      const { origin } = new URL(based.url);
      expect(based.url).toBe(`${origin}/sub/path`);
      const fetchRaw = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });
      expect((await fetchRaw('/sub/path/')).status).toBe(200);
      expect((await fetchRaw('/sub/path')).headers.get('location')).toBe('/sub/path/');
      expect((await fetchRaw('/sub/path/issues')).headers.get('location')).toBe('/sub/path/issues/');
      expect((await fetchRaw('/sub/path//evil.example')).headers.get('location')).toBe('/sub/path/evil.example');
    expect((await fetchRaw('/sub/path/%09//evil.example')).status).toBe(400);
      expect((await fetchRaw('/issues/')).status).toBe(404);
    } finally {
      await based.close();
    }
  });
});
