/**
 * Build settings that come from the environment, with the defaults a newcomer gets.
 * Kept free of Astro imports so the config, scripts and tests read them the same way.
 */
type Env = Record<string, string | undefined>;

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

/** Absolute origin the site is deployed at; used for canonical links, feeds and cards. */
export function siteUrl(env: Env): string {
  const raw = env['SITE_URL'] ?? 'http://localhost:4321';
  try {
    return new URL(raw).origin;
  } catch {
    throw new Error(`SITE_URL: "${raw}" is not an absolute URL. Set it like SITE_URL=https://example.org`);
  }
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
