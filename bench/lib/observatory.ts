/** Grade the headers `dist/` is served with, using MDN HTTP Observatory's scanner (see observatory-scan.ts). */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startStaticServer } from '../../scripts/static-server.ts';

const TOOL_DIR = 'bench/tools/observatory';

export interface ObservatoryResult {
  grade: string;
  score: number;
  tests: Record<string, { result: string; pass: boolean; modifier: number }>;
}

function installTool(): void {
  const preload = join(TOOL_DIR, 'node_modules', '@mdn', 'mdn-http-observatory', 'conf', 'hsts-preload.json');
  if (existsSync(preload)) return;
  // Its install scripts download a certificate bundle and the HSTS preload list and build a
  // database client; none can be fetched here, and none is needed to grade loopback headers.
  const result = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: TOOL_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ci in ${TOOL_DIR} failed`);
  // "localhost" is on no preload list: an empty one grades it the same.
  writeFileSync(preload, '{}');
}

/** A throwaway CA and a certificate for "localhost" signed by it. */
function localCertificates(): { ca: string; key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'observatory-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Bench CA', '-keyout', 'ca.key', '-out', 'ca.pem');
  run('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'key.pem', '-out', 'req.csr');
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=DNS:localhost\n');
  run('x509', '-req', '-in', 'req.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'ext.cnf', '-out', 'cert.pem');
  return { ca: join(dir, 'ca.pem'), key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

export async function observatoryGrade(root: string): Promise<ObservatoryResult> {
  installTool();
  const certs = localCertificates();
  const https = await startStaticServer({ root, host: '127.0.0.1', tls: { key: certs.key, cert: certs.cert } });
  const httpsPort = new URL(https.url).port;
  // Plain HTTP does what a static host does: redirect to HTTPS on the same host.
  const http = createServer((req, res) => res.writeHead(301, { location: `https://localhost:${httpsPort}${req.url ?? '/'}` }).end());
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  const httpPort = (http.address() as { port: number }).port;
  try {
    // Asynchronously: this process serves the pages the scanner requests.
    const { stdout } = await promisify(execFile)(process.execPath, ['bench/lib/observatory-scan.ts', resolve(TOOL_DIR), String(httpPort), httpsPort], {
      // The servers listen on 127.0.0.1; make "localhost" resolve there first.
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certs.ca, NODE_OPTIONS: '--dns-result-order=ipv4first' },
    });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as ObservatoryResult;
  } finally {
    http.close();
    await https.close();
  }
}
