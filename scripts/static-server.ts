/**
 * A static host for `dist/`, used by `npm start` and by every browser test, so what is tested is
 * what is deployed. Files are served by `sirv` (ETag, Last-Modified, Range, HEAD, MIME types,
 * precompressed variants); around it we keep only what a static host adds: `_headers` applied like
 * Cloudflare Pages (`src/lib/headers-file.ts`), trailing-slash redirects that never leave this
 * origin, and the 404 page with a 404 status.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { headersFor, parseHeadersFile, type HeaderRule } from '../src/lib/headers-file.ts';
import { precompressedMirror } from './precompress.ts';

/** Types `sirv`'s MIME table lacks: Pagefind's index files (already compressed) and the icon. */
const EXTRA_TYPES: Record<string, string> = {
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pagefind: 'application/octet-stream',
  ico: 'image/x-icon',
};

/**
 * The redirect for a request path, or null when it is served as is. Runs of `/` or `\` collapse
 * to one `/` first, so the Location can never start with `//` (a link to another host); a folder
 * asked for without its trailing slash gets one, as static hosts do.
 */
export function redirectFor(pathname: string, search: string, isFolder: (path: string) => boolean): string | null {
  const clean = `/${pathname.split(/[/\\]+/).filter(Boolean).join('/')}${/[/\\]$/.test(pathname) && pathname.length > 1 ? '/' : ''}`;
  if (clean !== pathname) return `${clean}${search}`;
  if (!pathname.endsWith('/') && isFolder(pathname)) return `${pathname}/${search}`;
  return null;
}

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  root: string;
  port?: number;
  host?: string;
  /** Serve HTTPS with this key and certificate (the bench's header scan uses it). */
  tls?: { key: string; cert: string };
  /**
   * Tests only: serve `script` at `path` and load it first in every HTML page (the reader suite's
   * error probe; WebKit's driver has no console API). Pages are then sent uncompressed.
   */
  inject?: { path: string; script: string };
  /** Serve the folder under this path ("/sub/path/"), as a host serving a site built with BASE_PATH. */
  base?: string;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root} has no index.html: run \`npm run build\` first.`);
  }
  const headersPath = join(root, '_headers');
  const rules: HeaderRule[] = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];

  // Compressed once at start-up, off the request path, into a private mirror of the folder.
  const cacheRoot = resolve('node_modules/.cache/static-server');
  await mkdir(cacheRoot, { recursive: true });
  const mirror = await mkdtemp(join(cacheRoot, 'dist-'));
  await precompressedMirror(root, mirror, (name) => name !== '_headers');

  const applyHeaders = (res: ServerResponse, pathname: string) => {
    for (const [name, value] of headersFor(rules, pathname)) res.setHeader(name, value);
  };
  const files = sirv(mirror, {
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders: (res, pathname) => {
      const extension = /\.([\w]+)$/.exec(pathname)?.[1] ?? '';
      if (EXTRA_TYPES[extension]) res.setHeader('content-type', EXTRA_TYPES[extension]);
      applyHeaders(res, pathname);
    },
  });
  const notFound = readFile404(mirror);
  const isFolder = (path: string) => {
    try {
      return statSync(join(mirror, path)).isDirectory();
    } catch {
      return false;
    }
  };

  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (base !== '/') {
      // Everything lives under the base path: strip it, or answer as the host would.
      const raw = req.url ?? '/';
      if (raw === base.slice(0, -1) || raw.startsWith(`${base.slice(0, -1)}?`)) {
        res.writeHead(301, { location: `${base}${raw.slice(base.length - 1)}` }).end();
        return;
      }
      if (!raw.startsWith(base)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      req.url = raw.slice(base.length - 1);
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
      // Redirects made inside the site point inside the base path too.
      res.writeHead = ((status: number, ...rest: unknown[]) => {
        const headers = rest.find((r) => typeof r === 'object' && r !== null) as Record<string, string> | undefined;
        if (headers?.['location']?.startsWith('/')) headers['location'] = `${base}${headers['location'].slice(1)}`;
        return writeHead(status, ...rest);
      }) as typeof res.writeHead;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    // The raw path, so that `\` and `//` are seen before URL parsing turns them into `/`.
    const rawPath = req.url?.startsWith('/') ? req.url.split('?')[0]! : url.pathname;
    let pathname: string;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const location = redirectFor(pathname, url.search, isFolder);
    if (location !== null) {
      res.writeHead(301, { location }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    // A Range asks for bytes of the file as stored, not of a compressed copy.
    if (req.headers.range) delete req.headers['accept-encoding'];
    const sendNotFound = () => {
      applyHeaders(res, '/404.html');
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.writeHead(404).end(req.method === 'HEAD' ? undefined : notFound);
    };
    if (options.inject && req.method === 'GET') {
      if (pathname === options.inject.path) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(options.inject.script);
        return;
      }
      const page = pathname.endsWith('/') ? join(mirror, pathname, 'index.html') : pathname.endsWith('.html') ? join(mirror, pathname) : null;
      if (page) {
        const found = existsSync(page);
        const html = found ? readFileSync(page, 'utf8') : notFound.toString('utf8');
        applyHeaders(res, found ? pathname : '/404.html');
        res.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html.replace('<head>', `<head><script src="${base}${options.inject.path.slice(1)}"></script>`));
        return;
      }
    }
    if (pathname.split('/').includes('_headers')) {
      sendNotFound();
      return;
    }
    files(req, res, sendNotFound);
  };
  const server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);

  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, host, ok);
    });
  } catch (error) {
    await rm(mirror, { recursive: true, force: true });
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}${base === '/' ? '' : base.slice(0, -1)}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await rm(mirror, { recursive: true, force: true });
    },
  };
}

function readFile404(root: string): Buffer {
  const path = join(root, '404.html');
  return existsSync(path) ? readFileSync(path) : Buffer.from('Not found');
}
