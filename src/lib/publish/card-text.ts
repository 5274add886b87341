/**
 * Text set for the preview cards, as coverage (one byte a pixel): shaped by HarfBuzz (the font's
 * kerning and ligatures, as a browser sets them), broken into lines at spaces and after dashes,
 * and drawn from glyphs rasterised once a thread (by sharp, from the font's outlines) and placed
 * at a quarter of a pixel. A card's title is a few dozen glyphs a thread has mostly drawn before:
 * laying it out and rasterising it whole (satori, then librsvg) took about 10 ms a card, the
 * largest part of a clean build's cards; placing drawn glyphs takes a fraction of one.
 */
import { inflateSync } from 'node:zlib';
import { Blob, Buffer as ShapingBuffer, Face, Font, shape } from 'harfbuzzjs';
import sharp from 'sharp';

/** A WOFF 1.0 file as the OpenType font it wraps: HarfBuzz reads OpenType, and npm's fonts come as WOFF. */
export function sfntFromWoff(woff: Uint8Array): Uint8Array {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== 0x774f4646) return woff; // not "wOFF": already OpenType
  const count = view.getUint16(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compressed, length] = [view.getUint32(at + 4), view.getUint32(at + 8), view.getUint32(at + 12)];
    const stored = woff.subarray(offset, offset + compressed);
    return { tag: view.getUint32(at), checksum: view.getUint32(at + 16), data: compressed < length ? new Uint8Array(inflateSync(stored)) : stored };
  });
  const header = 12 + 16 * count;
  const size = tables.reduce((total, t) => total + ((t.data.length + 3) & ~3), header);
  const out = new Uint8Array(size);
  const sfnt = new DataView(out.buffer);
  const power = 2 ** Math.floor(Math.log2(count));
  sfnt.setUint32(0, view.getUint32(4));
  sfnt.setUint16(4, count);
  sfnt.setUint16(6, power * 16);
  sfnt.setUint16(8, Math.log2(power));
  sfnt.setUint16(10, count * 16 - power * 16);
  let offset = header;
  tables.forEach((t, i) => {
    sfnt.setUint32(12 + i * 16, t.tag);
    sfnt.setUint32(16 + i * 16, t.checksum);
    sfnt.setUint32(20 + i * 16, offset);
    sfnt.setUint32(24 + i * 16, t.data.length);
    out.set(t.data, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

/** A font as the cards use it: shaped and drawn in its own units (its em), scaled when placed. */
export class CardFont {
  readonly #font: Font;
  readonly upem: number;
  readonly ascender: number;
  readonly descender: number;
  readonly lineGap: number;
  /** Glyphs drawn so far, by size, glyph and quarter-pixel phase. */
  readonly drawn = new Map<string, Glyph>();

  constructor(woff: Uint8Array) {
    const face = new Face(new Blob(sfntFromWoff(woff)), 0);
    this.#font = new Font(face);
    this.upem = face.upem;
    this.#font.setScale(this.upem, this.upem);
    ({ ascender: this.ascender, descender: this.descender, lineGap: this.lineGap } = this.#font.hExtents());
  }

  /** The text's glyphs, each with the character it starts at and its advance, in font units. */
  shape(text: string): Array<{ glyph: number; at: number; advance: number; dx: number; dy: number }> {
    const buffer = new ShapingBuffer();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    shape(this.#font, buffer);
    return buffer.getGlyphInfosAndPositions().map((g) => ({ glyph: g.codepoint, at: g.cluster, advance: g.xAdvance ?? 0, dx: g.xOffset ?? 0, dy: g.yOffset ?? 0 }));
  }

  extents(glyph: number) {
    return this.#font.glyphExtents(glyph);
  }

  outline(glyph: number): string {
    return this.#font.glyphToPath(glyph);
  }
}

/** A glyph drawn at one size and phase: its coverage, and where that sits from the glyph's origin on the baseline. */
interface Glyph {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

export interface TextStyle {
  font: CardFont;
  /** Pixels to the em. */
  size: number;
  /** Of the size; else the font's own (ascender, descender and line gap), as CSS's `normal`. */
  lineHeight?: number;
  /** Pixels added after each character, as CSS's `letter-spacing`. */
  letterSpacing?: number;
}

/** Set text: its lines' box (`width` wide, `height` the lines' heights) and its ink, which may reach past the box. */
export interface SetText {
  width: number;
  height: number;
  lines: number;
  /** The ink's rows, `inkTop` the first one's place from the box's top (negative: above it). */
  inkTop: number;
  inkRows: number;
  alpha: Uint8Array;
}

/** Places at a quarter of a pixel: a glyph is drawn at most four ways a size. */
const PHASES = 4;
/** The widest atlas a thread rasterises at once; its glyphs are packed in rows. */
const ATLAS_WIDTH = 2048;

/** Where a line may end: after a space, or after a hyphen or a dash (the mark stays on the line). */
const BREAK_AFTER = /[\s\-‐–—]/;

/** The text's lines: each the glyphs it holds (by index), greedily filled to `width`. */
export function breakLines(text: string, glyphs: ReadonlyArray<{ at: number; advance: number }>, scale: number, letterSpacing: number, width: number): Array<{ from: number; to: number }> {
  // The text's words, each with the spaces after it: a line ends at a word's end, its spaces hanging.
  const words: Array<{ from: number; to: number; inked: number }> = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ends = i + 1 === text.length || (BREAK_AFTER.test(text[i]!) && !/\s/.test(text[i + 1]!));
    if (!ends) continue;
    let inked = i + 1;
    while (inked > from && /\s/.test(text[inked - 1]!)) inked--;
    words.push({ from, to: i + 1, inked });
    from = i + 1;
  }
  const widthOf = (a: number, b: number) => glyphs.reduce((w, g) => (g.at >= a && g.at < b ? w + g.advance * scale + letterSpacing : w), 0);
  const lines: Array<{ from: number; to: number }> = [];
  let line: { from: number; to: number } | undefined;
  for (const word of words) {
    if (line && widthOf(line.from, word.inked) <= width) {
      line.to = word.inked;
      continue;
    }
    line = { from: word.from, to: word.inked };
    lines.push(line);
  }
  // As glyph indices: a glyph belongs to the line its character is in.
  return lines.map((l) => ({ from: glyphs.findIndex((g) => g.at >= l.from), to: glyphs.findLastIndex((g) => g.at < l.to) + 1 }));
}

/** Rasterise the glyphs `wanted` (keys in `font.drawn`'s form) in one image, and keep each. */
async function draw(font: CardFont, size: number, wanted: Array<{ key: string; glyph: number; phase: number }>): Promise<void> {
  const scale = size / font.upem;
  let [x, y, rowHeight] = [0, 0, 0];
  const placed = wanted.map((w) => {
    const e = font.extents(w.glyph)!;
    const shift = w.phase / PHASES;
    const left = Math.floor(e.xBearing * scale + shift) - 1;
    const right = Math.ceil((e.xBearing + e.width) * scale + shift) + 1;
    const top = Math.floor(-e.yBearing * scale) - 1;
    const bottom = Math.ceil(-(e.yBearing + e.height) * scale) + 1;
    const [width, height] = [right - left, bottom - top];
    if (x + width > ATLAS_WIDTH) [x, y, rowHeight] = [0, y + rowHeight, 0];
    const cell = { ...w, left, top, width, height, x, y, shift };
    [x, rowHeight] = [x + width, Math.max(rowHeight, height)];
    return cell;
  });
  const [atlasWidth, atlasHeight] = [Math.max(1, ...placed.map((c) => c.x + c.width)), Math.max(1, y + rowHeight)];
  const paths = placed.map((c) => `<path transform="translate(${c.x - c.left + c.shift} ${c.y - c.top}) scale(${scale} ${-scale})" d="${font.outline(c.glyph)}"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${atlasWidth}" height="${atlasHeight}">${paths}</svg>`;
  const { data } = await sharp(Buffer.from(svg)).extractChannel('alpha').raw().toBuffer({ resolveWithObject: true });
  for (const c of placed) {
    const alpha = new Uint8Array(c.width * c.height);
    for (let row = 0; row < c.height; row++) alpha.set(data.subarray((c.y + row) * atlasWidth + c.x, (c.y + row) * atlasWidth + c.x + c.width), row * c.width);
    font.drawn.set(c.key, { left: c.left, top: c.top, width: c.width, height: c.height, alpha });
  }
}

/** `text` in `style`, set in lines no wider than `width`; a word longer than the width is cut at it. */
export async function setText(text: string, style: TextStyle, width: number): Promise<SetText> {
  const { font, size } = style;
  const spacing = style.letterSpacing ?? 0;
  const scale = size / font.upem;
  const glyphs = font.shape(text);
  const lines = breakLines(text, glyphs, scale, spacing, width);
  const content = (font.ascender - font.descender) * scale;
  const lineHeight = style.lineHeight ? style.lineHeight * size : content + font.lineGap * scale;
  // Each line's baseline sits as CSS puts it: half the leading above the glyphs' ascent.
  const baseline = Math.round((lineHeight - content) / 2 + font.ascender * scale);
  const placed: Array<{ key: string; x: number; y: number }> = [];
  const wanted = new Map<string, { key: string; glyph: number; phase: number }>();
  lines.forEach((line, n) => {
    let pen = 0;
    for (let i = line.from; i < line.to; i++) {
      const g = glyphs[i]!;
      const at = pen + g.dx * scale;
      pen += g.advance * scale + spacing;
      const e = font.extents(g.glyph);
      if (!e || e.width === 0 || e.height === 0) continue;
      const whole = Math.floor(at);
      const phase = Math.round((at - whole) * PHASES);
      const key = `${size}:${g.glyph}:${phase}`;
      if (!font.drawn.has(key)) wanted.set(key, { key, glyph: g.glyph, phase });
      placed.push({ key, x: whole, y: Math.round(n * lineHeight) + baseline - Math.round(g.dy * scale) });
    }
  });
  if (wanted.size > 0) await draw(font, size, [...wanted.values()]);
  const glyphAt = placed.map(({ key, x, y }) => ({ x, y, glyph: font.drawn.get(key)! }));
  const height = Math.round(lines.length * lineHeight);
  const inkTop = Math.min(0, ...glyphAt.map((p) => p.y + p.glyph.top));
  const inkRows = Math.max(height, ...glyphAt.map((p) => p.y + p.glyph.top + p.glyph.height)) - inkTop;
  const alpha = new Uint8Array(width * inkRows);
  for (const { glyph, x, y } of glyphAt) {
    for (let row = 0; row < glyph.height; row++) {
      const out = (y + glyph.top + row - inkTop) * width;
      for (let col = 0; col < glyph.width; col++) {
        const column = x + glyph.left + col;
        if (column < 0 || column >= width) continue;
        const a = glyph.alpha[row * glyph.width + col]!;
        // Glyphs that touch (a kerned pair) add up, as one outline filled would.
        if (a > 0) alpha[out + column] = Math.min(255, alpha[out + column]! + a);
      }
    }
  }
  return { width, height, lines: lines.length, inkTop, inkRows, alpha };
}
