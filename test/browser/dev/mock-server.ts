// DEVELOPMENT ONLY: a tiny in-memory GraphQL mock of the explorer contract, for screenshots before the real
// server existed. No committed test uses it; the browser tests run against server/main.ts and a real Neo4j.
// Run: npx tsx test/browser/dev/mock-server.ts [port]
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { buildSchema, graphql } from 'graphql';

const ROOT = new URL('../../../', import.meta.url).pathname;
const sdl = readFileSync(join(ROOT, 'server/graphql/explorer.graphql'), 'utf8') + `
type Company { id: ID! name: String! aliases: [String!]! }
input NameWhere { contains: String eq: String }
input IdWhere { eq: ID }
input CompanyWhere { name: NameWhere id: IdWhere }
extend type Query { companies(where: CompanyWhere, limit: Int): [Company!]! }
`;
const schema = buildSchema(sdl);

type N = { id: string; label: string; name: string; weight: number; kind?: string; date?: string; aliases?: string[] };
type E = { id: string; source: string; target: string; type: string; support: number; evidence: string[]; article: string; props?: string };

const nodes: N[] = [
  { id: 'p-trump', label: 'Person', name: 'Donald Trump', weight: 3, aliases: ['Trump'] },
  { id: 'p-ren', label: 'Person', name: 'Ren Zhengfei', weight: 1 },
  { id: 'p-lei', label: 'Person', name: 'Lei Jun', weight: 1 },
  { id: 'p-mette', label: 'Person', name: 'Mette Kristensen', weight: 1 },
  { id: 'c-huawei', label: 'Company', name: 'Huawei', weight: 3, aliases: ['Huaewei', 'Huawei Technologies'] },
  { id: 'c-huaewei', label: 'Company', name: 'Huaewei', weight: 1 },
  { id: 'c-xiaomi', label: 'Company', name: 'Xiaomi', weight: 2 },
  { id: 'c-bloomberg', label: 'Company', name: 'Bloomberg', weight: 2 },
  { id: 'c-netcompany', label: 'Company', name: 'Netcompany', weight: 1 },
  { id: 'c-google', label: 'Company', name: 'Google', weight: 1 },
  { id: 'g-usa', label: 'Government', name: 'USA', weight: 3, aliases: ['Den amerikanske regering', 'Trump-regeringen'] },
  { id: 'g-kina', label: 'Government', name: 'Kina', weight: 2 },
  { id: 'g-commerce', label: 'Government', name: 'Det amerikanske handelsministerium', weight: 1 },
  { id: 'o-dtu', label: 'Organization', name: 'DTU', weight: 1 },
  { id: 'o-g20', label: 'Organization', name: 'G20', weight: 1 },
  { id: 'pl-shenzhen', label: 'Place', name: 'Shenzhen', weight: 1 },
  { id: 'pl-osaka', label: 'Place', name: 'Osaka', weight: 1 },
  { id: 'ev-sanction', label: 'Event', name: 'USA sætter Huawei på sortlisten', weight: 1, kind: 'SANCTION', date: '2019-05-15' },
  { id: 'ev-license', label: 'Event', name: 'Amerikanske firmaer får igen lov at handle med Huawei', weight: 1, kind: 'LICENSE_GRANTED', date: '2019-06-29' },
  { id: 'ev-meeting', label: 'Event', name: 'Trump og Xi mødes ved G20 i Osaka', weight: 1, kind: 'MEETING', date: '2019-06-29' },
  { id: 'ev-lawsuit', label: 'Event', name: 'Xiaomi sagsøger den amerikanske regering', weight: 1, kind: 'LAWSUIT', date: '2021-01-29' },
  { id: 'ev-lifted', label: 'Event', name: 'Xiaomi fjernes fra sortlisten', weight: 1, kind: 'SANCTION_LIFTED', date: '2021-05-25' },
  { id: 'ev-hired', label: 'Event', name: 'Netcompany ansætter Mette Kristensen', weight: 1, kind: 'HIRED', date: '2025-10-01' },
  { id: 'a-xiaomi', label: 'Article', name: 'USA lukker igen kinesiske Xiaomi ind i varmen', weight: 6, date: '2021-05-12' },
  { id: 'a-huawei', label: 'Article', name: 'Trump: Amerikanske firmaer må igen handle med Huawei', weight: 7, date: '2019-06-29' },
];
const A = {
  'a-xiaomi': 'USA lukker igen kinesiske Xiaomi ind i varmen: Fjernes fra USA\'s omstridte sorte liste\n\nDen amerikanske regering har indgået en aftale med den kinesiske smartphoneproducent Xiaomi, der betyder, at selskabet nu bliver fjernet fra USA\'s meget omtalte sortliste med kinesiske tech-firmaer.\n\nDet skriver Bloomberg.\n\nXiaomi reagerede i første omgang stærkt på de amerikanske beskyldninger og selskabet valgte sidste år at sagsøge den amerikanske regering.\n\nNavnenyt: Netcompany har pr. 1. oktober 2025 ansat Mette Kristensen som CTO. Hun er uddannet civilingeniør på DTU.',
  'a-huawei': 'Trump: Amerikanske firmaer må igen handle med Huawei\n\nPå G20-topmødet i Osaka meddelte Donald Trump, at amerikanske virksomheder igen må sælge udstyr til Huawei.\n\nUSA satte i maj Huawei på sortlisten. Huaweis stifter Ren Zhengfei har afvist anklagerne.\n\nTrump mødtes med Kinas præsident ved G20 i Osaka.',
};
const edges: E[] = [
  { id: 'r1', source: 'g-usa', target: 'c-huawei', type: 'SANCTIONS', support: 2, article: 'a-huawei', evidence: ['USA satte i maj Huawei på sortlisten.'] },
  { id: 'r2', source: 'g-usa', target: 'c-xiaomi', type: 'SANCTIONS', support: 1, article: 'a-xiaomi', evidence: ['Den amerikanske regering har indgået en aftale med den kinesiske smartphoneproducent Xiaomi, der betyder, at selskabet nu bliver fjernet fra USA\'s meget omtalte sortliste med kinesiske tech-firmaer.'] },
  { id: 'r3', source: 'c-xiaomi', target: 'g-usa', type: 'SUES', support: 1, article: 'a-xiaomi', evidence: ['Xiaomi reagerede i første omgang stærkt på de amerikanske beskyldninger og selskabet valgte sidste år at sagsøge den amerikanske regering.'] },
  { id: 'r4', source: 'p-ren', target: 'c-huawei', type: 'HEADS', support: 1, article: 'a-huawei', evidence: ['Huaweis stifter Ren Zhengfei har afvist anklagerne.'], props: '{"title":"stifter"}' },
  { id: 'r5', source: 'p-lei', target: 'c-xiaomi', type: 'HEADS', support: 1, article: 'a-xiaomi', evidence: [] },
  { id: 'r6', source: 'p-mette', target: 'c-netcompany', type: 'EMPLOYED_BY', support: 1, article: 'a-xiaomi', evidence: ['Netcompany har pr. 1. oktober 2025 ansat Mette Kristensen som CTO.'], props: '{"title":"CTO","since":"2025-10-01"}' },
  { id: 'r7', source: 'p-mette', target: 'o-dtu', type: 'EDUCATED_AT', support: 1, article: 'a-xiaomi', evidence: ['Hun er uddannet civilingeniør på DTU.'], props: '{"degree":"civilingeniør"}' },
  { id: 'r8', source: 'p-trump', target: 'g-usa', type: 'HEADS', support: 2, article: 'a-huawei', evidence: ['På G20-topmødet i Osaka meddelte Donald Trump, at amerikanske virksomheder igen må sælge udstyr til Huawei.'] },
  { id: 'r9', source: 'p-trump', target: 'g-kina', type: 'MEETS', support: 1, article: 'a-huawei', evidence: ['Trump mødtes med Kinas præsident ved G20 i Osaka.'] },
  { id: 'r10', source: 'c-huawei', target: 'pl-shenzhen', type: 'LOCATED_IN', support: 1, article: 'a-huawei', evidence: [] },
  { id: 'r11', source: 'g-commerce', target: 'g-usa', type: 'PART_OF', support: 1, article: 'a-huawei', evidence: [] },
  { id: 'r12', source: 'c-huaewei', target: 'g-kina', type: 'CO_MENTIONED', support: 1, article: 'a-huawei', evidence: [] },
  { id: 'r13', source: 'a-xiaomi', target: 'c-bloomberg', type: 'CITES', support: 1, article: 'a-xiaomi', evidence: ['Det skriver Bloomberg.'] },
  { id: 'r14', source: 'c-xiaomi', target: 'ev-lawsuit', type: 'PARTICIPATES_IN', support: 1, article: 'a-xiaomi', evidence: ['Xiaomi reagerede i første omgang stærkt på de amerikanske beskyldninger og selskabet valgte sidste år at sagsøge den amerikanske regering.'] },
  { id: 'r15', source: 'g-usa', target: 'ev-sanction', type: 'PARTICIPATES_IN', support: 1, article: 'a-huawei', evidence: ['USA satte i maj Huawei på sortlisten.'] },
  { id: 'r16', source: 'c-huawei', target: 'ev-sanction', type: 'PARTICIPATES_IN', support: 1, article: 'a-huawei', evidence: ['USA satte i maj Huawei på sortlisten.'] },
  { id: 'r17', source: 'c-huawei', target: 'ev-license', type: 'PARTICIPATES_IN', support: 1, article: 'a-huawei', evidence: [] },
  { id: 'r18', source: 'p-trump', target: 'ev-meeting', type: 'PARTICIPATES_IN', support: 1, article: 'a-huawei', evidence: [] },
  { id: 'r19', source: 'o-g20', target: 'ev-meeting', type: 'PARTICIPATES_IN', support: 1, article: 'a-huawei', evidence: [] },
  { id: 'r20', source: 'c-xiaomi', target: 'ev-lifted', type: 'PARTICIPATES_IN', support: 1, article: 'a-xiaomi', evidence: [] },
  { id: 'r21', source: 'c-netcompany', target: 'ev-hired', type: 'PARTICIPATES_IN', support: 1, article: 'a-xiaomi', evidence: [] },
  { id: 'r22', source: 'ev-meeting', target: 'pl-osaka', type: 'PARTICIPATES_IN', support: 1, article: 'a-huawei', evidence: [] },
  { id: 'r23', source: 'c-google', target: 'c-huawei', type: 'SUPPLIES', support: 1, article: 'a-huawei', evidence: [] },
  { id: 'r24', source: 'a-huawei', target: 'c-huawei', type: 'MENTIONS', support: 1, article: 'a-huawei', evidence: [] },
  { id: 'r25', source: 'a-xiaomi', target: 'c-xiaomi', type: 'MENTIONS', support: 1, article: 'a-xiaomi', evidence: [] },
];
const byId = () => new Map(nodes.map((n) => [n.id, n]));
const gn = (n: N) => ({ id: n.id, label: n.label, name: n.name, weight: n.weight, kind: n.kind ?? null, date: n.date ?? null });
const ge = (e: E) => ({ id: e.id, source: e.source, target: e.target, type: e.type, support: e.support, confidence: 0.8, props: e.props ?? null });
const hit = (n: N) => ({ id: n.id, label: n.label, name: n.name, aliases: n.aliases ?? [], score: 1, mentionCount: n.weight });
let created = 0;

