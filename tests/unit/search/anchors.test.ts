import { describe, expect, it } from 'vitest';
import { withSearchAnchorsOnly } from '../../../src/lib/search/anchors.ts';

describe('what the search index reads of a page', () => {
  it('keeps the ids of sections and headings, and no other', () => {
    const page = '<section id="opening" class="article-section"><h2 id="after">After</h2><p id="opening-p1">The <a href="#c" id="m1" class="mark">OPCON</a> transfer.</p><figure id="f"><figcaption id="fc">A</figcaption></figure></section>';
    expect(withSearchAnchorsOnly(page)).toBe('<section id="opening" class="article-section"><h2 id="after">After</h2><p>The <a href="#c" class="mark">OPCON</a> transfer.</p><figure><figcaption>A</figcaption></figure></section>');
  });

  it('leaves the words, other attributes that end in "id", and the ids in text alone', () => {
    const page = '<p data-id="x" aria-describedby="y" id="p2">id="p3" &lt;p id="p4"&gt;</p><H3 id="h">Up</H3>';
    expect(withSearchAnchorsOnly(page)).toBe('<p data-id="x" aria-describedby="y">id="p3" &lt;p id="p4"&gt;</p><H3 id="h">Up</H3>');
  });

  it('passes a page read as Latin-1 through byte for byte, its typography included', () => {
    const page = '<p id="q">‘OPCON’ – “wartime” control</p><section id="s"><h2 id="h">Über</h2></section>';
    const bytes = Buffer.from(withSearchAnchorsOnly(Buffer.from(page, 'utf8').toString('latin1')), 'latin1');
    expect(bytes.toString('utf8')).toBe('<p>‘OPCON’ – “wartime” control</p><section id="s"><h2 id="h">Über</h2></section>');
  });
});
