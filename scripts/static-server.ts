/**
 * A static host for `dist/`, used by `npm start` and by every browser test, so what is tested is
 * what is deployed. Files are served by `sirv` (ETag, Last-Modified, HEAD, MIME types,
 * precompressed variants); around it we keep only what a static host adds: `_headers` applied like
 * Cloudflare Pages (`src/lib/headers-file.ts`), trailing-slash redirects that never leave this
 * origin, byte ranges as RFC 9110 reads them (`range-parser`; sirv's own misreads suffix and
 * one-byte ranges), and the 404 page with a 404 status.
 *
 * Every request is untrusted: whatever its target, headers or range, it gets an answer (400, 404,
 * 405, 416 or the file) and never stops the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { lookup } from 'mrmime';
import { parse as parseRange } from 'range-parser';
import sirv from 'sirv';
import { headersFor, parseHeadersFile, type HeaderRule } from '../src/lib/publish/headers-file.ts';
import { precompressedMirror } from './precompress.ts';

/** Types `sirv`'s MIME table lacks: Pagefind's index files (already compressed) and the icon. */
const EXTRA_TYPES: Record<string, string> = {
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pagefind: 'application/octet-stream',
  ico: 'image/x-icon',
};

const typeOf = (path: string): string => {
  const extension = /\.([\w]+)$/.exec(path)?.[1] ?? '';
  const type = EXTRA_TYPES[extension] ?? lookup(path) ?? 'application/octet-stream';
  return type === 'text/html' ? 'text/html; charset=utf-8' : type;
};

/** A request target taken apart: its decoded site path and its query, or why it cannot be served. */
export type Target = { path: string; search: string } | { error: 400 };

/**
 * The decoded path and raw query of a request target (origin-form `/a/b?q`, or absolute-form,
 * whose host is ignored: this server has one site). A target that does not decode, or whose path
 * holds a control character or NUL, is a 400: no file is named like that.
 */
export function parseTarget(raw: string): Target {
  let target = raw;
  if (!target.startsWith('/')) {
    const absolute = /^https?:\/\/[^/?#]*(.*)$/i.exec(target);
    if (!absolute) return { error: 400 };
    target = absolute[1]!.startsWith('/') ? absolute[1]! : `/${absolute[1]!}`;
  }
  const at = target.indexOf('?');
  const rawPath = at < 0 ? target : target.slice(0, at);
  const search = at < 0 ? '' : target.slice(at);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { error: 400 };
  }
  if (/[\u0000-\u001f\u007f]/.test(path)) return { error: 400 };
  return { path, search };
}

/** A decoded path written back for a header: every character outside a path's safe set percent-encoded. */
export function encodePath(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment).replace(/%(2[46BC]|3[ABD]|40)/gi, (e) => decodeURIComponent(e))).join('/');
}

