// Builds a large newsgraph-shaped graph directly with UNWIND batches (no NLP), for GraphQL latency at 10^4-10^6 entities.
//
// The shape follows what loading real articles produces: entities mentioned by articles with a skewed
// popularity (a few hubs like USA and Huawei, a long tail of people and small companies), typed relations and
// co-mentions with articleIds/evidence/confidence, events reported by articles with participants.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/config.ts';
import { slugify } from '../server/ingest/resolve/index.ts';
import {
  COURTS,
  companyBases,
  GLOBAL_COMPANIES,
  GOVERNMENTS,
  MEDIA,
  MINISTRIES,
  ORGANIZATIONS,
  Picker,
  PLACES,
  personNames,
} from './corpus.ts';
import type { BenchNeo4j } from './neo4j.ts';

const CYPHER_DIR = join(PROJECT_ROOT, 'bench', 'cypher');
const cypher = (name: string) => readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');

/** Rows per write transaction: large enough to be fast, small enough for the default 1 GB heap. */
const ROWS_PER_TRANSACTION = 10_000;
const LEGAL_FORMS = [
  ' A/S',
  ' ApS',
  ' Danmark A/S',
  ' Group A/S',
  ' Holding ApS',
  ' Solutions ApS',
  ' Nordic ApS',
  ' International A/S',
];
const RELATION_TYPES = [
  'EMPLOYED_BY',
  'HEADS',
  'OWNS',
  'ACQUIRES',
  'SUPPLIES',
  'PARTNERS_WITH',
  'SANCTIONS',
  'SUES',
  'MEETS',
  'LOCATED_IN',
  'REGULATES',
  'MEMBER_OF',
];
const EVENT_KINDS = [
  'SANCTION',
  'LAWSUIT',
  'MEETING',
  'STATEMENT',
  'MARKET_MOVE',
  'HIRED',
  'ACQUISITION',
  'PARTNERSHIP',
];

interface GenEntity {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly aliases: string[];
  mentionCount: number;
}

export interface GeneratedGraph {
  readonly entities: number;
  readonly articles: number;
  readonly events: number;
  readonly relationships: number;
  readonly seconds: number;
  /** Ids for the latency benchmark's requests. */
  readonly sample: {
    /** The most mentioned entities (what users click first). */
    readonly hubs: readonly string[];
    /** Entities picked the way articles mention them (skewed to popular ones). */
    readonly typical: readonly string[];
    /** Pairs of entities two typed relations apart, for paths(). */
    readonly pairs: readonly (readonly [string, string])[];
    /** Words that occur in names, for search and the generated name filter. */
    readonly words: readonly string[];
  };
}

