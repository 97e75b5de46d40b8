// Idempotency under concurrency: 10 clients loading the same 50 articles at once end with the graph one sequential load gives; deadlocks are retried.
import { describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../../bench/corpus.ts';
import { loadArticleGraph } from '../../../server/ingest/load/index.ts';
import { ingestArticle } from '../../../server/ingest/pipeline.ts';
import { huaweiSanctionGraph } from '../../fixtures/loader/graphs.ts';
import { useTestApp, useTestServer } from '../../support/app.ts';
import { clearDatabase } from '../../support/db.ts';
import { CLEAN, graphFingerprint, integrity } from './graph.ts';

const ARTICLES = 50;
const CLIENTS = 10;
// Names more than 3 edits apart: resolution merges near-names as typos, which would make the graph depend on
// load order rather than on correct concurrency (see bench/corpus.ts distinctNames).
const corpus = [...syntheticCorpus(ARTICLES, { seed: 424_242, distinctNames: true, minBytes: 2500, maxBytes: 3500 })];
const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { articleId status } }`;

// Each test empties the database itself, between its sequential and its concurrent load too.
const app = useTestApp({ emptyBeforeEach: false });
const server = useTestServer();

describe('the same 50 articles from 10 concurrent clients', () => {
  it('give the graph of one sequential load: same nodes, relationships, counts and provenance; no duplicates, nothing doubled', async () => {
    await clearDatabase(app.database.driver);
    for (const article of corpus)
      await ingestArticle(app.pipeline, { content: article.text, source: article.fileName });
    const sequential = await graphFingerprint(app.database, { orderIndependent: true });
    expect(await integrity(app.database)).toEqual(CLEAN);

    await clearDatabase(app.database.driver);
    // Every client loads all 50, each starting at a different article, all at once over HTTP.
    const statuses = new Map<string, string[]>();
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let k = 0; k < ARTICLES; k++) {
          const article = corpus[(k + client * 5) % ARTICLES];
          const response = await server.gql<{ ingestArticle: { articleId: string; status: string } }>(INGEST, {
            input: { text: article.text },
          });
          if (response.errors) failures.push(`${article.fileName}: ${response.errors[0].message}`);
          else
            statuses.set(article.fileName, [
              ...(statuses.get(article.fileName) ?? []),
              response.data!.ingestArticle.status,
            ]);
        }
      }),
    );
    // Deadlocks and lock timeouts between the clients are retried, never reported.
    expect(failures).toEqual([]);
    for (const article of corpus) {
      expect(statuses.get(article.fileName)?.sort(), article.fileName).toEqual([
        'new',
        ...Array(CLIENTS - 1).fill('unchanged'),
      ]);
    }
    expect(await integrity(app.database)).toEqual(CLEAN);
    const concurrent = await graphFingerprint(app.database, { orderIndependent: true });
    expect(concurrent.nodes.length).toBe(sequential.nodes.length);
    expect(concurrent.relationships.length).toBe(sequential.relationships.length);
    expect(concurrent).toEqual(sequential);
  }, 240_000);
});

describe('two write transactions that deadlock', () => {
  it('are retried until both succeed', async () => {
    await clearDatabase(app.database.driver);
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    const rels = await app.database.read((q) => q.run('entity-relationships', { id: 'company:huawei' }));
    const [first, second] = rels.map((r) => String(r.relId));
    expect(second).toBeDefined();
    let attempts = 0;
    // Each locks one relationship, waits, then wants the other's: Neo4j refuses one as a deadlock (a transient
    // error), and the database layer runs it again.
    const lockInOrder = (a: string, b: string) =>
      app.database.write(async (q) => {
        attempts++;
        await q.run('relationships-update-provenance', {
          updates: [{ relId: a, properties: { lockProbe: attempts } }],
        });
        await new Promise((resolveWait) => setTimeout(resolveWait, 400));
        await q.run('relationships-update-provenance', {
          updates: [{ relId: b, properties: { lockProbe: attempts } }],
        });
      });
    await Promise.all([lockInOrder(first, second), lockInOrder(second, first)]);
    expect(attempts).toBeGreaterThan(2);
  });
});
