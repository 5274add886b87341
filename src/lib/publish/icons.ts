/** The installable app's icons and manifest, from the site icon and names in `site.ts`. */
import sharp from 'sharp';
import { FAVICON, SITE_DESCRIPTION, SITE_NAME } from '../site.ts';

export const ICON_SIZES = [192, 512] as const;
export const iconPath = (size: number) => `/icons/${size}.png`;

/** The site icon (a 32-unit SVG) drawn at `size` pixels. */
export function iconPng(size: number): Promise<Buffer> {
  const svg = decodeURIComponent(FAVICON.replace('data:image/svg+xml,', ''));
  // Rasterised at the density that makes 32 units `size` pixels, so edges stay sharp.
  return sharp(Buffer.from(svg), { density: (72 * size) / 32 }).png().toBuffer();
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
