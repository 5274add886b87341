/**
 * 1200×630 preview cards (og:image), laid out at build time with satori (text as outlines, fonts
 * from npm packages, never fetched), then rasterised and written as a 16-colour palette PNG by
 * sharp in one native pipeline off the main thread (flat colours and anti-aliased text need no
 * more: about 12 KB instead of 35–40 KB, which matters at thousands of articles). Cards are cached
 * by a hash of their inputs, so an unchanged card is not drawn again.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori from 'satori';
import sharp from 'sharp';
import { cacheKey, readCached, writeCached } from './build-cache.ts';

export interface CardInput {
  siteName: string;
  articleTitle: string;
  author: string;
  publisher: string;
}

export const CARD_SIZE = { width: 1200, height: 630 } as const;
const CARD_VERSION = 4;
/** Colours in the card's palette: the card's four inks and their anti-aliasing steps. */
const PALETTE_COLOURS = 16;

const require = createRequire(import.meta.url);
let fonts: Promise<Array<{ name: string; data: Buffer; weight: 400 | 600 | 700; style: 'normal' }>> | undefined;

function loadFonts() {
  fonts ??= Promise.all([
    readFile(require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff')).then((data) => ({ name: 'Inter', data, weight: 400 as const, style: 'normal' as const })),
    readFile(require.resolve('@fontsource/inter/files/inter-latin-700-normal.woff')).then((data) => ({ name: 'Inter', data, weight: 700 as const, style: 'normal' as const })),
    readFile(require.resolve('@fontsource/source-serif-4/files/source-serif-4-latin-600-normal.woff')).then((data) => ({ name: 'Source Serif', data, weight: 600 as const, style: 'normal' as const })),
  ]);
  return fonts;
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node | Node[] | string } };
const el = (type: string, style: Record<string, unknown>, children?: Node | Node[] | string): Node => ({ type, props: { style, ...(children === undefined ? {} : { children }) } });

export function cardTree(input: CardInput): Node {
  const ink = '#1d1b18';
  const paper = '#fdfcf9';
  const accent = '#f0a07a';
  return el('div', { width: CARD_SIZE.width, height: CARD_SIZE.height, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '64px 72px', background: ink, color: paper, fontFamily: 'Inter' }, [
    el('div', { display: 'flex', fontSize: 30, fontWeight: 700, letterSpacing: 1, color: accent }, input.siteName),
    el('div', { display: 'flex', fontFamily: 'Source Serif', fontSize: 64, lineHeight: 1.15, color: paper }, input.articleTitle),
    el('div', { display: 'flex', fontSize: 28, color: '#b1aa9c' }, `${input.author} · ${input.publisher}`),
  ]);
}

/** The PNG for a card: from the build cache when its inputs are unchanged, else drawn and kept. */
export async function renderCard(input: CardInput): Promise<Uint8Array> {
  const key = cacheKey([CARD_VERSION, input]);
  const kept = await readCached('cards', key, 'png');
  if (kept) return kept;
  const svg = await satori(cardTree(input) as Parameters<typeof satori>[0], { ...CARD_SIZE, fonts: await loadFonts() });
  // Effort 1: the palette of a flat card comes out the same at every effort, at a third of the time.
  const png = await sharp(Buffer.from(svg)).png({ palette: true, colors: PALETTE_COLOURS, effort: 1, compressionLevel: 9, dither: 0 }).toBuffer();
  await writeCached('cards', key, 'png', png);
  return png;
}
