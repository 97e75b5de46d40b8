// Unit tests: pure helpers of the panels (search grouping, relationships, article marks, timeline bins, file header).
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../client/api/types.ts';
import { findEntityRanges, findSentence, segmentText } from '../../../client/panels/article/marks.ts';
import {
  groupRelationships,
  relationshipsOf,
  startsCollapsed,
  uniqueEvidence,
} from '../../../client/panels/details/relationships.ts';
import { normalizeDate, parseArticle } from '../../../client/panels/loader/parseArticle.ts';
import { groupHits } from '../../../client/panels/search/group.ts';
import { binEvents, chooseUnit } from '../../../client/panels/timeline/histogram.ts';

const hit = (id: string, label: string, name = id): SearchHit => ({
  id,
  label,
  name,
  aliases: [],
  score: 1,
  mentionCount: 1,
});

describe('groupHits', () => {
  it('groups by type in canonical order, keeping the server ranking inside each group', () => {
    const groups = groupHits([
      hit('p', 'Place'),
      hit('c1', 'Company'),
      hit('x', 'Vessel'),
      hit('c2', 'Company'),
      hit('h', 'Person'),
    ]);
    expect(groups.map((g) => [g.label, g.hits.map((h) => h.id)])).toEqual([
      ['Person', ['h']],
      ['Company', ['c1', 'c2']],
      ['Place', ['p']],
      ['Vessel', ['x']],
    ]);
  });
});

describe('relationships', () => {
  const nodes = [
    { id: 'me', label: 'Person', name: 'Me', weight: 1 },
    { id: 'co', label: 'Company', name: 'Netcompany', weight: 1 },
    { id: 'uni', label: 'Organization', name: 'DTU', weight: 1 },
    { id: 'x', label: 'Company', name: 'X', weight: 1 },
  ];
  const edges = [
    { id: 'e1', source: 'me', target: 'co', type: 'EMPLOYED_BY', support: 1 },
    { id: 'e2', source: 'me', target: 'uni', type: 'EDUCATED_AT', support: 2 },
    { id: 'e3', source: 'x', target: 'me', type: 'CO_MENTIONED', support: 5 },
    { id: 'e4', source: 'co', target: 'x', type: 'OWNS', support: 1 },
  ];
  it("keeps only the node's own edges, with direction and the other end", () => {
    const rows = relationshipsOf('me', { nodes, edges });
    expect(rows.map((r) => [r.edge.id, r.direction, r.other.id])).toEqual([
      ['e1', 'out', 'co'],
      ['e2', 'out', 'uni'],
      ['e3', 'in', 'x'],
    ]);
  });
  it('orders typed relations before co-mentions', () => {
    const groups = groupRelationships(relationshipsOf('me', { nodes, edges }));
    expect(groups.map((g) => g.type)).toEqual(['EDUCATED_AT', 'EMPLOYED_BY', 'CO_MENTIONED']);
  });
  it('puts event participation after typed relations and folds long weak groups', () => {
    const rows = Array.from({ length: 6 }, (_, i) => ({
      id: `p${i}`,
      source: 'me',
      target: 'co',
      type: 'PARTICIPATES_IN',
      support: 9,
    }));
    const groups = groupRelationships(relationshipsOf('me', { nodes, edges: [...edges, ...rows] }));
    expect(groups.map((g) => g.type)).toEqual(['EDUCATED_AT', 'EMPLOYED_BY', 'PARTICIPATES_IN', 'CO_MENTIONED']);
    expect(groups.map(startsCollapsed)).toEqual([false, false, true, true]);
  });
  it('lists a sentence once per article', () => {
    const items = [
      { sentence: 'USA  sætter Huawei på listen.', articleId: 'a' },
      { sentence: 'USA sætter Huawei på listen.', articleId: 'a' },
      { sentence: 'USA sætter Huawei på listen.', articleId: 'b' },
    ];
    expect(uniqueEvidence(items).map((i) => i.articleId)).toEqual(['a', 'b']);
  });
});

