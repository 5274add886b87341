/** The installable app's icons and manifest, from the site icon and names in `site.ts`. */
import { Resvg } from '@resvg/resvg-js';
import { FAVICON, SITE_DESCRIPTION, SITE_NAME } from './site.ts';

export const ICON_SIZES = [192, 512] as const;
export const iconPath = (size: number) => `/icons/${size}.png`;

export function iconPng(size: number): Uint8Array {
  const svg = decodeURIComponent(FAVICON.replace('data:image/svg+xml,', ''));
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

export function webManifest(): Record<string, unknown> {
  return {
    name: SITE_NAME,
    short_name: SITE_NAME,
    description: SITE_DESCRIPTION,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#fdfcf9',
    theme_color: '#8a2c0d',
    icons: ICON_SIZES.map((size) => ({ src: iconPath(size), sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' })),
  };
}