/** A raw query kept as sent, but with any byte a header cannot carry percent-encoded. */
function encodeSearch(search: string): string {
  return search.replace(/[^\u0021-\u007e]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * The path a decoded path is served at: runs of `/` or `\` are one `/` (so it never starts `//`,
 * another host to a browser), `.` and `..` segments resolved, a trailing slash kept.
 */
export function cleanPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split(/[/\\]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = /[/\\]$/.test(path) || /(^|[/\\])\.\.?$/.test(path);
  return `/${segments.join('/')}${trailing && segments.length > 0 ? '/' : ''}`;
}

/**
 * The redirect for a decoded request path, as a site path to encode, or null when it is served as
 * is: a path that cleans to another is sent there; a folder asked for without its trailing slash
 * gets one, as static hosts do.
 */
export function redirectFor(path: string, isFolder: (path: string) => boolean): string | null {
  const clean = cleanPath(path);
  if (clean !== path) return clean;
  if (!path.endsWith('/') && isFolder(path)) return `${path}/`;
  return null;
}

export interface StaticServer {
  server: Server;
  url: string;
  /** The private copy it serves from, each text file beside its Brotli and gzip variants, made at start. */
  mirror: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  root: string;
  port?: number;
  host?: string;
  /**
   * Serve only the files this accepts (paths relative to `root`): a benchmark that opens one page
   * of a 10,000-article site compresses what that page can fetch, not 2 GB of pages (25 minutes).
   */
  only?: (relativePath: string) => boolean;
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
  await precompressedMirror(root, mirror, (name) => name !== '_headers' && (options.only?.(name) ?? true));

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
  /** The file a site path names in the mirror (a folder's index.html), if there is one. */
  const fileAt = (path: string) => {
    const file = join(mirror, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const stats = statSync(file);
      return stats.isFile() ? { file, size: stats.size, mtime: stats.mtime } : undefined;
    } catch {
      return undefined;
    }
  };
  const isFolder = (path: string) => {
    try {
      return statSync(join(mirror, path)).isDirectory();
    } catch {
      return false;
    }
  };

  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const plain = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(text);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const target = parseTarget(req.url ?? '/');
    if ('error' in target) return plain(res, 400, 'Bad request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    // Everything lives under the base path: take it off, or answer as the host would.
    let path = target.path;
    if (base !== '/') {
      if (path === base.slice(0, -1)) return res.writeHead(301, { location: `${encodePath(base)}${encodeSearch(target.search)}` }).end();
      if (!path.startsWith(base)) return plain(res, 404, 'Not found');
      path = path.slice(base.length - 1);
    }
    // Redirects are built from the cleaned, re-encoded path: they stay on this origin whatever was sent.
    const redirect = redirectFor(path, isFolder);
    if (redirect !== null) {
      const location = `${encodePath(`${base}${redirect.slice(1)}`)}${encodeSearch(target.search)}`;
      return res.writeHead(301, { location }).end();
    }
    const sendNotFound = () => {
      applyHeaders(res, '/404.html');
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.writeHead(404).end(req.method === 'HEAD' ? undefined : notFound);
    };
    if (path.split('/').includes('_headers')) return sendNotFound();
    // sirv reads the path from req.url: hand it the cleaned one, without the base.
    req.url = `${encodePath(path)}${encodeSearch(target.search)}`;
    if (options.inject && req.method === 'GET') {
      if (path === options.inject.path) {
        return res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(options.inject.script);
      }
      const page = path.endsWith('/') ? join(mirror, path, 'index.html') : path.endsWith('.html') ? join(mirror, path) : null;
      if (page) {
        const found = existsSync(page);
        const html = found ? readFileSync(page, 'utf8') : notFound.toString('utf8');
        applyHeaders(res, found ? path : '/404.html');
        res.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(html.replace('<head>', `<head><script src="${base}${options.inject.path.slice(1)}"></script>`));
      }
    }
    const range = req.headers.range;
    delete req.headers.range;
    if (range !== undefined && req.headers['if-range'] === undefined) {
      const file = fileAt(path);
      if (file) return sendRange(req, res, path, file, range);
    }
    return files(req, res, sendNotFound);
  };

  /**
   * A byte range of a file as stored (never of a compressed copy), as RFC 9110 §14 reads it: one
   * satisfiable range is a 206; an invalid or unsatisfiable one a 416 with the size; another unit,
   * or several ranges, are ignored and the whole file is sent (which the RFC allows).
   */
  const sendRange = (req: IncomingMessage, res: ServerResponse, path: string, file: { file: string; size: number; mtime: Date }, header: string) => {
    const parsed = parseRange(file.size, header);
    if (parsed.type !== 'bytes' || parsed.ranges.length > 1 || (parsed.code === 0 && parsed.ranges.length === 0)) {
      delete req.headers['accept-encoding'];
      return files(req, res, () => void res.writeHead(404).end());
    }
    applyHeaders(res, path);
    if (parsed.code !== 0 || parsed.ranges.length === 0) {
      return res.writeHead(416, { 'content-range': `bytes */${file.size}`, 'content-type': 'text/plain; charset=utf-8' }).end('Range not satisfiable');
    }
    const { start, end } = parsed.ranges[0]!;
    res.writeHead(206, {
      'content-type': typeOf(file.file),
      'content-length': end - start + 1,
      'content-range': `bytes ${start}-${end}/${file.size}`,
      'accept-ranges': 'bytes',
      'last-modified': file.mtime.toUTCString(),
      etag: `W/"${file.size}-${file.mtime.getTime()}"`,
    });
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(file.file, { start, end });
    stream.on('error', () => res.destroy());
    return stream.pipe(res);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    try {
      handle(req, res);
    } catch {
      // Whatever went wrong answers this request alone; the server goes on.
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    }
  };
  const server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);
  // A request Node cannot parse at all (a broken request line or header) gets a 400, not a crash.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

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
    mirror,
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
