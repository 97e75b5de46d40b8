// The house's doors: imports run downward (model <- nlp <- ingest; model <- db <- graphql), checked on the source.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Every relative import of the files under `dir`, as [importing file, imported file], both relative to the root. */
function importsUnder(dir: string): [string, string][] {
  const edges: [string, string][] = [];
  for (const file of sourceFiles(join(ROOT, dir))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.')) continue;
      edges.push([relative(ROOT, file), relative(ROOT, resolve(dirname(file), spec))]);
    }
  }
  return edges;
}

const offending = (dir: string, forbidden: (target: string) => boolean) =>
  importsUnder(dir)
    .filter(([, target]) => forbidden(target))
    .map(([from, target]) => `${from} -> ${target}`);

describe('import direction', () => {
  it('finds the imports it checks (the scanner is not blind)', () => {
    const targets = importsUnder('server/ingest').map(([, t]) => t);
    expect(targets).toContain('server/model.ts');
    expect(targets.some((t) => t.startsWith('server/nlp/'))).toBe(true);
  });

  it('the graph model imports nothing of ours', () => {
    expect(importsUnder('server').filter(([from]) => from === 'server/model.ts')).toEqual([]);
  });

  for (const dir of ['server/nlp', 'server/db', 'server/graphql']) {
    it(`${dir} does not import server/ingest`, () => {
      expect(offending(dir, (t) => t.startsWith('server/ingest/'))).toEqual([]);
    });
  }

  it('server/nlp stays pure: no database, GraphQL or ingest', () => {
    expect(offending('server/nlp', (t) => /^server\/(db|graphql|ingest|cli)\//.test(t))).toEqual([]);
  });

  it('server/db does not import GraphQL or the CLI', () => {
    expect(offending('server/db', (t) => /^server\/(graphql|cli)\//.test(t))).toEqual([]);
  });

  it('the client takes from the server only the graph model', () => {
    expect(offending('client', (t) => t.startsWith('server/') && t !== 'server/model.ts')).toEqual([]);
  });
});