function entityPool(count: number, pick: Picker): GenEntity[] {
  const entities: GenEntity[] = [];
  const add = (label: string, name: string, aliases: string[] = []) => {
    entities.push({ id: `${label.toLowerCase()}:${slugify(name)}`, name, label, aliases, mentionCount: 0 });
  };
  // The actors every article can name first: they become the hubs.
  for (const g of GOVERNMENTS) add('Government', g.name, g.name === 'USA' ? ['De Forenede Stater'] : []);
  for (const c of GLOBAL_COMPANIES) add('Company', c, [`${c}s`]);
  for (const m of MEDIA) add('Company', m);
  for (const m of [...MINISTRIES, ...COURTS]) add('Government', m);
  for (const o of ORGANIZATIONS) add('Organization', o);
  for (const p of PLACES) add('Place', p);
  const persons = personNames();
  const bases = companyBases();
  let person = 0;
  let company = 0;
  while (entities.length < count) {
    // ~60% people, ~40% companies, like the Navnenyt-heavy seed articles.
    if (pick.next() < 0.6 && person < persons.length) {
      add('Person', persons[person++]);
    } else {
      const name = `${bases[company % bases.length]}${LEGAL_FORMS[Math.floor(company / bases.length) % LEGAL_FORMS.length]}`;
      company++;
      add('Company', name);
    }
  }
  // Unique ids (slugs of distinct names can still meet): keep the first.
  const seen = new Set<string>();
  return entities.filter((e) => {
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
}

async function writeRows(neo4j: BenchNeo4j, query: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  for (let at = 0; at < rows.length; at += ROWS_PER_TRANSACTION) {
    await neo4j.write(query, { rows: rows.slice(at, at + ROWS_PER_TRANSACTION) });
  }
}

/** Empties the database and writes a graph of about `entityCount` entities (articles = entities / 4). */
export async function generateGraph(neo4j: BenchNeo4j, entityCount: number, seed: number): Promise<GeneratedGraph> {
  const started = performance.now();
  const pick = new Picker(seed ^ 0x5eed);
  await neo4j.clear();
  const entities = entityPool(entityCount, pick);
  const articleCount = Math.max(10, Math.round(entities.length / 4));
  // Popularity: index 0 is the most mentioned; the exponent gives hubs with thousands of articles at 10^5.
  const mention = () => entities[Math.min(entities.length - 1, Math.floor(entities.length * pick.next() ** 3))];

  const articles: Record<string, unknown>[] = [];
  const mentions: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const reports: Record<string, unknown>[] = [];
  const participants: Record<string, unknown>[] = [];
  const relations = new Map<
    string,
    {
      fromId: string;
      type: string;
      toId: string;
      articleIds: string[];
      evidence: string[];
      confidence: number;
      weight: number;
    }
  >();
  const relate = (from: GenEntity, type: string, to: GenEntity, articleId: string, sentence: string) => {
    if (from.id === to.id) return;
    const [a, b] =
      type === 'CO_MENTIONED' || type === 'PARTNERS_WITH' || type === 'MEETS'
        ? [from, to].sort((x, y) => x.id.localeCompare(y.id))
        : [from, to];
    const key = `${a.id}\u0000${type}\u0000${b.id}`;
    const seen = relations.get(key);
    if (seen) {
      // Provenance lists are capped like a real graph's would rarely exceed: the benchmark is about reads.
      if (seen.articleIds.length < 200) {
        seen.articleIds.push(articleId);
        seen.evidence.push(sentence);
      }
      seen.weight++;
    } else {
      relations.set(key, {
        fromId: a.id,
        type,
        toId: b.id,
        articleIds: [articleId],
        evidence: [sentence],
        confidence: 0.6 + 0.3 * pick.next(),
        weight: 1,
      });
    }
  };

  for (let i = 0; i < articleCount; i++) {
    const id = `article:gen${String(i).padStart(7, '0')}`;
    const cast = new Map<string, GenEntity>();
    const size = pick.between(6, 18);
    for (let n = 0; n < size * 2 && cast.size < size; n++) {
      const e = mention();
      cast.set(e.id, e);
    }
    const named = [...cast.values()];
    const sentences = named.map((e, k) => `${e.name} blev nævnt i sag nummer ${i} (${k}).`);
    const year = 2018 + (i % 8);
    const date = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    articles.push({
      id,
      title: `${named[0].name} og ${named[1]?.name ?? 'USA'} i nyt udspil ${i}`,
      url: `https://nyheder.example.dk/gen/${i}`,
      publishedAt: date,
      text: sentences.join(' '),
      sha256: `gen${i}`.padEnd(64, '0'),
    });
    for (const e of named) {
      const count = pick.between(1, 4);
      e.mentionCount += count;
      mentions.push({ articleId: id, entityId: e.id, count });
    }
    for (let r = 0; r + 1 < named.length; r += 2) {
      const type = RELATION_TYPES[pick.int(RELATION_TYPES.length)];
      relate(named[r], type, named[r + 1], id, sentences[r]);
    }
    for (let r = 0; r + 1 < named.length; r++) relate(named[r], 'CO_MENTIONED', named[r + 1], id, sentences[r]);
    for (let k = 0; k < 2 && named.length >= 2; k++) {
      const eventId = `event:gen${i}-${k}`;
      const kind = EVENT_KINDS[pick.int(EVENT_KINDS.length)];
      const [agent, target] = [named[k], named[k + 1] ?? named[0]];
      events.push({
        id: eventId,
        kind,
        summary: `${agent.name} ${kind.toLowerCase()} ${target.name}`,
        date,
        articleIds: [id],
        evidence: [sentences[k]],
        confidence: 0.8,
      });
      reports.push({ articleId: id, eventId });
      participants.push({
        entityId: agent.id,
        eventId,
        role: 'agent',
        articleIds: [id],
        evidence: [sentences[k]],
        confidence: 0.8,
      });
      participants.push({
        entityId: target.id,
        eventId,
        role: 'target',
        articleIds: [id],
        evidence: [sentences[k]],
        confidence: 0.8,
      });
    }
  }

  await writeRows(
    neo4j,
    cypher('gen-entities'),
    entities.map((e) => ({
      id: e.id,
      name: e.name,
      label: e.label,
      aliases: e.aliases,
      aliasText: e.aliases.join(' | '),
      mentionCount: neo4j.int(e.mentionCount),
    })),
  );
  await writeRows(neo4j, cypher('gen-articles'), articles);
  await writeRows(neo4j, cypher('gen-events'), events);
  await writeRows(
    neo4j,
    cypher('gen-mentions'),
    mentions.map((m) => ({ ...m, count: neo4j.int(m.count as number) })),
  );
  await writeRows(neo4j, cypher('gen-reports'), reports);
  await writeRows(neo4j, cypher('gen-participants'), participants);
  await writeRows(
    neo4j,
    cypher('gen-relations'),
    [...relations.values()].map((r) => ({ ...r, weight: neo4j.int(r.weight) })),
  );
  await neo4j.write('CALL db.awaitIndexes(600)');

  // Sample ids for the requests: hubs first, then typical picks, and pairs two typed hops apart.
  const byMentions = [...entities].sort((a, b) => b.mentionCount - a.mentionCount);
  const typed = [...relations.values()].filter((r) => r.type !== 'CO_MENTIONED');
  const outgoing = new Map<string, string[]>();
  for (const r of typed) {
    (outgoing.get(r.fromId) ?? outgoing.set(r.fromId, []).get(r.fromId)!).push(r.toId);
    (outgoing.get(r.toId) ?? outgoing.set(r.toId, []).get(r.toId)!).push(r.fromId);
  }
  const pairs: [string, string][] = [];
  for (let n = 0; n < 2000 && pairs.length < 200; n++) {
    const a = mention().id;
    const mid = outgoing.get(a)?.[0];
    const b = mid ? outgoing.get(mid)?.find((x) => x !== a) : undefined;
    if (b) pairs.push([a, b]);
  }
  const words = [
    ...new Set(
      byMentions
        .slice(0, 2000)
        .flatMap((e) => e.name.split(/[\s/]+/))
        .filter((w) => w.length >= 4 && /^\p{L}+$/u.test(w)),
    ),
  ].slice(0, 300);
  return {
    entities: entities.length,
    articles: articles.length,
    events: events.length,
    relationships: mentions.length + reports.length + participants.length + relations.size,
    seconds: Math.round((performance.now() - started) / 1000),
    sample: {
      hubs: byMentions.slice(0, 20).map((e) => e.id),
      typical: Array.from({ length: 300 }, () => mention().id),
      pairs,
      words,
    },
  };
}
