/**
 * 1200×630 preview cards (og:image), laid out at build time with satori (text as outlines, fonts
 * from npm packages, never fetched), rasterised by sharp (librsvg), and written as a 4-bit,
 * 16-colour palette PNG of about 12 KB.
 *
 * A card is one flat background with three lines of text in three inks, so it is drawn as that:
 * each text block (site name, title, byline) is laid out and rasterised on its own, as coverage
 * only, and written straight into the card's palette indices (the background, and five steps of
 * each ink over it): no 1200×630 canvas is painted, blended or searched for a palette, which
 * halves a card's time (what a clean build of a thousand articles spends most on). A title too
 * long for the card is set smaller until it fits. Cards are drawn by the cards integration, in
 * worker threads, while the pages render, and kept by a hash of their inputs.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import satori from 'satori';
import sharp from 'sharp';
import { cacheKey, readCached, writeCached } from '../build-cache.ts';

export interface CardInput {
  siteName: string;
  articleTitle: string;
  author: string;
  publisher: string;
}

export const CARD_SIZE = { width: 1200, height: 630 } as const;
const CARD_VERSION = 6;
const PADDING = { x: 72, y: 64 } as const;
/** The title's sizes, largest first: the first at which it fits between the other two lines. */
const TITLE_SIZES = [64, 56, 48, 42, 36] as const;
/** The least space kept between the title and the lines above and below it. */
const TITLE_GAP = 24;

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
type Ink = Exclude<keyof typeof INK, 'background'>;
const INKS: readonly Ink[] = ['paper', 'accent', 'muted'];

/** One block of the card: its text, in one ink, laid out across the card's inner width. */
export interface CardBlock {
  ink: Ink;
  tree: Node;
}

const block = (ink: Ink, style: Record<string, unknown>, text: string): CardBlock => ({
  ink,
  tree: el('div', { display: 'flex', width: CARD_SIZE.width - 2 * PADDING.x, color: INK[ink], fontFamily: 'Inter', ...style }, text),
});

/** The card's three blocks, top to bottom; the title at the given size. */
export function cardBlocks(input: CardInput, titleSize: number = TITLE_SIZES[0]): [CardBlock, CardBlock, CardBlock] {
  return [
    block('accent', { fontSize: 30, fontWeight: 700, letterSpacing: 1 }, input.siteName),
    block('paper', { fontFamily: 'Source Serif', fontSize: titleSize, lineHeight: 1.15 }, input.articleTitle),
    block('muted', { fontSize: 28 }, `${input.author} · ${input.publisher}`),
  ];
}

const rgb = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];

/** Palette index 0 is the background; each ink then has five steps of coverage over it (1–5, 6–10, 11–15). */
const STEPS = 5;
const PALETTE: Array<[number, number, number]> = [
  rgb(INK.background),
  ...INKS.flatMap((ink) => Array.from({ length: STEPS }, (_, k) => rgb(INK[ink]).map((c, i) => Math.round(rgb(INK.background)[i]! + ((c - rgb(INK.background)[i]!) * (k + 1)) / STEPS)) as [number, number, number])),
];
/** Coverage (0–255) → the step of ink it shows (0: the background). */
const STEP_OF = Uint8Array.from({ length: 256 }, (_, a) => Math.round((a * STEPS) / 255));

/** A block rasterised: its coverage (alpha), one byte a pixel. */
interface Coverage {
  ink: Ink;
  width: number;
  height: number;
  alpha: Buffer;
}

async function rasterise(b: CardBlock): Promise<Coverage> {
  const svg = await satori(b.tree as Parameters<typeof satori>[0], { width: CARD_SIZE.width - 2 * PADDING.x, fonts: await loadFonts() });
  const { data, info } = await sharp(Buffer.from(svg)).extractChannel('alpha').raw().toBuffer({ resolveWithObject: true });
  return { ink: b.ink, width: info.width, height: info.height, alpha: data };
}

