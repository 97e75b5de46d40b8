// Resolution: one entity per real thing within an article and across articles, with aliases and stable ids.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../server/ingest/extract.ts';
import { entityId, nameKey, slugify } from '../../../server/ingest/resolve/index.ts';
import type { ArticleGraph, KnownEntity } from '../../../server/model.ts';
import type { SentenceTagger } from '../../../server/nlp/mentions.ts';

function extract(text: string, known: KnownEntity[] = []): ArticleGraph {
  return extractArticle({ text }, { tagger: null, known });
}

function entity(g: ArticleGraph, name: string) {
  return g.entities.find((e) => e.name === name);
}

describe('resolveEntities within an article', () => {
  const g = extract(
    [
      'Trump lemper på Huawei-sanktioner',
      '',
      'USA’s præsident Donald Trump lemper på sanktionerne mod Huawei. Trumps udtalelse faldt lørdag.',
      '',
      'Huaweis danske landechef, Ren Ke, glæder sig. Handel mellem Huaewei og amerikanske virksomheder kan fortsætte. Det skriver Bloomberg, og ifølge Blooomberg er det en sejr.',
      '',
      'Navnenyt fra it-Danmark',
      '',
      'Norriq Danmark A/S har pr. 8. december 2025 ansat Niko Phonekeo som Digital Marketing Manager. Han skal især beskæftige sig med Primært NORRIQs marketing tech stack. Nyt job',
    ].join('\n'),
  );

  it('merges surname, genitive and title forms of a person', () => {
    const trump = entity(g, 'Donald Trump')!;
    expect(trump.type).toBe('Person');
    expect(trump.aliases).toEqual(expect.arrayContaining(['Trump', 'Trumps']));
    expect(
      g.entities
        .filter((e) => e.type === 'Person')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Donald Trump', 'Niko Phonekeo', 'Ren Ke']);
  });

  it('merges genitives, compounds and typos of a company, and case variants of a legal name', () => {
    const huawei = entity(g, 'Huawei')!;
    expect(huawei.aliases).toEqual(expect.arrayContaining(['Huaweis', 'Huaewei']));
    expect(entity(g, 'Bloomberg')!.aliases).toContain('Blooomberg');
    expect(entity(g, 'Norriq Danmark A/S')!.aliases).toContain('NORRIQs');
    expect(g.entities.filter((e) => e.type === 'Company').length).toBe(3);
  });

  it('gives stable ids from the type and the name without legal form', () => {
    expect(entity(g, 'Huawei')!.id).toBe('company:huawei');
    expect(entity(g, 'Norriq Danmark A/S')!.id).toBe('company:norriq-danmark');
    expect(entity(g, 'USA')!.id).toBe('country:usa');
    expect(entityId('Company', 'Brøchner Hotels')).toBe('company:broechner-hotels');
    expect(slugify('Rübner-Petersen')).toBe('rubner-petersen');
    expect(nameKey('Alcadon ApS')).toBe(nameKey('alcadon'));
  });

  it('keeps a subsidiary without legal form apart from its parent', () => {
    const v = extract(
      'Visma køber\n\nDet norske softwarehus Visma køber firmaet, oplyser datterselskabet Visma Danmark.',
    );
    expect(v.entities.map((e) => e.name).sort()).toEqual(['Visma', 'Visma Danmark']);
  });
});

describe('a parent and a subsidiary that share a first word', () => {
  it('keeps "X A/S" apart from "X Inkasso ApS", also when the article writes the parent in the genitive', () => {
    const g = extractArticle({
      text: 'Titel\n\nBetalingsfirmaet Kronvang A/S sælger datterselskabet Kronvang Inkasso ApS. "Vi vil noget andet," siger Kronvangs direktør, Lise Dahl. Kronvang har 200 ansatte.',
    });
    const names = g.entities.filter((e) => e.type === 'Company').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Kronvang A/S', 'Kronvang Inkasso ApS']));
    expect(g.entities.find((e) => e.name === 'Kronvang Inkasso ApS')!.aliases).not.toContain('Kronvangs');
  });
});

describe('a company called by its first word', () => {
  it('joins the short form of a name whose last word says what the company does', () => {
    const g = extractArticle({
      text: 'Titel\n\nDet amerikanske cloudselskab Halvrik Technologies har åbnet et datacenter ved Viborg. Halvrik har underskrevet en aftale med Viborg Kommune. Halvriks direktør, Rikke Glerup, er tilfreds.',
    });
    const companies = g.entities.filter((e) => e.type === 'Company');
    expect(companies.map((e) => e.name)).toEqual(['Halvrik Technologies']);
    expect(companies[0].aliases).toEqual(expect.arrayContaining(['Halvrik', 'Halvriks']));
  });

  it('does not take a parent or fund for the company it is named after', () => {
    const g = extractArticle({
      text: 'Titel\n\nMedicinalselskabet Ferrøn Nordisk A/S har fået en ny storaktionær. Ferrøn Holdings har købt aktier for 2 mia. kr.',
    });
    expect(
      g.entities
        .filter((e) => e.type === 'Company')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Ferrøn Holdings', 'Ferrøn Nordisk A/S']);
  });
});

describe('resolveEntities across articles', () => {
  it('gives the same id to the same company in two articles and reuses known names and aliases', () => {
    const a = extract('Titel\n\nSelskabet Gammelby Data ApS har fået en ny kunde.');
    const b = extract('Titel\n\nIfølge firmaet Gammelby Data vokser omsætningen.');
    expect(a.entities[0].id).toBe(b.entities[0].id);

    const known: KnownEntity[] = [
      { id: 'company:huawei', type: 'Company', name: 'Huawei', aliases: ['Huawei Technologies'] },
    ];
    const c = extract('Titel\n\nAnalytikere hos Huawei Technologies er glade.', known);
    expect(c.entities.find((e) => e.id === 'company:huawei')?.name).toBe('Huawei');
  });

  it('matches the short form of a known legal company name, from a later article', () => {
    const first = extract(
      'Titel\n\nNavnenyt\n\nNorriq Danmark A/S har pr. 8. december 2025 ansat Niko Phonekeo som Digital Marketing Manager. Nyt job',
    );
    const norriq = first.entities.find((e) => e.type === 'Company')!;
    const later = extract('Titel\n\nSelskabet Norriq vokser, og NORRIQs kunder er glade.', [
      { id: norriq.id, type: norriq.type, name: norriq.name, aliases: [...norriq.aliases] },
    ]);
    expect(later.entities.map((e) => e.id)).toEqual([norriq.id]);
  });

  it('matches a surname-only mention to a known person and a typo to a known company', () => {
    const known: KnownEntity[] = [
      { id: 'person:mette-kirk', type: 'Person', name: 'Mette Kirk', aliases: [] },
      { id: 'company:intellishore', type: 'Company', name: 'Intellishore', aliases: [] },
    ];
    const g = extract('Titel\n\nDirektør Kirk siger, at konsulenthuset Intelishore vokser.', known);
    expect(g.entities.map((e) => e.id).sort()).toEqual(['company:intellishore', 'person:mette-kirk']);
  });
});

describe('national subsidiaries ("X Danmark A/S")', () => {
  const page = [
    'Titel',
    '',
    'Nokia leverer udstyr til flere teleselskaber, og Nokia venter vækst.',
    '',
    'Navnenyt fra it-Danmark',
    '',
    'Nokia Danmark A/S har pr. 1. marts 2026 ansat Lise Kragh Bundgaard som Solution Architect. Nyt job',
  ].join('\n');

  it('keeps the subsidiary as its own company, PART_OF the parent named in the article', () => {
    const g = extract(page);
    const nokia = g.entities.find((e) => e.name === 'Nokia')!;
    const dk = g.entities.find((e) => e.name === 'Nokia Danmark A/S')!;
    expect(dk.id).toBe('company:nokia-danmark');
    expect(nokia.aliases).not.toContain('Nokia Danmark A/S');
    expect(g.relations.some((r) => r.fromId === dk.id && r.type === 'PART_OF' && r.toId === nokia.id)).toBe(true);
  });

  it('does not resolve the subsidiary to a known parent that carries it as an old alias, nor the parent to a known subsidiary', () => {
    const known: KnownEntity[] = [
      { id: 'company:nokia', type: 'Company', name: 'Nokia', aliases: ['Nokias', 'Nokia Danmark A/S'] },
    ];
    const only = extract(
      'Titel\n\nNavnenyt\n\nNokia Danmark A/S har pr. 1. marts 2026 ansat Lise Kragh Bundgaard som Solution Architect. Nyt job',
      known,
    );
    expect(only.entities.find((e) => e.type === 'Company')!.id).toBe('company:nokia-danmark');
    const later = extract('Titel\n\nNokia venter vækst i Norden.', [
      { id: 'company:nokia-danmark', type: 'Company', name: 'Nokia Danmark A/S', aliases: [] },
    ]);
    expect(later.entities.find((e) => e.name === 'Nokia')?.id).toBe('company:nokia');
  });
});

describe('misspelt company names guessed as persons', () => {
  it('resolves a one-word "person" within two edits of a company in the article to that company', () => {
    const g = extractArticle({ text: 'Titel\n\nSelskabet Trivelo har fået en ny kunde. Det oplyser Trivleo.' });
    expect(g.entities.filter((e) => e.type === 'Person')).toEqual([]);
    expect(g.entities.find((e) => e.name === 'Trivelo')!.aliases).toContain('Trivleo');
  });

  it('resolves such a name to a company the graph already knows', () => {
    const known: KnownEntity[] = [{ id: 'company:trivelo', type: 'Company', name: 'Trivelo', aliases: [] }];
    const g = extractArticle({ text: 'Titel\n\nKunderne er glade. Det oplyser Trivleo.' }, { known });
    expect(g.entities.map((e) => `${e.id}:${e.type}`)).toEqual(['company:trivelo:Company']);
  });

  it('keeps real first names as persons', () => {
    const g = extractArticle({ text: 'Titel\n\nSelskabet Henrikson har fået en ny kunde. Det siger Henrik Olsen.' });
    expect(g.entities.find((e) => e.name === 'Henrik Olsen')?.type).toBe('Person');
  });
});

describe('nationality words (issue 15)', () => {
  const known = (g: ArticleGraph): KnownEntity[] =>
    g.entities.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: [...e.aliases] }));

  it('keeps institutions and governments of different countries apart in one article', () => {
    const g = extract(
      [
        'Toldkrigen skærpes',
        '',
        'Det kinesiske handelsministerium svarede tirsdag igen på de nye toldsatser. Samme dag meddelte det amerikanske handelsministerium, at satserne hæves yderligere.',
        'Den svenske regering og den norske regering vil nu mægle. Teleselskabet Finsk Telekom frygter for eksporten, og kunderne hos Finsk Telekom er bekymrede, mens teleselskabet Fransk Telekom afventer.',
      ].join('\n'),
    );
    const ids = g.entities.map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'government:kina-handelsministerium',
        'government:usa-handelsministerium',
        'country:sverige',
        'country:norge',
        'company:finsk-telekom',
        'company:fransk-telekom',
      ]),
    );
    expect(entity(g, 'Finsk Telekom')!.aliases).not.toContain('Fransk Telekom');
  });

  it('does not resolve a mention to a known entity of another country through a shared alias or a near spelling', () => {
    const first = extract('Titel\n\nDet kinesiske handelsministerium kalder toldsatserne uansvarlige.');
    const ministry = extract('Titel\n\nDet amerikanske handelsministerium hæver toldsatserne.', known(first));
    expect(ministry.entities.map((e) => e.id)).toEqual(['government:usa-handelsministerium']);
    expect(ministry.entities[0].name).toBe('det amerikanske handelsministerium');

    const agency = extract(
      'Titel\n\nDet slovenske energiagentur advarer mod højere priser.',
      known(extract('Titel\n\nDet svenske energiagentur advarer mod højere priser.')),
    );
    expect(agency.entities.map((e) => e.id)).toEqual(['government:slovenien-energiagentur']);

    const telecom = extract(
      'Titel\n\nTeleselskabet Finsk Telekom har fået en ny direktør.',
      known(extract('Titel\n\nTeleselskabet Fransk Telekom A/S har fået en ny direktør.')),
    );
    expect(telecom.entities.map((e) => e.id)).toEqual(['company:finsk-telekom']);
  });

  it('still resolves a mention to the known entity of the same country', () => {
    const first = extract('Titel\n\nDet kinesiske handelsministerium kalder toldsatserne uansvarlige.');
    const again = extract(
      'Titel\n\nIfølge det kinesiske handelsministerium er forhandlingerne gået i stå.',
      known(first),
    );
    expect(again.entities.map((e) => e.id)).toEqual(['government:kina-handelsministerium']);
  });
});

