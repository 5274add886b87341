/**
 * Every card, of every kind, states only what the article or the context facts say. Each card
 * quotes its evidence; the quotes must be in the named source, and every number and proper name
 * the card uses must appear in its evidence, the article, or its own date.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const article = readFileSync('tests/fixtures/article.txt', 'utf8');
const context = readFileSync('tests/fixtures/context.md', 'utf8');
// The context file writes quotes as straight " and '; the cards use typographic ones.
const plain = (s: string) => s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

function load(folder: string) {
  return readdirSync(`content/${folder}`).map((name) => ({
    id: name.replace(/\.yaml$/, ''),
    data: parse(readFileSync(`content/${folder}/${name}`, 'utf8')) as Record<string, unknown>,
  }));
}
const events = load('events');
const issues = load('issues');
const people = load('people');

const REQUIRED_ISSUES = ['opcon', 'denuclearization', 'sanctions', 'inter-korean-engagement', 'road-rail-links', 'dmz-no-fly-zone', 'us-leverage', 'alliance-costs', 'reunification'];
const REQUIRED_EVENTS: Record<string, string> = {
  'division-38th-parallel': '1945',
  'korean-war-opcon': '1950',
  armistice: '1953-07-27',
  'peacetime-opcon-returned': '1994',
  'opcon-transfer-agreed': '2007',
  'opcon-transfer-postponed': '2010',
  'opcon-conditions-based': '2014',
  'cheonan-sinking': '2010-03-26',
  'may-24-measures': '2010-05-24',
  'liaison-office': '2018-09-14',
  'pyongyang-summit': '2018-09-18/2018-09-20',
  'pyongyang-declaration': '2018-09-19',
  'trump-approval-remark': '2018-10-10',
  'kang-sanctions-review': '2018-10-10',
  'opcon-pledge': '2018-10-12',
  'road-rail-concern': '2018-10',
  'no-fly-zone-report': '2018-10-18',
  'opcon-early-date': '2018-10-19',
};

/** The people the article names, and those the context names for offices the article gives: each with the role the sources give, and when. */
const REQUIRED_PEOPLE: Record<string, { name: string; role: string; basis: string }> = {
  'kim-jong-un': { name: 'Kim Jong Un', role: 'North Korean leader', basis: 'article' },
  'moon-jae-in': { name: 'Moon Jae-in', role: 'South Korean President', basis: 'article' },
  'kang-kyung-wha': { name: 'Kang Kyung-wha', role: 'South Korean Foreign Minister', basis: 'article' },
  'donald-trump': { name: 'Donald Trump', role: 'U.S. President', basis: 'article' },
  'jim-mattis': { name: 'Jim Mattis', role: 'U.S. defense secretary', basis: 'context' },
  'jeong-kyeong-doo': { name: 'Jeong Kyeong-doo', role: 'South Korea’s defence minister', basis: 'context' },
};

describe('annotations are traced to the article or the context facts', () => {
  it('has every person the article names, or the context names for an office the article gives, with that role as of October 2018', () => {
    expect(people.map((p) => p.id).sort()).toEqual(Object.keys(REQUIRED_PEOPLE).sort());
    for (const [id, want] of Object.entries(REQUIRED_PEOPLE)) {
      const data = people.find((p) => p.id === id)!.data;
      expect({ name: data['name'], role: data['role'], basis: data['basis'], roleAsOf: data['roleAsOf'] }, id).toEqual({ ...want, roleAsOf: '2018-10' });
      // Marked where the article names them (or their office), every time.
      expect((data['mentions'] as unknown[]).length, id).toBeGreaterThan(0);
    }
  });

  it('has every required issue and event, with the date the sources support', () => {
    expect(issues.map((i) => i.id)).toEqual(expect.arrayContaining(REQUIRED_ISSUES));
    for (const [id, date] of Object.entries(REQUIRED_EVENTS)) {
      expect(events.find((e) => e.id === id)?.data['date'], id).toBe(date);
    }
    expect(events.find((e) => e.id === 'opcon-transfer-agreed')?.data['target']).toBe('2012-04');
    expect(events.find((e) => e.id === 'opcon-transfer-postponed')?.data['target']).toBe('2015-12');
    expect(events.find((e) => e.id === 'opcon-conditions-based')?.data['targetLabel']).toBe('conditions-based');
  });

  it('says the Cheonan was a warship while the article’s “ferry” stays untouched', () => {
    const note = String(events.find((e) => e.id === 'cheonan-sinking')?.data['note']);
    expect(note).toMatch(/corvette/);
    expect(note).toMatch(/ferry/);
    expect(article).toContain('its sinking of a South Korean ferry in 2010');
  });

  for (const { id, data } of [...events, ...issues, ...people]) {
    it(`${id}: evidence is quoted from its basis, and the card adds no number or name of its own`, () => {
      const evidence = data['evidence'] as string[];
      expect(evidence.length).toBeGreaterThan(0);
      for (const quote of evidence) {
        const inArticle = plain(article).includes(plain(quote));
        const inContext = plain(context).includes(plain(quote));
        expect(data['basis'] === 'article' ? inArticle : inArticle || inContext, quote).toBe(true);
      }
      const support = plain([...evidence, article, String(data['date'] ?? ''), String(data['target'] ?? '')].join(' '));
      const card = plain([data['title'], data['name'], data['note'], data['summary'], data['wording'], data['role']].filter(Boolean).join('. '));
      const numbers = card.match(/\d+/g) ?? [];
      for (const n of numbers) expect(support, `number ${n}`).toContain(n);
      // Proper names: capitalised words not at the start of a sentence.
      const names = [...card.matchAll(/(?<![.:;!?“"]\s|^)\b([A-Z][a-z]+(?:[-’'][A-Za-z]+)?)/g)].map((m) => m[1]!);
      for (const name of names) expect(support, `name ${name}`).toContain(name);
    });
  }
});
