/**
 * The preview card: a 1200×630, 4-bit palette PNG whose three lines of text land in their own
 * bands (site name at the top, byline at the bottom, the title between), inside the padding; a
 * title too long for the card is set smaller and still never touches the lines around it.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CARD_SIZE, cardIndices, palettePng, placeBlocks } from '../../../src/lib/publish/card.ts';

const INPUT = { siteName: 'Long Reads', articleTitle: 'A Short Title', author: 'Ann Author', publisher: 'The Harbour Gazette' };
const LONG = { ...INPUT, articleTitle: 'A title that goes on and on about the alliance between two countries, its costs, its command, its exercises and its future in a changing region, with still more words to come after all of these, and then some more again' };

/** The rows where each ink (palette 1–5, 6–10, 11–15: paper, accent, muted) is drawn, and the columns of all ink. */
function bands(indices: Uint8Array) {
  const rows = { paper: [] as number[], accent: [] as number[], muted: [] as number[] };
  let left: number = CARD_SIZE.width;
  let right = 0;
  for (let y = 0; y < CARD_SIZE.height; y++) {
    const inks = new Set<keyof typeof rows>();
    for (let x = 0; x < CARD_SIZE.width; x++) {
      const i = indices[y * CARD_SIZE.width + x]!;
      if (i === 0) continue;
      inks.add(i <= 5 ? 'paper' : i <= 10 ? 'accent' : 'muted');
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
    for (const ink of inks) rows[ink].push(y);
  }
  const span = (r: number[]) => ({ top: Math.min(...r), bottom: Math.max(...r) });
  return { accent: span(rows.accent), paper: span(rows.paper), muted: span(rows.muted), left, right };
}

describe('the preview card', () => {
  it('is a 1200×630, 4-bit, 16-colour palette PNG that decodes to the card', async () => {
    const png = palettePng(await cardIndices(INPUT), CARD_SIZE.width, CARD_SIZE.height);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([1200, 630, 4, 3]);
    const { info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1200, 630]);
    expect(png.length).toBeLessThanOrEqual(16 * 1024);
  });

  it('puts the site name at the top, the byline at the bottom and the title between, inside the padding', async () => {
    const b = bands(await cardIndices(INPUT));
    expect(b.accent.top).toBeGreaterThanOrEqual(64);
    expect(b.accent.bottom).toBeLessThan(b.paper.top);
    expect(b.paper.bottom).toBeLessThan(b.muted.top);
    expect(b.muted.bottom).toBeLessThan(630 - 64);
    expect(b.left).toBeGreaterThanOrEqual(72);
    expect(b.right).toBeLessThan(1200 - 72);
    // The title is centred between the other two lines, to within its own line's spacing.
    expect(Math.abs(b.paper.top - b.accent.bottom - (b.muted.top - b.paper.bottom))).toBeLessThan(40);
  });

  it('sets a long title smaller, still clear of the lines above and below it', async () => {
    const short = bands(await cardIndices(INPUT));
    const long = bands(await cardIndices(LONG));
    expect(long.paper.top - long.accent.bottom).toBeGreaterThanOrEqual(24);
    expect(long.muted.top - long.paper.bottom).toBeGreaterThanOrEqual(24);
    // Smaller type: the title's first letter (a capital A in both) is shorter in the long title.
    const firstLetterHeight = async (input: typeof INPUT) => {
      const indices = await cardIndices(input);
      const inked = (y: number) => Array.from({ length: 40 }, (_, x) => indices[y * 1200 + 72 + x]!).some((i) => i >= 1 && i <= 5);
      let top = 0;
      while (!inked(top)) top++;
      let bottom = top;
      while (inked(bottom + 1)) bottom++;
      return bottom - top + 1;
    };
    const [shortA, longA] = [await firstLetterHeight(INPUT), await firstLetterHeight(LONG)];
    expect(longA).toBeLessThan(shortA);
    expect(shortA).toBeGreaterThan(30);
    expect(short.paper.bottom - short.paper.top).toBeLessThan(long.paper.bottom - long.paper.top);
  });

  it('places the blocks from their heights alone', () => {
    expect(placeBlocks([36, 74, 34])).toEqual([64, 64 + 36 + Math.round((502 - 36 - 74 - 34) / 2), 630 - 64 - 34]);
  });
});
