/**
 * 1200×630 preview cards (og:image): three lines of text set at build time (`card-text.ts`:
 * HarfBuzz shaping, glyphs rasterised by sharp, fonts from npm packages, never fetched), written
 * as a 4-bit, 16-colour palette PNG of about 12 KB.
 *
 * A card is one flat background with three lines of text in three inks, so it is drawn as that:
 * each text block (site name, title, byline) is set on its own, as coverage only, and written
 * straight into the card's palette indices (the background, and five steps of each ink over it):
 * no 1200×630 canvas is painted, blended or searched for a palette. A title too long for the card
 * is set smaller until it fits. Cards are drawn by the cards integration, in a worker thread,
 * while the rest of the build runs, and kept by a hash of their inputs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import { cacheKey, readCached, writeCached } from '../build-cache.ts';
import { CardFont, setText, type SetText, type TextStyle } from './card-text.ts';

export interface CardInput {
  siteName: string;
  articleTitle: string;
  author: string;
  publisher: string;
}

export const CARD_SIZE = { width: 1200, height: 630 } as const;
const CARD_VERSION = 7;
const PADDING = { x: 72, y: 64 } as const;
/** The title's sizes, largest first: the first at which it fits between the other two lines. */
const TITLE_SIZES = [64, 56, 48, 42, 36] as const;
/** The least space kept between the title and the lines above and below it. */
const TITLE_GAP = 24;
const INNER_WIDTH = CARD_SIZE.width - 2 * PADDING.x;

const require = createRequire(import.meta.url);
const font = (file: string) => new CardFont(readFileSync(require.resolve(file)));
let fonts: { sans: CardFont; sansBold: CardFont; serif: CardFont } | undefined;
/** The card's three faces, read once a thread (each keeps the glyphs it has drawn). */
function loadFonts() {
  fonts ??= {
    sans: font('@fontsource/inter/files/inter-latin-400-normal.woff'),
    sansBold: font('@fontsource/inter/files/inter-latin-700-normal.woff'),
    serif: font('@fontsource/source-serif-4/files/source-serif-4-latin-600-normal.woff'),
  };
  return fonts;
}

const INK = { background: '#1d1b18', paper: '#fdfcf9', accent: '#f0a07a', muted: '#b1aa9c' } as const;
type Ink = Exclude<keyof typeof INK, 'background'>;
const INKS: readonly Ink[] = ['paper', 'accent', 'muted'];

/** One block of the card: its text, in one ink and one style, set across the card's inner width. */
export interface CardBlock {
  ink: Ink;
  text: string;
  style: TextStyle;
}

/** The card's three blocks, top to bottom; the title at the given size. */
export function cardBlocks(input: CardInput, titleSize: number = TITLE_SIZES[0]): [CardBlock, CardBlock, CardBlock] {
  const { sans, sansBold, serif } = loadFonts();
  return [
    { ink: 'accent', text: input.siteName, style: { font: sansBold, size: 30, letterSpacing: 1 } },
    { ink: 'paper', text: input.articleTitle, style: { font: serif, size: titleSize, lineHeight: 1.15 } },
    { ink: 'muted', text: `${input.author} · ${input.publisher}`, style: { font: sans, size: 28 } },
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

const set = (b: CardBlock): Promise<SetText> => setText(b.text, b.style, INNER_WIDTH);

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
  const [top, bottom] = [await set(site), await set(byline)];
  let title!: SetText;
  let titleBlock!: CardBlock;
  for (const size of TITLE_SIZES) {
    titleBlock = cardBlocks(input, size)[1];
    title = await set(titleBlock);
    if (titleFits([top.height, title.height, bottom.height])) break;
  }
  const blocks: Array<[Ink, SetText]> = [
    [site.ink, top],
    [titleBlock.ink, title],
    [byline.ink, bottom],
  ];
  const ys = placeBlocks([top.height, title.height, bottom.height]);
  const indices = new Uint8Array(CARD_SIZE.width * CARD_SIZE.height);
  blocks.forEach(([ink, b], i) => {
    const base = 1 + INKS.indexOf(ink) * STEPS - 1;
    // Ink past the card's edges (a title that still does not fit at the smallest size) is cut, never drawn outside.
    for (let row = 0; row < b.inkRows; row++) {
      const y = ys[i]! + b.inkTop + row;
      if (y < 0 || y >= CARD_SIZE.height) continue;
      let out = y * CARD_SIZE.width + PADDING.x;
      for (let x = 0, at = row * b.width; x < b.width; x++, at++, out++) {
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
    // In the card's own worker thread: zlib's thread pool would only add a hand-over. Level 5:
    // 1.6 ms a card against level 6's 2.4 ms, for 1 % more bytes (300 cards, stop 31).
    pngChunk('IDAT', deflateSync(rows, { level: 5 })),
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
