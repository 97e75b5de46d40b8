// First loads through neo4j-admin's importer (`newsgraph ingest --import`): the graph must be the one the bulk
// path writes through transactions, property for property, and the command refuses what it cannot do safely.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../server/cli/commands/ingest.ts';
import { PROJECT_ROOT, readConfig } from '../../server/config.ts';
import { adminImport, databaseExists } from '../../server/db/admin-import.ts';
import { startEmbeddedNeo4j } from '../../server/db/embedded.ts';
import { BulkLoadRepository, connectDatabase } from '../../server/db/index.ts';
import { collectFirstLoad, ingestFilesBulk } from '../../server/ingest/bulk/index.ts';
import { collectArticleFiles, type FileOutcome } from '../../server/ingest/files.ts';
import { useTestApp } from '../support/app.ts';
import { clearDatabase } from '../support/db.ts';

/**
 * Each test starts JVMs: neo4j-admin and a second Neo4j besides the bulk load and the reference write, or the Neo4j the
 * refusal reads; a busy two-core machine takes several times as long as an idle one, far past the 60 s default.
 */
const IMPORT_TEST_TIMEOUT_MS = 300_000;
const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-import-test-'));
// The first test empties the database itself, between the bulk load and the reference write too.
const app = useTestApp({ emptyBeforeEach: false });
let files: string[];

beforeAll(async () => {
  files = await collectArticleFiles([
    join(PROJECT_ROOT, 'data', 'articles'),
    join(PROJECT_ROOT, 'test', 'fixtures', 'heldout', 'articles'),
    join(PROJECT_ROOT, 'test', 'fixtures', 'blind', 'articles'),
  ]);
  // A repeated text and a bad file: outcomes as on the bulk path, nothing of them written.
  const copy = join(scratch, 'copy.txt');
  writeFileSync(copy, await import('node:fs').then((fs) => fs.readFileSync(files[0])));
  const binary = join(scratch, 'billede.txt');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  files.push(copy, binary);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
});

/** Every node and relationship with its properties (ingestedAt aside), in a stable order. */
async function dump(driver: Driver): Promise<{ nodes: unknown[]; relationships: unknown[] }> {
  const plain = (value: unknown): unknown => {
    if (neo4j.isInt(value)) return `int:${value.toString()}`;
    if (neo4j.isDate(value)) return `date:${value.toString()}`;
    if (Array.isArray(value)) return value.map(plain);
    return value;
  };
  const props = (p: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(p)
        .filter(([k]) => k !== 'ingestedAt')
        .sort()
        .map(([k, v]) => [k, plain(v)]),
    );
  const nodes = (await driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, properties(n) AS p')).records
    .map((r): Record<string, unknown> => ({ labels: [...r.get('labels')].sort(), ...props(r.get('p')) }))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const relationships = (
    await driver.executeQuery('MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS p')
  ).records
    .map((r) => ({
      key: `${r.get('a')} ${r.get('type')} ${r.get('b')} ${r.get('p').role ?? ''}`,
      ...props(r.get('p')),
    }))
    .sort((x, y) => x.key.localeCompare(y.key));
  return { nodes, relationships };
}

describe('first load with neo4j-admin import', () => {
  it(
    'writes exactly the graph the bulk path writes, with the same outcomes, and a usable schema',
    async () => {
      // The same outcomes as the bulk path (one batch here: with several, which batches an article is resolved
      // against depends on how far ahead the workers got, on either path).
      await clearDatabase(app.database.driver);
      const bulk = await ingestFilesBulk({ ...app.pipeline, bulk: new BulkLoadRepository(app.database) }, files);
      const status = (o: FileOutcome) => (o.ok ? o.summary.status : o.error.code);
      expect((await collectFirstLoad(files, readConfig().maxArticleBytes)).outcomes.map(status)).toEqual(
        bulk.map(status),
      );

      // Batches of 4, so nodes and relationships are merged across batches as well as within one; the reference
      // graph is those very batches written through the bulk queries, in order.
      const { outcomes, rows, batches } = await collectFirstLoad(files, readConfig().maxArticleBytes, undefined, {
        batchSize: 4,
      });
      expect(batches.length).toBeGreaterThan(3);
      expect(outcomes.map(status)).toEqual(bulk.map(status));
      expect(outcomes.at(-1)).toMatchObject({ ok: false, error: { code: 'BINARY_INPUT' } });
      await clearDatabase(app.database.driver);
      for (const batch of batches) await new BulkLoadRepository(app.database).write(batch);
      const expected = await dump(app.database.driver);
      expect(expected.nodes.length).toBeGreaterThan(200);

      const home = join(scratch, 'neo4j');
      const result = await adminImport(rows, { home });
      expect(databaseExists(home)).toBe(true);
      expect(result.nodes).toBe(expected.nodes.length);

      const embedded = await startEmbeddedNeo4j({ dataDir: home, boltPort: 0 });
      const database = connectDatabase({ uri: embedded.uri, user: 'neo4j', password: 'unused' });
      try {
        await database.applySchema();
        await new BulkLoadRepository(database).finishImport();
        const imported = await dump(database.driver);
        expect(imported.nodes).toEqual(expected.nodes);
        expect(imported.relationships).toEqual(expected.relationships);
        // Search works over the imported graph (full-text index built after the import).
        const hits = await database.driver.executeQuery(
          "CALL db.index.fulltext.queryNodes('entity_names', 'huawei') YIELD node RETURN count(node) AS n",
        );
        expect(Number(hits.records[0].get('n'))).toBeGreaterThan(0);
      } finally {
        await database.close();
        await embedded.stop();
      }
    },
    IMPORT_TEST_TIMEOUT_MS,
  );

  it(
    'is refused with NEO4J_URI set, and into a database that holds anything',
    async () => {
      vi.stubEnv('NEO4J_URI', 'bolt://127.0.0.1:1');
      let stderr = '';
      const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
        stderr += String(chunk);
        return true;
      });
      try {
        expect(await run(['--import', files[0]])).toBe(1);
        expect(stderr).toMatch(/with NEO4J_URI set, load with --bulk instead/);
        vi.stubEnv('NEO4J_URI', '');
        // The database the first test imported into is not empty.
        vi.stubEnv('NEWSGRAPH_DATA_DIR', scratch);
        vi.stubEnv('NEWSGRAPH_BOLT_PORT', '7798');
        stderr = '';
        expect(await run(['--import', files[0]])).toBe(1);
        expect(stderr).toMatch(/already holds \d+ nodes: --import is for a first load/);
        expect(await run(['--import', '--bulk', files[0]])).toBe(2);
      } finally {
        err.mockRestore();
      }
    },
    IMPORT_TEST_TIMEOUT_MS,
  );
});
