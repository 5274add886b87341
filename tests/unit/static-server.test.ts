/** The static host `npm start` and the browser tests use: what a real static host must get right. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirectFor, startStaticServer, type StaticServer } from '../../scripts/static-server.ts';

const PAGE = `<!doctype html><title>t</title><p>${'A page worth compressing. '.repeat(40)}</p>`;
let root: string;
let server: StaticServer;

/** A raw request, so paths like `//host` and `/\host` reach the server exactly as written. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const { hostname, port } = new URL(server.url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
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
  for (const path of ['//evil.example/', '//evil.example', '/\\evil.example', '/\\/evil.example/', '/.//issues', '///issues']) {
    it(`${JSON.stringify(path)} redirects to a path on this host, never to //…`, async () => {
      const response = await get(path);
      expect(response.status).toBe(301);
      const location = String(response.headers.location);
      expect(location).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, server.url).origin).toBe(server.url);
    });
  }

  it('adds the trailing slash to a folder, keeping the query', async () => {
    expect((await get('/issues?q=1')).headers.location).toBe('/issues/?q=1');
  });

  it('redirectFor leaves clean paths alone', () => {
    expect(redirectFor('/issues/', '', () => true)).toBeNull();
    expect(redirectFor('/', '', () => true)).toBeNull();
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

  it('answers a repeat request with 304 by ETag, and sends Last-Modified', async () => {
    const first = await get('/');
    expect(first.headers['last-modified']).toBeTruthy();
    const etag = String(first.headers.etag);
    expect((await get('/', { 'if-none-match': etag })).status).toBe(304);
  });

  it('answers HEAD with headers and no body, and a Range with 206 and those bytes', async () => {
    const head = await get('/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(PAGE));
    const range = await get('/', { range: 'bytes=0-14', 'accept-encoding': 'br' });
    expect(range.status).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 0-14/${Buffer.byteLength(PAGE)}`);
    expect(range.body.toString()).toBe(PAGE.slice(0, 15));
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
      expect((await fetchRaw('/issues/')).status).toBe(404);
    } finally {
      await based.close();
    }
  });
});