/** The site's name, and a byline, recur card after card: each is drawn once a thread, not once a card. */
const recurring = new Map<string, Promise<Coverage>>();
/** Enough for every author of a large archive; past it, the drawings start again. */
const RECURRING_KEPT = 256;

function rasteriseRecurring(b: CardBlock): Promise<Coverage> {
  const key = JSON.stringify(b);
  let coverage = recurring.get(key);
  if (!coverage) {
    if (recurring.size >= RECURRING_KEPT) recurring.clear();
    coverage = rasterise(b);
    // A failed drawing is not kept: the next card tries again.
    coverage.catch(() => recurring.delete(key));
    recurring.set(key, coverage);
  }
  return coverage;
}

/** Where each block goes: the site name at the top, the byline at the bottom, the title centred between. */
export function placeBlocks(heights: readonly [number, number, number]): [number, number, number] {
  const [top, title, bottom] = heights;
  const inner = CARD_SIZE.height - 2 * PADDING.y;
  return [PADDING.y, PADDING.y + top + Math.round((inner - top - title - bottom) / 2), CARD_SIZE.height - PADDING.y - bottom];
}

/** Whether a title this tall fits between the other two lines. */
const titleFits = (heights: readonly [number, number, number]) => heights[1] + 2 * TITLE_GAP <= CARD_SIZE.height - 2 * PADDING.y - heights[0] - heights[2];

/** The card as palette indices, one byte a pixel: the three blocks laid out and each coverage turned into its ink's step. */
export async function cardIndices(input: CardInput): Promise<Uint8Array> {
  const [site, , byline] = cardBlocks(input);
  const [top, bottom] = await Promise.all([rasteriseRecurring(site), rasteriseRecurring(byline)]);
  let title!: Coverage;
  for (const size of TITLE_SIZES) {
    title = await rasterise(cardBlocks(input, size)[1]);
    if (titleFits([top.height, title.height, bottom.height])) break;
  }
  const blocks = [top, title, bottom];
  const ys = placeBlocks([top.height, title.height, bottom.height]);
  const indices = new Uint8Array(CARD_SIZE.width * CARD_SIZE.height);
  blocks.forEach((b, i) => {
    const base = 1 + INKS.indexOf(b.ink) * STEPS - 1;
    // A title that still does not fit at the smallest size is cut at the card's edges, never drawn outside.
    const rows = Math.min(b.height, CARD_SIZE.height - ys[i]!);
    for (let y = Math.max(0, -ys[i]!); y < rows; y++) {
      let out = (ys[i]! + y) * CARD_SIZE.width + PADDING.x;
      for (let x = 0, at = y * b.width; x < b.width; x++, at++, out++) {
        const step = STEP_OF[b.alpha[at]!]!;
        if (step > 0) indices[out] = base + step;
      }
    }
  });
  return indices;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, tail]);
}

/** Palette indices (one byte a pixel, each under 16) as a 4-bit palette PNG with the card's palette. */
export function palettePng(indices: Uint8Array, width: number, height: number): Buffer {
  // Two pixels a byte; each row starts with its filter type (0: none): flat runs deflate well as they are.
  const stride = Math.ceil(width / 2) + 1;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const from = y * width;
    for (let x = 0, out = y * stride + 1; x < width; x += 2, out++) rows[out] = (indices[from + x]! << 4) | (x + 1 < width ? indices[from + x + 1]! : 0);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 4; // bits per index
  header[9] = 3; // colour type: palette
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', header),
    pngChunk('PLTE', Uint8Array.from(PALETTE.flat())),
    // In the card's own worker thread: zlib's thread pool would only add a hand-over.
    pngChunk('IDAT', deflateSync(rows, { level: 6 })),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** The PNG for a card: from the build cache when its inputs are unchanged, else drawn and kept. */
export async function renderCard(input: CardInput): Promise<Uint8Array> {
  const key = cacheKey([CARD_VERSION, input]);
  const kept = await readCached('cards', key, 'png');
  if (kept) return kept;
  const png = palettePng(await cardIndices(input), CARD_SIZE.width, CARD_SIZE.height);
  await writeCached('cards', key, 'png', png);
  return png;
}
