// extractArticle end to end on articles written for the project (unseen by the rules' authors' seeds), bad input and edge inputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleAtLimit, OVERSIZED_TEXT, PATHOLOGICAL_BODIES } from '../../../bench/edge-inputs.ts';
import { ErrorCode, type NewsgraphError } from '../../../server/errors.ts';
import { articleId, extractArticle } from '../../../server/ingest/extract.ts';
import type { ArticleGraph } from '../../../server/model.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'articles');
/**
 * Not a speed requirement (`npm run bench -- extract` times these inputs): only so that a slip back into quadratic
 * time, hours on these inputs, fails the run instead of hanging it, however busy the machine.
 */
const EDGE_INPUT_TIMEOUT_MS = 300_000;

function load(name: string): ArticleGraph {
  return extractArticle({ text: readFileSync(join(FIXTURES, name), 'utf8'), source: name });
}

/** Relations and events as readable strings: "Visma ACQUIRES Dataløsninger A/S". */
function facts(g: ArticleGraph) {
  const name = (id: string) => (id === 'ARTICLE' ? 'ARTICLE' : (g.entities.find((e) => e.id === id)?.name ?? id));
  return {
    entities: g.entities.map((e) => `${e.name}:${e.type}`),
    relations: g.relations
      .filter((r) => r.type !== 'CO_MENTIONED')
      .map((r) => `${name(r.fromId)} ${r.type} ${name(r.toId)}`),
    events: g.events.map((v) => `${v.kind}: ${v.participants.map((p) => `${name(p.entityId)}/${p.role}`).join(', ')}`),
  };
}

describe('extractArticle on an acquisition story with Navnenyt (fixture)', () => {
  const g = load('visma-koeber-dataloesninger.txt');
  const f = facts(g);

  it('finds the companies, public bodies, people and places with their types', () => {
    expect(f.entities).toEqual(
      expect.arrayContaining([
        'Visma:Company',
        'Dataløsninger A/S:Company',
        'Børsen:Company',
        'Aalborg:Place',
        'Aarhus Kommune:Government',
        'Kasper Fjeldsted:Person',
        'Konkurrence- og Forbrugerstyrelsen:Government',
        'Skattestyrelsen:Government',
        'Byretten i Aalborg:Government',
        'Visma Danmark:Company',
        'Louise Holm Andersen:Person',
        'Netcompany:Company',
        'Aarhus Universitet:Organization',
        'Peter Lykke Nielsen:Person',
        'Hanne Birk:Person',
        'Atea:Company',
      ]),
    );
    // Furniture (event ads, photo credit) and the publisher's own event brand yield no entities.
    expect(f.entities.join(' ')).not.toMatch(/Cloud Summit|Techavisen|Foto/);
  });

  it('reads the typed relations with their properties', () => {
    expect(f.relations).toEqual(
      expect.arrayContaining([
        'Visma ACQUIRES Dataløsninger A/S',
        'Kasper Fjeldsted HEADS Visma',
        'ARTICLE CITES Børsen',
        'Dataløsninger A/S LOCATED_IN Aalborg',
        'Dataløsninger A/S SUES Skattestyrelsen',
        'Louise Holm Andersen EMPLOYED_BY Visma Danmark',
        'Louise Holm Andersen FORMERLY_AT Netcompany',
        'Louise Holm Andersen EDUCATED_AT Aarhus Universitet',
        'Peter Lykke Nielsen EMPLOYED_BY Dataløsninger A/S',
        'Hanne Birk FORMERLY_AT Atea',
      ]),
    );
    const hired = g.relations.find((r) => r.type === 'EMPLOYED_BY' && r.evidence.startsWith('Visma Danmark har'))!;
    expect(hired.props).toEqual({ title: 'Chief Financial Officer', since: '2025-04-01' });
    expect(hired.evidence).toBe(
      'Visma Danmark har pr. 1. april 2025 ansat Louise Holm Andersen, 41 år, som Chief Financial Officer.',
    );
    expect(g.relations.find((r) => r.type === 'EDUCATED_AT')!.props).toEqual({ degree: 'cand.merc.aud.' });
  });

  it('reads the events with dates from the announcements', () => {
    expect(f.events).toEqual(
      expect.arrayContaining([
        'LAWSUIT: Dataløsninger A/S/agent, Skattestyrelsen/target',
        'COURT_RULING: Byretten i Aalborg/agent, Dataløsninger A/S/target',
        'HIRED: Visma Danmark/agent, Louise Holm Andersen/target',
        'PROMOTED: Dataløsninger A/S/agent, Peter Lykke Nielsen/target',
        'DEPARTED: Atea/agent, Hanne Birk/target',
      ]),
    );
    expect(g.events.find((e) => e.kind === 'PROMOTED')!.date).toBe('2025-03-01');
    expect(g.events.find((e) => e.kind === 'COURT_RULING')!.dateText).toBe('i februar');
    expect(g.events.find((e) => e.kind === 'STATEMENT')!.participants[0].entityId).toBe('person:kasper-fjeldsted');
  });

  it('does not merge the parent company with its Danish subsidiary', () => {
    expect(g.entities.find((e) => e.name === 'Visma')!.id).not.toBe(
      g.entities.find((e) => e.name === 'Visma Danmark')!.id,
    );
  });
});