describe('article marks', () => {
  const text =
    'USA lukker Xiaomi ind i varmen.\n\nDen amerikanske regering har indgået en aftale\nmed Xiaomi. Huaweis aktie steg.';
  it('finds a sentence across line breaks', () => {
    const range = findSentence(text, 'Den amerikanske regering har indgået en aftale med Xiaomi.');
    expect(range).not.toBeNull();
    const [s, e] = range as [number, number];
    expect(text.slice(s, e)).toBe('Den amerikanske regering har indgået en aftale\nmed Xiaomi.');
    expect(findSentence(text, 'Ikke i teksten.')).toBeNull();
  });
  it('marks names, aliases and Danish genitives, longest first, whole words only', () => {
    const ents = [
      { id: 'x', label: 'Company', name: 'Xiaomi', aliases: [] },
      { id: 'h', label: 'Company', name: 'Huawei', aliases: ['Huawei Technologies'] },
      { id: 'u', label: 'Government', name: 'USA', aliases: ['Den amerikanske regering'] },
    ];
    const ranges = findEntityRanges(text, ents);
    expect(ranges.map((r) => [text.slice(r.start, r.end), r.entity.id])).toEqual([
      ['USA', 'u'],
      ['Xiaomi', 'x'],
      ['Den amerikanske regering', 'u'],
      ['Xiaomi', 'x'],
      ['Huaweis', 'h'],
    ]);
    expect(findEntityRanges('USAs og MUSAEUM', [ents[2]]).map((r) => r.start)).toEqual([0]);
  });
  it('segments text so sentence and entity boundaries line up', () => {
    const sentence = findSentence(text, 'Huaweis aktie steg.');
    const segs = segmentText(
      text,
      sentence,
      findEntityRanges(text, [{ id: 'h', label: 'Company', name: 'Huawei', aliases: [] }]),
    );
    expect(segs.map((s) => s.text).join('')).toBe(text);
    const marked = segs.filter((s) => s.entity);
    expect(marked.map((s) => [s.text, s.inSentence])).toEqual([['Huaweis', true]]);
    expect(
      segs
        .filter((s) => s.inSentence)
        .map((s) => s.text)
        .join(''),
    ).toBe('Huaweis aktie steg.');
  });
});

describe('timeline bins', () => {
  it('chooses a readable unit for the span', () => {
    expect(chooseUnit('2021-01-01', '2021-01-20')).toBe('day');
    expect(chooseUnit('2019-01-01', '2021-06-01')).toBe('month');
    expect(chooseUnit('2001-01-01', '2021-06-01')).toBe('year');
  });
  it('counts events per month, including gaps, undated separately, and those on the canvas', () => {
    const { bins, unit, undated } = binEvents(
      [
        { id: 'a', date: '2021-01-05' },
        { id: 'b', date: '2021-03-30' },
        { id: 'c', date: '2021-03' },
        { id: 'd', date: null },
        { id: 'e', date: '2021-06-01' },
      ],
      new Set(['b']),
    );
    expect(unit).toBe('month');
    expect(undated).toBe(1);
    expect(bins.map((b) => [b.label, b.count, b.onCanvas])).toEqual([
      ['2021-01', 1, 0],
      ['2021-02', 0, 0],
      ['2021-03', 2, 1],
      ['2021-04', 0, 0],
      ['2021-05', 0, 0],
      ['2021-06', 1, 0],
    ]);
    expect(bins[1]).toMatchObject({ start: '2021-02-01', end: '2021-02-28' });
  });
});

describe('article file header', () => {
  it('reads URL and Dato lines, then the title line', () => {
    const parsed = parseArticle('URL: https://example.dk/a\nDato: 29. juni 2019\n\nHuawei får lov\n\nBrødtekst.');
    expect(parsed).toMatchObject({ url: 'https://example.dk/a', publishedAt: '2019-06-29', title: 'Huawei får lov' });
    expect(parsed.body.startsWith('Huawei får lov')).toBe(true);
  });
  it('works without a header', () => {
    expect(parseArticle('\uFEFFTitel\r\n\r\nTekst').title).toBe('Titel');
  });
  it('normalises common Danish date forms', () => {
    expect(normalizeDate('2019-06-29')).toBe('2019-06-29');
    expect(normalizeDate('1.10.2025')).toBe('2025-10-01');
    expect(normalizeDate('3. marts 2021')).toBe('2021-03-03');
    expect(normalizeDate('i går')).toBeNull();
  });
});
