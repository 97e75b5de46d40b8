// `newsgraph ingest`: loads files and directories into the configured Neo4j, reports bad files, and exits non-zero for them.
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../server/cli/commands/ingest.ts';
import { BULK_BATCH_ARTICLES } from '../../server/ingest/bulk/index.ts';
import { FIXTURES_DIR, useTestApp } from '../support/app.ts';
import { clearDatabase, testNeo4j } from '../support/db.ts';

const app = useTestApp();
const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-cli-'));
const binary = join(scratch, 'billede.txt');
writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));

beforeAll(() => {
  // The command reads NEO4J_URI like any user; point it at the test database.
  const { uri, user, password } = testNeo4j();
  vi.stubEnv('NEO4J_URI', uri);
  vi.stubEnv('NEO4J_USER', user);
  vi.stubEnv('NEO4J_PASSWORD', password);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

/** Runs the command, capturing what it prints. */
async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

async function articleCount(): Promise<number> {
  return app.repositories.articles.count();
}

describe('newsgraph ingest', () => {
  it('loads a directory (*.txt, recursively) and prints a summary; again, everything is unchanged', async () => {
    const first = await ingest(FIXTURES_DIR);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Articles: 2 new, 0 unchanged, 0 failed \(2 files in/m);
    expect(first.stdout).toMatch(/^Entities: \d+ created, \d+ merged$/m);
    expect(first.stdout).toMatch(/^Relations: \d+ created, \d+ merged$/m);
    expect(first.stdout).toMatch(/^Events: \d+ created, \d+ merged$/m);
    expect(await articleCount()).toBe(2);

    const second = await ingest(FIXTURES_DIR);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Articles: 0 new, 2 unchanged, 0 failed/m);
    expect(second.stdout).toMatch(/^Entities: 0 created, 0 merged$/m);
  });

  it('reports bad files and missing paths, loads the rest, and exits 1', async () => {
    const result = await ingest(binary, join(scratch, 'findes-ikke.txt'), join(FIXTURES_DIR, 'huawei-eksport.txt'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/failed: .*billede\.txt: this looks like a binary file.*\[BINARY_INPUT\]/);
    expect(result.stderr).toMatch(/failed: .*findes-ikke\.txt: no such file or directory/);
    expect(result.stdout).toMatch(/^Articles: 1 new, 0 unchanged, 2 failed \(3 files in/m);
    expect(await articleCount()).toBe(1);
  });

  it('reports symlinks that loop or dangle as skipped with the reason, counts them as failed, loads the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-links-'));
    copyFileSync(join(FIXTURES_DIR, 'huawei-eksport.txt'), join(dir, 'huawei-eksport.txt'));
    symlinkSync('selv.txt', join(dir, 'selv.txt')); // points at itself
    symlinkSync(join(dir, 'findes-ikke.txt'), join(dir, 'borte.txt'));
    symlinkSync(dir, join(dir, 'tilbage')); // a directory link back to its own parent
    symlinkSync(join(dir, 'huawei-eksport.txt'), join(dir, 'genvej.txt')); // a good link is followed
    try {
      const result = await ingest(dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/skipped: .*selv\.txt: symbolic link that loops back on itself \(ELOOP\)/);
      expect(result.stderr).toMatch(/skipped: .*borte\.txt: symbolic link to nothing/);
      expect(result.stderr).toMatch(/skipped: .*tilbage: links back to .*a directory already being read/);
      // Two files with the same text (the article and the link to it): one new, one unchanged.
      expect(result.stdout).toMatch(/^Articles: 1 new, 1 unchanged, 3 failed \(5 files in/m);
      expect(await articleCount()).toBe(1);

      const alone = await ingest(join(dir, 'selv.txt'));
      expect(alone.code).toBe(1);
      expect(alone.stderr).toMatch(/failed: .*selv\.txt: symbolic link that loops back on itself/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--json prints one line per file', async () => {
    const result = await ingest('--json', join(FIXTURES_DIR, 'huawei-eksport.txt'), binary);
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ ok: true, status: 'new', title: 'USA strammer eksportforbuddet mod Huawei' });
    expect(lines[1]).toMatchObject({ ok: false, code: 'BINARY_INPUT' });
  });

  it('--bulk loads the same graph as one-by-one loading, reports bad files, and is idempotent', async () => {
    const counts = async () =>
      (
        await app.database.driver.executeQuery(
          'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r',
        )
      ).records[0].toObject();
    const oneByOne = await ingest('--one-by-one', FIXTURES_DIR);
    expect(oneByOne.code).toBe(0);
    const expected = await counts();
    await clearDatabase(app.database.driver);

    const bulk = await ingest('--bulk', FIXTURES_DIR, binary);
    expect(bulk.code).toBe(1);
    expect(bulk.stderr).toMatch(new RegExp(`\\(bulk: ${BULK_BATCH_ARTICLES} articles per transaction\\)`));
    expect(bulk.stderr).toMatch(/failed: .*billede\.txt: this looks like a binary file.*\[BINARY_INPUT\]/);
    expect(bulk.stdout).toMatch(/^Articles: 2 new, 0 unchanged, 1 failed \(3 files in/m);
    expect(await counts()).toEqual(expected);

    const again = await ingest('--bulk', FIXTURES_DIR);
    expect(again.stdout).toMatch(/^Articles: 0 new, 2 unchanged, 0 failed/m);
    expect(await counts()).toEqual(expected);
  });

  it('refuses a call without files, or with both --bulk and --one-by-one, with usage and exit code 2', async () => {
    const result = await ingest();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: newsgraph ingest/);
    const both = await ingest('--bulk', '--one-by-one', FIXTURES_DIR);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/Choose one of --bulk, --one-by-one\./);
  });
});