describe('extractArticle on an export-control story (fixture)', () => {
  const g = load('holland-eksportregler.txt');
  const f = facts(g);

  it('treats states acting politically as Government and venues as Place', () => {
    expect(f.entities).toEqual(
      expect.arrayContaining([
        'Holland:Government',
        'Kina:Government',
        'ASML:Company',
        'Reuters:Company',
        'Financial Times:Company',
        'Xinhua:Company',
        'det hollandske handelsministerium:Government',
        'Kinas udenrigsministerium:Government',
        'Joe Biden:Person',
        'Mao Ning:Person',
        'Dick Schoof:Person',
        'Ursula von der Leyen:Person',
        'Amsterdam:Place',
        'Bruxelles:Place',
        'Samsung:Company',
        'TSMC:Company',
        'Netic A/S:Company',
        'Sofie Dam:Person',
        'Danske Bank:Company',
        'Danmarks Tekniske Universitet:Organization',
      ]),
    );
  });

  it('links heads of state, institutions, sources and partners', () => {
    expect(f.relations).toEqual(
      expect.arrayContaining([
        'Joe Biden HEADS USA',
        'Dick Schoof HEADS Holland',
        'Ursula von der Leyen HEADS Europa-Kommissionen',
        'det hollandske handelsministerium PART_OF Holland',
        'Kinas udenrigsministerium PART_OF Kina',
        'ARTICLE CITES Reuters',
        'ARTICLE CITES Financial Times',
        'ARTICLE CITES Xinhua',
        'Holland SANCTIONS ASML',
        'ASML PARTNERS_WITH Samsung',
        'ASML PARTNERS_WITH TSMC',
        'Sofie Dam EMPLOYED_BY Netic A/S',
        'Sofie Dam EDUCATED_AT Danmarks Tekniske Universitet',
      ]),
    );
    // A licence the company must apply for is a rule, not a licence granted.
    expect(g.events.some((e) => e.kind === 'LICENSE_GRANTED')).toBe(false);
  });

  it('reads the meeting, the market move and the sanction', () => {
    expect(f.events).toEqual(
      expect.arrayContaining([
        'MEETING: Dick Schoof/agent, Ursula von der Leyen/agent, Bruxelles/location',
        'MARKET_MOVE: ASML/target, Amsterdam/location',
        'SANCTION: Holland/agent, ASML/target',
        'HIRED: Netic A/S/agent, Sofie Dam/target',
      ]),
    );
    expect(g.events.find((e) => e.kind === 'MARKET_MOVE')!.summary).toContain('falder 4,2 procent');
  });
});

describe('extractArticle on a data-protection fine (fixture)', () => {
  const g = load('datatilsynet-boede.txt');
  const f = facts(g);

  it('finds the authority, the companies, an unlisted trade medium and the people', () => {
    expect(f.entities).toEqual(
      expect.arrayContaining([
        'Datatilsynet:Government',
        'Nordnet A/S:Company',
        'Telenyt:Company',
        'Telia:Company',
        'Line Kragh:Person',
        'Peter Hummelgaard:Person',
        'Stockholm:Place',
        'Lasse Juhl:Person',
        'Region Hovedstaden:Government',
        'Erhvervsakademi Aarhus:Organization',
      ]),
    );
    expect(g.entities.find((e) => e.name === 'Nordnet A/S')!.aliases).toContain('Nordnets');
  });

  it('reads the fine, the owner, the source and the spokesperson', () => {
    expect(f.relations).toEqual(
      expect.arrayContaining([
        'Datatilsynet SANCTIONS Nordnet A/S',
        'Datatilsynet REGULATES Nordnet A/S',
        'ARTICLE CITES Telenyt',
        'Telia OWNS Nordnet A/S',
        'Line Kragh EMPLOYED_BY Nordnet A/S',
        'Lasse Juhl EMPLOYED_BY Nordnet A/S',
        'Lasse Juhl FORMERLY_AT Region Hovedstaden',
        'Lasse Juhl EDUCATED_AT Erhvervsakademi Aarhus',
      ]),
    );
    expect(f.relations).not.toContain('Telia SANCTIONS Nordnet A/S');
  });

  it('reads the events: fine (a FINE, not a SANCTION), statement, share fall, hire', () => {
    expect(f.events).toEqual(
      expect.arrayContaining([
        'FINE: Datatilsynet/agent, Nordnet A/S/target',
        'STATEMENT: Line Kragh/agent, Telenyt/other',
        'MARKET_MOVE: Telia/target, Stockholm/location',
        'HIRED: Nordnet A/S/agent, Lasse Juhl/target',
      ]),
    );
    expect(g.events.find((e) => e.kind === 'MARKET_MOVE')!.dateText).toBe('tirsdag');
    expect(g.events.find((e) => e.kind === 'HIRED')!.date).toBe('2024-12-01');
    expect(g.events.some((e) => e.kind === 'STATEMENT' && e.participants[0].entityId === 'company:telia')).toBe(false);
  });
});

