// The known-entity index: kept up to date across lists (as the pipeline reads the graph per article), it equals a fresh build.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../server/ingest/extract.ts';
import {
  buildKnownIndex,
  GrowingKnownIndex,
  type KnownIndex,
  KnownIndexCache,
} from '../../../server/ingest/resolve/index.ts';
import type { EntityType, KnownEntity } from '../../../server/model.ts';

/** The index as plain data: keyed lists in their order (the order decides which of several matches wins). */
function dump(index: KnownIndex): unknown {
  const sorted = <T>(entries: Iterable<[string, T]>) => [...entries].sort((a, b) => a[0].localeCompare(b[0]));
  return {
    byKey: sorted(index.byKey).map(([k, list]) => [k, list.map((e) => e.entity.id)]),
    typo: sorted(index.typoKeys).map(([letter, byLength]) => [
      letter,
      [...byLength].sort((a, b) => a[0] - b[0]).map(([n, list]) => [n, list.map((e) => `${e.key}=${e.entity.id}`)]),
    ]),
    uneven: sorted(index.unevenKeys).map(([k, list]) => [k, list.map((e) => e.entity.id)]),
    // Only single matches are used from these two, so their order does not matter.
    bySurname: sorted(index.bySurname).map(([k, list]) => [k, list.map((e) => e.id).sort()]),
    byLegalPrefix: sorted(index.byLegalPrefix).map(([k, list]) => [k, list.map((e) => e.id).sort()]),
  };
}

const TYPES: EntityType[] = ['Person', 'Company', 'Government', 'Organization', 'Place'];
const FIRST = ['Anja', 'Mette', 'Jens', 'Kasper', 'Niko', 'Søren'];
const LAST = ['Andersen', 'Pedersen', 'Kirk', 'Fjeldsted', 'Phonekeo', 'Brøchner'];
const COMPANY = ['Norriq', 'Visma', 'Huawei', 'Nokia', 'Tianrui', 'Alcadon', 'Gammelby'];

/** A deterministic stream of entities with names that share keys, surnames, legal prefixes and near-typos. */
function entities(count: number, seed: number): KnownEntity[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  return Array.from({ length: count }, (_, i) => {
    const type = pick(TYPES);
    const name =
      type === 'Person'
        ? `${pick(FIRST)} ${pick(LAST)}`
        : `${pick(COMPANY)}${next() < 0.3 ? 'h' : ''}${next() < 0.4 ? ' Danmark' : ''}${next() < 0.5 ? ' A/S' : ''}`;
    const aliases = next() < 0.4 ? [`${name}s`, name.split(' ')[0]] : [];
    return { id: `e${seed}-${i}`, type, name, aliases };
  });
}

describe('buildKnownIndex', () => {
  it('reuses the index of an unchanged list and indexes a list grown in place anew', () => {
    const list = entities(50, 7);
    const first = buildKnownIndex(list);
    expect(buildKnownIndex(list)).toBe(first);
    list.push({ id: 'company:nyfirma', type: 'Company', name: 'Nyfirma ApS', aliases: [] });
    const grown = buildKnownIndex(list);
    expect(grown).not.toBe(first);
    expect(grown.byKey.get('nyfirma')?.map((k) => k.entity.id)).toEqual(['company:nyfirma']);
  });
});

describe('KnownIndexCache', () => {
  it('equals a fresh index through additions, changes, removals, reordering and repeated ids', () => {
    const cache = new KnownIndexCache();
    const extra = entities(400, 2);
    let list = entities(200, 1);
    const steps: ((l: KnownEntity[]) => KnownEntity[])[] = [
      (l) => [...l, ...extra.splice(0, 7)],
      (l) => l.map((e, i) => (i === 17 ? { ...e, aliases: [...e.aliases, `${e.name} Holding`] } : e)),
      (l) => l.filter((_, i) => i % 50 !== 3),
      (l) => [...l.slice(0, 40), ...extra.splice(0, 3), ...l.slice(40)],
      (l) => l.map((e, i) => (i === 5 ? { ...e, name: `${e.name}x`, type: 'Company' as const } : e)),
      (l) => [...l].reverse(),
      (l) => [...l, l[0]],
      (l) => l.slice(1),
      (l) => [...extra.splice(0, 2), ...l],
      (l) => l.slice(0, 30),
      () => [],
      () => entities(120, 3),
    ];
    for (const step of steps) {
      list = step(list);
      // Fresh objects, as the database returns them for every article.
      const copy = JSON.parse(JSON.stringify(list)) as KnownEntity[];
      expect(dump(cache.index(copy))).toEqual(dump(buildKnownIndex([...list])));
    }
  });

  it('updates its index in place when few entities changed', () => {
    const cache = new KnownIndexCache();
    const list = entities(300, 4);
    const first = cache.index(list);
    const second = cache.index([...list, ...entities(3, 5)]);
    expect(second).toBe(first);
    expect(second.byKey.size).toBeGreaterThan(0);
  });

  it('resolves an article against a cached index as against the list', () => {
    const text =
      'Titel\n\nSelskabet Gammelby Data ApS har fået en ny kunde. Gammelby Datas direktør, Anja Andersen, er glad.';
    const known: KnownEntity[] = [
      { id: 'company:gammelby-data', type: 'Company', name: 'Gammelby Data ApS', aliases: ['Gammelby'] },
      { id: 'person:anja-andersen', type: 'Person', name: 'Anja Andersen', aliases: [] },
      ...entities(100, 6),
    ];
    const cache = new KnownIndexCache();
    cache.index(known.slice(2));
    const viaCache = extractArticle({ text }, { tagger: null, known: cache.index(known) });
    expect(viaCache).toEqual(extractArticle({ text }, { tagger: null, known }));
    expect(viaCache.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['company:gammelby-data', 'person:anja-andersen']),
    );
  });
});

describe('GrowingKnownIndex', () => {
  /** What the graph holds after loading articles' entities in order (cypher/load-entities.cypher), as a plain list. */
  function loadedList(start: readonly KnownEntity[], articles: readonly (readonly KnownEntity[])[]): KnownEntity[] {
    const list = start.map((e) => ({ ...e, aliases: [...e.aliases] }));
    for (const article of articles) {
      for (const e of article) {
        const old = list.find((k) => k.id === e.id);
        const target = old ?? { id: e.id, type: e.type, name: e.name, aliases: [] as string[] };
        if (!old) list.push(target);
        for (const alias of old ? [e.name, ...e.aliases] : e.aliases) {
          if (alias && alias !== target.name && !target.aliases.includes(alias))
            (target.aliases as string[]).push(alias);
        }
      }
    }
    return list;
  }

  it('equals a fresh index of the loaded graph as articles add entities and new names of known ones', () => {
    const start = entities(80, 8);
    const growing = new GrowingKnownIndex(start);
    const pool = entities(300, 9);
    const articles: KnownEntity[][] = [];
    for (let a = 0; a < 40; a++) {
      // Half new entities, half known ones seen under another name (a later article's spelling or genitive).
      const article = pool.splice(0, 4);
      const seen = [...start, ...articles.flat()];
      for (let k = 0; k < 4; k++) {
        const known = seen[(a * 7 + k * 13) % seen.length];
        article.push({
          ...known,
          type: 'Company',
          name: k % 2 ? `${known.name}s` : known.name,
          aliases: k === 3 ? [`${known.name} Group`, ''] : [],
        });
      }
      articles.push(article);
      growing.learn(article);
      expect(dump(growing.index)).toEqual(dump(buildKnownIndex(loadedList(start, articles))));
    }
    expect(growing.size).toBe(loadedList(start, articles).length);
  });
});