const root = {
  search: ({ query, types, limit }: { query: string; types?: string[]; limit: number }) =>
    nodes.filter((n) => (!types || types.includes(n.label)) && [n.name, ...(n.aliases ?? [])].some((s) => s.toLowerCase().includes(query.toLowerCase()))).slice(0, limit).map(hit),
  neighborhood: ({ ids, types, limit }: { ids: string[]; types?: string[]; limit: number }) => {
    const m = byId();
    const touching = edges.filter((e) => ids.includes(e.source) || ids.includes(e.target));
    const others = [...new Set(touching.map((e) => (ids.includes(e.source) ? e.target : e.source)))].filter((id) => !types || types.includes(m.get(id)!.label));
    const kept = others.slice(0, limit);
    const all = new Set([...ids, ...kept]);
    return { nodes: [...all].map((id) => gn(m.get(id)!)), edges: touching.filter((e) => all.has(e.source) && all.has(e.target)).map(ge), truncated: others.length > limit, remaining: Math.max(0, others.length - limit) };
  },
  paths: ({ from, to, maxDepth }: { from: string; to: string; maxDepth: number }) => {
    const prev = new Map<string, E | null>([[from, null]]);
    let frontier = [from];
    for (let d = 0; d < maxDepth && !prev.has(to); d++) {
      const next: string[] = [];
      for (const id of frontier) for (const e of edges) {
        const o = e.source === id ? e.target : e.target === id ? e.source : null;
        if (o && !prev.has(o)) { prev.set(o, e); next.push(o); }
      }
      frontier = next;
    }
    if (!prev.has(to)) return { nodes: [], edges: [], truncated: false, remaining: 0 };
    const pathEdges: E[] = [];
    const pathNodes = [to];
    let cur = to;
    while (cur !== from) { const e = prev.get(cur)!; pathEdges.push(e); cur = e.source === cur ? e.target : e.source; pathNodes.push(cur); }
    const m = byId();
    return { nodes: pathNodes.map((id) => gn(m.get(id)!)), edges: pathEdges.map(ge), truncated: false, remaining: 0 };
  },
  timeline: () => nodes.filter((n) => n.label === 'Event').map((n) => ({ id: n.id, kind: n.kind, summary: n.name, date: n.date, dateText: null, participants: [], articleIds: [] })),
  evidence: ({ edgeId }: { edgeId: string }) => {
    const e = edges.find((x) => x.id === edgeId);
    if (!e) throw new Error(`No relationship ${edgeId}`);
    const m = byId();
    const art = m.get(e.article)!;
    return { edgeId, type: e.type, source: gn(m.get(e.source)!), target: gn(m.get(e.target)!), confidence: 0.8, items: e.evidence.map((s) => ({ sentence: s, articleId: art.id, articleTitle: art.name, articleUrl: 'https://www.computerworld.dk/art/123', publishedAt: art.date })) };
  },
  stats: () => ({
    labels: Object.entries(nodes.reduce<Record<string, number>>((a, n) => ({ ...a, [n.label]: (a[n.label] ?? 0) + 1 }), {})).map(([key, count]) => ({ key, count })),
    relationshipTypes: Object.entries(edges.reduce<Record<string, number>>((a, e) => ({ ...a, [e.type]: (a[e.type] ?? 0) + 1 }), {})).map(([key, count]) => ({ key, count })),
    articles: nodes.filter((n) => n.label === 'Article').length, entities: nodes.filter((n) => !['Article', 'Event'].includes(n.label)).length, events: nodes.filter((n) => n.label === 'Event').length,
  }),
  nodesByIds: ({ ids }: { ids: string[] }) => { const m = byId(); return ids.filter((id) => m.has(id)).map((id) => gn(m.get(id)!)); },
  edgesAmong: ({ ids }: { ids: string[] }) => edges.filter((e) => ids.includes(e.source) && ids.includes(e.target)).map(ge),
  article: ({ id }: { id: string }) => { const n = byId().get(id); return n && n.label === 'Article' ? { id, title: n.name, url: 'https://www.computerworld.dk/art/123', publishedAt: n.date, text: A[id as keyof typeof A], entities: nodes.filter((x) => !['Article', 'Event'].includes(x.label)).map(hit) } : null; },
  companies: ({ where, limit }: { where?: { name?: { contains?: string } }; limit?: number }) => nodes.filter((n) => n.label === 'Company' && (!where?.name?.contains || n.name.includes(where.name.contains))).slice(0, limit ?? 100).map((n) => ({ id: n.id, name: n.name, aliases: n.aliases ?? [] })),
  ingestArticle: ({ input }: { input: { text: string } }) => {
    if (!input.text.trim()) throw new Error('Article text is empty: paste the article body or give a .txt file');
    created++;
    const id = `c-new${created}`;
    nodes.push({ id, label: 'Company', name: `Nordic Semi ${created}`, weight: 1 });
    edges.push({ id: `rn${created}`, source: id, target: 'c-huawei', type: 'PARTNERS_WITH', support: 1, article: 'a-huawei', evidence: [] });
    return { articleId: 'a-new', title: input.text.split('\n')[0], status: 'new', entitiesCreated: 1, entitiesMerged: 1, relationsCreated: 1, relationsMerged: 0, eventsCreated: 0, eventsMerged: 0, createdNodeIds: [id], mergedNodeIds: ['c-huawei'] };
  },
  mergeEntities: ({ keepId, mergeIds }: { keepId: string; mergeIds: string[] }) => {
    for (const e of edges) { if (mergeIds.includes(e.source)) e.source = keepId; if (mergeIds.includes(e.target)) e.target = keepId; }
    for (const id of mergeIds) nodes.splice(nodes.findIndex((n) => n.id === id), 1);
    return { keptId: keepId, mergedIds: mergeIds, aliases: ['Huaewei'], relationshipsMoved: 1 };
  },
};

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.json': 'application/json' };
const port = Number(process.argv[2] ?? 4100);
createServer(async (req, res) => {
  if (req.url?.startsWith('/graphql') && req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const { query, variables, operationName } = JSON.parse(body);
    const result = await graphql({ schema, source: query, rootValue: root, variableValues: variables, operationName });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result));
    return;
  }
  const path = join(ROOT, 'dist/client', (req.url ?? '/').split('?')[0].replace(/\/$/, '/index.html'));
  if (!existsSync(path)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
  res.end(readFileSync(path));
}).listen(port, '127.0.0.1', () => console.log(`mock on http://127.0.0.1:${port}/`));