describe('extractArticle identity and bad input', () => {
  it('gives the article id from the sha256 of the cleaned text, and the same id for the same text', () => {
    const text = readFileSync(join(FIXTURES, 'holland-eksportregler.txt'), 'utf8');
    const a = extractArticle({ text }, { tagger: null });
    const b = extractArticle({ text: `${text}\n\n\n` }, { tagger: null });
    expect(a.article.id).toBe(articleId(a.article.sha256));
    expect(a.article.id).toMatch(/^article:[0-9a-f]{16}$/);
    expect(b.article.id).toBe(a.article.id);
    expect(a.article.publishedAt).toBe('2025-02-03');
    expect(a.article.language).toBe('da');
  });

  it('refuses empty and whitespace-only text with EMPTY_TEXT', () => {
    for (const text of ['', ' \n\t \n']) {
      try {
        extractArticle({ text });
        expect.unreachable();
      } catch (error) {
        expect((error as NewsgraphError).code).toBe(ErrorCode.EMPTY_TEXT);
      }
    }
  });

  it('refuses a 5 MB text with TEXT_TOO_LARGE at the default limit', () => {
    expect(() => extractArticle({ text: OVERSIZED_TEXT })).toThrow(
      expect.objectContaining({ code: ErrorCode.TEXT_TOO_LARGE }),
    );
  });

  it(
    'extracts a text at the 2 MiB default limit, every mention counted',
    () => {
      const { text, paragraphs } = articleAtLimit();
      const g = extractArticle({ text }, { tagger: null });
      expect(g.entities.find((e) => e.name === 'Huawei')!.mentions).toBe(paragraphs);
    },
    EDGE_INPUT_TIMEOUT_MS,
  );

  it(
    'gets through pathological input (unbalanced quotes, one endless line, runs of capitals) in sentences of bounded length',
    () => {
      for (const { name, body } of PATHOLOGICAL_BODIES) {
        const g = extractArticle({ text: `Titel\n\n${body}` }, { tagger: null });
        expect(g.article.sentences.length, name).toBeGreaterThan(0);
        expect(
          g.article.sentences.every((x) => x.text.length <= 1500),
          name,
        ).toBe(true);
      }
    },
    EDGE_INPUT_TIMEOUT_MS,
  );

  it('gives a sensible, nearly empty result for English text', () => {
    const g = extractArticle(
      { text: 'Apple sues Samsung\n\nApple has sued Samsung in a court in California, the company said on Monday.' },
      { tagger: null },
    );
    expect(g.article.language).toBe('en');
    expect(g.relations.filter((r) => r.type !== 'CO_MENTIONED')).toEqual([]);
  });

  it('extracts from an HTML page', () => {
    const html = `<html><head><title>x</title><script>alert(1)</script></head><body><h1>Trump lemper på Huawei-sanktioner</h1>
      <p>Amerikansk præsident Donald Trump lemper igen på sanktionerne mod kinesiske Huawei.</p><p>Det skriver Reuters.</p></body></html>`;
    const f = facts(extractArticle({ text: html }, { tagger: null }));
    expect(f.entities).toEqual(
      expect.arrayContaining(['Donald Trump:Person', 'Huawei:Company', 'USA:Government', 'Reuters:Company']),
    );
    expect(f.relations).toEqual(
      expect.arrayContaining(['Donald Trump HEADS USA', 'USA SANCTIONS Huawei', 'ARTICLE CITES Reuters']),
    );
  });
});
