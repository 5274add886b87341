/**
 * Build settings that come from the environment, with the defaults a newcomer gets.
 * Kept free of Astro imports so the config, scripts and tests read them the same way.
 */
export type Env = Record<string, string | undefined>;

/** Folder holding the content collections, relative to the project root. */
export function contentDir(env: Env): string {
  return (env['CONTENT_DIR'] ?? 'content').replace(/\/+$/, '');
}

/**
 * Where work that depends only on its inputs is kept between builds (drawn cards, and Astro's
 * data store with the compiled sections): point a CI build cache at it. Relative to the project root.
 */
export function buildCacheDir(env: Env): string {
  return (env['BUILD_CACHE_DIR'] ?? 'node_modules/.cache/long-reads').replace(/\/+$/, '');
}

/**
 * Astro's cache (its data store) inside the build cache: one per content folder (the real one,
 * each test fixture) and base path, so builds of different folders never read each other's data
 * store, and builds of one folder for two addresses (staging and production) can run at once.
 */
export function astroCacheDir(env: Env): string {
  return `${buildCacheDir(env)}/astro/${`${contentDir(env)}${basePath(env)}`.replaceAll(/[^a-z0-9]+/gi, '_')}`;
}

/**
 * The site address the common static hosts give a build, in the order tried: Netlify (`URL`
 * for production, `DEPLOY_PRIME_URL` for previews and branches), Vercel (the production host, or
 * the deployment's own for previews), Cloudflare Pages, GitLab Pages, Render. GitHub Pages gives
 * none: set SITE_URL (and BASE_PATH) from actions/configure-pages' `base_url`.
 */
const HOSTS: Array<{ name: string; url: (env: Env) => string | undefined }> = [
  { name: 'Netlify', url: (env) => (env['NETLIFY'] ? (env['CONTEXT'] === 'production' ? env['URL'] : (env['DEPLOY_PRIME_URL'] ?? env['URL'])) : undefined) },
  { name: 'Vercel', url: (env) => {
    if (!env['VERCEL']) return undefined;
    const host = env['VERCEL_ENV'] === 'production' ? (env['VERCEL_PROJECT_PRODUCTION_URL'] ?? env['VERCEL_URL']) : env['VERCEL_URL'];
    return host && `https://${host}`;
  } },
  { name: 'Cloudflare Pages', url: (env) => (env['CF_PAGES'] ? env['CF_PAGES_URL'] : undefined) },
  { name: 'GitLab Pages', url: (env) => env['CI_PAGES_URL'] },
  { name: 'Render', url: (env) => env['RENDER_EXTERNAL_URL'] },
];

export const LOCAL_SITE_URL = 'http://localhost:4321';

/**
 * Absolute origin the site is deployed at, for canonical links, feeds and cards: SITE_URL, else
 * the address the host building it gives, else localhost (for `npm start`).
 */
export function siteUrl(env: Env): string {
  const host = HOSTS.map(({ name, url }) => ({ name, raw: url(env) })).find(({ raw }) => raw);
  const [raw, setting] = env['SITE_URL'] ? [env['SITE_URL'], 'SITE_URL'] : host ? [host.raw!, `the address ${host.name} gave`] : [LOCAL_SITE_URL, 'the default'];
  try {
    return new URL(raw).origin;
  } catch {
    throw new Error(`SITE_URL: "${raw}" (${setting}) is not an absolute URL. Set it like SITE_URL=https://example.org`);
  }
}

/**
 * The one line a build on a machine that is not the reader's own (CI says so) prints when it
 * knows no address and falls back to localhost; nothing on a developer's machine.
 */
export function siteUrlWarning(env: Env): string | undefined {
  if (!env['CI'] || siteUrl(env) !== LOCAL_SITE_URL || env['SITE_URL']) return undefined;
  return `SITE_URL is not set and this host gives no site address: canonical links, og:image and feeds point at ${LOCAL_SITE_URL}. Build with SITE_URL=https://your.domain (and BASE_PATH=/folder/ if the site lives in one).`;
}

/**
 * The path the site is served under (Astro's `base`): "/" by default, "/sub/path/" when the
 * publication lives in a folder of a larger site. Always with a leading and a trailing slash.
 */
export function basePath(env: Env): string {
  const raw = (env['BASE_PATH'] ?? '/').trim();
  const parts = raw.split('/').filter(Boolean);
  if (parts.some((p) => !/^[A-Za-z0-9._~-]+$/.test(p) || p === '.' || p === '..')) {
    throw new Error(`BASE_PATH: "${raw}" is not a plain path. Set it like BASE_PATH=/reader/`);
  }
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/**
 * When this build was made, for files that must say so (an EPUB's `dcterms:modified`):
 * `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when set, else now.
 */
export function buildTime(env: Env, now = new Date()): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return now;
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH: "${epoch}" is not a number of seconds. Set it like SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or leave it unset.`);
  return new Date(Number(epoch) * 1000);
}
