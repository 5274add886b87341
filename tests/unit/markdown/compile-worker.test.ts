/**
 * The content layer's worker thread (`src/lib/markdown/compile-worker.ts`), called as Piscina
 * calls it: a section's HTML and outline are kept under its digest by the thread that compiled
 * them, and only the outline goes back; a content problem comes back as data and keeps nothing.
 */
import { describe, expect, it } from 'vitest';
import { isKept, keptHtml, keptOutline } from '../../../src/lib/content/compiled.ts';
import { section } from '../../../src/lib/markdown/compile-worker.ts';
import { scratchBuildCache } from '../scratch-cache.ts';

scratchBuildCache('compile-worker');

const input = (id: string) => ({ file: `articles/a/${id}.mdx`, id, label: 'One', noteOffset: 0, mentions: [] });

describe('a worker thread compiles a section and keeps it', () => {
  it('keeps the HTML and outline under the digest, and sends back the outline alone', async () => {
    const result = await section({ body: 'Ships left the harbour.[^n]\n\n[^n]: At dawn.', input: input('one'), lines: 0, digest: 'digest-one' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value).sort()).toEqual(Object.keys(keptOutline('digest-one', 'one.mdx')).sort());
    expect(result.value.notes).toBe(1);
    expect(isKept('digest-one')).toBe(true);
    expect(keptHtml('digest-one', 'one.mdx')).toContain('Ships left the harbour.');
    expect(JSON.stringify(result.value)).not.toContain('<p');
  });

  it('sends a content problem back as data, and keeps nothing', async () => {
    const result = await section({ body: '\nPrices {rose}.', input: input('two'), lines: 5, digest: 'digest-two' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: 'articles/a/two.mdx' });
    expect(isKept('digest-two')).toBe(false);
  });
});
