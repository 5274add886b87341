/**
 * Build settings that come from the environment, with the defaults a newcomer gets.
 * Kept free of Astro imports so the config, scripts and tests read them the same way.
 */
type Env = Record<string, string | undefined>;

/** Folder holding the content collections, relative to the project root. */
export function contentDir(env: Env): string {
  return (env['CONTENT_DIR'] ?? 'content').replace(/\/+$/, '');
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