describe('genitives of names the article also writes plainly (issue 15)', () => {
  it('names the entity by the base form when a genitive apostrophe is seen first or written longer', () => {
    const g = extract(
      "Titel\n\nTom Jones' nye rapport viser vækst, siger analytikeren Tom Jones. Konsulenthuset Grønbech Analytics har fået en ny kunde, og Grønbech Analytics' direktør, Lise Holm, er glad. Bilproducenten Mercedes sælger flere elbiler, og Mercedes' direktør er tilfreds.",
    );
    expect(g.entities.map((e) => e.name).sort()).toEqual(['Grønbech Analytics', 'Lise Holm', 'Mercedes', 'Tom Jones']);
    expect(entity(g, 'Tom Jones')!.aliases).toEqual(["Tom Jones'"]);
    expect(entity(g, 'Grønbech Analytics')!.id).toBe('company:groenbech-analytics');
  });

  it('merges an unknown genitive -s into the base form named in the same article', () => {
    const g = extract(
      'Titel\n\nTrivelos nye platform er forsinket. Kunderne hos Trivelo venter stadig, og Trivelos direktør beklager.',
    );
    expect(g.entities.map((e) => [e.name, e.aliases])).toEqual([['Trivelo', ['Trivelos']]]);
  });
});

describe('what never is a name (issue 15)', () => {
  // Stand-ins for the statistical tagger's slips: a lone legal form or a backtick read as an organisation, and a
  // company read as a person (whose last word, the legal form, then passes for a surname repeated elsewhere).
  const sloppyTagger: SentenceTagger = (tokens) =>
    tokens
      .filter((t) => /^(?:A\/S|ApS|AB|GmbH|Inc\.?|`+)$/.test(t.text))
      .map((t) => ({ start: t.start, end: t.end, label: 'ORG' as const }));
  const personTagger: SentenceTagger = (tokens) => {
    const i = tokens.findIndex((t, k) => t.text === 'Kessler' && tokens[k + 2]?.text === 'GmbH');
    return i < 0 ? [] : [{ start: tokens[i].start, end: tokens[i + 2].end, label: 'PER' }];
  };

  it('drops a legal form standing alone, after a line break or in a list', () => {
    const text =
      'Titel\n\nKoncernen ejer både Nordlys Energi og A/S.\nGmbH er den tyske selskabsform, som Kessler Lufttechnik GmbH bruger. Kontrakten gik til Siemens AG og ApS.';
    for (const tagger of [null, sloppyTagger, personTagger]) {
      const names = extractArticle({ text }, { tagger }).entities.map((e) => e.name);
      expect(names).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(?:A\/S|ApS|AB|GmbH|Inc\.?)$/)]));
      expect(names).toEqual(expect.arrayContaining(['Nordlys Energi', 'Kessler Lufttechnik GmbH']));
    }
  });

  it('keeps control characters and backticks out of names, and drops a mention made only of them', () => {
    const g = extractArticle(
      {
        text: 'Titel\n\nDet kinesiske\u000bhandelsministerium protesterer, skriver ` i dag.\n\nNavnenyt fra it-Danmark\n\nNord`havn Data A/S har pr. 1. oktober 2025 ansat Lise\u0007 Holm som udviklingschef. Nyt job',
      },
      { tagger: sloppyTagger },
    );
    expect(g.entities.map((e) => e.name).sort()).toEqual([
      'Lise Holm',
      'Nordhavn Data A/S',
      'det kinesiske handelsministerium',
    ]);
    for (const e of g.entities) for (const name of [e.name, ...e.aliases]) expect(name).not.toMatch(/[\p{Cc}\p{Cf}`]/u);
  });
});
