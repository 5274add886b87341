/**
 * 1200×630 preview cards (og:image), laid out at build time with satori (text as outlines, fonts
 * from npm packages, never fetched), rasterised by sharp (librsvg), and written as a 16-colour
 * palette PNG of about 13 KB. The card has four inks on one background, so its palette is known
 * before it is drawn: each pixel is mapped to the nearest of the background and five steps of
 * each ink through a lookup table, instead of a palette being searched for (a third of the time),
 * and deflated on zlib's threads. Cards are drawn by the cards integration, in worker threads,
 * while the pages render, and kept by a hash of their inputs: an unchanged card is not drawn again.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
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
const CARD_VERSION = 5;

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

const INK = { background: '#1d1b18', paper: '#fdfcf9', accent: '#f0a07a', muted: '#b1aa9c' } as const;

export function cardTree(input: CardInput): Node {
  return el('div', { width: CARD_SIZE.width, height: CARD_SIZE.height, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '64px 72px', background: INK.background, color: INK.paper, fontFamily: 'Inter' }, [
    el('div', { display: 'flex', fontSize: 30, fontWeight: 700, letterSpacing: 1, color: INK.accent }, input.siteName),
    el('div', { display: 'flex', fontFamily: 'Source Serif', fontSize: 64, lineHeight: 1.15, color: INK.paper }, input.articleTitle),
    el('div', { display: 'flex', fontSize: 28, color: INK.muted }, `${input.author} · ${input.publisher}`),
  ]);
}

const rgb = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];

/** The background, and five steps of coverage of each of the three inks over it: 16 colours. */
const PALETTE: Array<[number, number, number]> = [
  rgb(INK.background),
  ...[INK.paper, INK.accent, INK.muted].flatMap((ink) => [1, 2, 3, 4, 5].map((step) => rgb(ink).map((c, i) => Math.round(rgb(INK.background)[i]! + ((c - rgb(INK.background)[i]!) * step) / 5)) as [number, number, number])),
];

/** Each colour at 5 bits a channel → the nearest palette entry. */
const NEAREST = (() => {
  const table = new Uint8Array(1 << 15);
  for (let key = 0; key < table.length; key++) {
    const [r, g, b] = [((key >> 10) & 31) * 8 + 4, ((key >> 5) & 31) * 8 + 4, (key & 31) * 8 + 4];
    let best = 0;
    let distance = Infinity;
    PALETTE.forEach(([pr, pg, pb], i) => {
      const d = (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2;
      if (d < distance) [best, distance] = [i, d];
    });
    table[key] = best;
  }
  return table;
})();

const deflateAsync = promisify(deflate);

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, tail]);
}

/** An RGB raster as an 8-bit palette PNG with the card's own palette. */
export async function palettePng(pixels: Uint8Array, width: number, height: number): Promise<Buffer> {
  // Each row starts with its filter type (0: none): flat runs of one index deflate well as they are.
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0, at = 0, out = 0; y < height; y++) {
    rows[out++] = 0;
    for (let x = 0; x < width; x++, at += 3) rows[out++] = NEAREST[((pixels[at]! >> 3) << 10) | ((pixels[at + 1]! >> 3) << 5) | (pixels[at + 2]! >> 3)]!;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per index
  header[9] = 3; // colour type: palette
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', header),
    pngChunk('PLTE', Uint8Array.from(PALETTE.flat())),
    pngChunk('IDAT', await deflateAsync(rows, { level: 6 })),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** The PNG for a card: from the build cache when its inputs are unchanged, else drawn and kept. */
export async function renderCard(input: CardInput): Promise<Uint8Array> {
  const key = cacheKey([CARD_VERSION, input]);
  const kept = await readCached('cards', key, 'png');
  if (kept) return kept;
  const svg = await satori(cardTree(input) as Parameters<typeof satori>[0], { ...CARD_SIZE, fonts: await loadFonts() });
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const png = await palettePng(data, info.width, info.height);
  await writeCached('cards', key, 'png', png);
  return png;
}
