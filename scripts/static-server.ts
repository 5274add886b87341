/**
 * A small static host for `dist/`: directory indexes, trailing-slash redirects, 404.html, gzip,
 * and `_headers` applied like Netlify / Cloudflare Pages. Used by `npm start` and by every
 * browser test, so what is tested is what is deployed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeadersFile, type HeaderRule } from '../src/lib/headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json|wasm)|image\/svg)/;

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}
async function isDir(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(options: {
  root: string;
  port?: number;
  host?: string;
  /** Serve HTTPS with this key and certificate (the bench's header scan uses it). */
  tls?: { key: string; cert: string };
}): Promise<StaticServer> {
  const root = resolve(options.root);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root} has no index.html: run \`npm run build\` first.`);
  }
  const headersPath = join(root, '_headers');
  const rules: HeaderRule[] = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    const file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    let status = 200;
    let target = file;
    if (await isDir(file)) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      target = join(file, 'index.html');
    }
    if (!(await isFile(target)) || pathname.split('/').includes('_headers')) {
      status = 404;
      target = join(root, '404.html');
      if (!(await isFile(target))) {
        res.writeHead(404, { 'content-type': TYPES['.txt']! }).end('Not found');
        return;
      }
    }
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    let body = await readFile(target);
    const headers: Record<string, string> = { 'content-type': type, vary: 'Accept-Encoding' };
    for (const [name, value] of headersFor(rules, status === 404 ? '/404.html' : url.pathname)) headers[name] = value;
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body, { level: 9 });
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, ok);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
