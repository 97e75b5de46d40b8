// `newsgraph extract` and `newsgraph eval gold`: one JSON line per good file, a clear error per bad file, exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as runEval } from '../../../server/cli/commands/eval.ts';
import { run as runExtract } from '../../../server/cli/commands/extract.ts';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'articles', 'holland-eksportregler.txt');

describe('newsgraph extract', () => {
  it('prints one JSON object per file with names (not ids) and CITES from ARTICLE', async () => {
    expect(await runExtract([FIXTURE])).toBe(0);
    const lines = out.join('').trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(Object.keys(line)).toEqual(['title', 'entities', 'relations', 'events']);
    expect(line.title).toBe('Holland strammer eksportreglerne: ASML må ikke sælge avancerede maskiner til Kina');
    expect(line.entities).toContainEqual(expect.objectContaining({ name: 'ASML', type: 'Company' }));
    expect(line.relations).toContainEqual(
      expect.objectContaining({ from: 'ARTICLE', type: 'CITES', to: 'Reuters', evidence: 'Det skriver Reuters.' }),
    );
    expect(line.events[0]).toEqual(
      expect.objectContaining({ kind: expect.any(String), participants: expect.any(Array) }),
    );
    expect(JSON.stringify(line)).not.toMatch(/"(?:company|person|country|government):/);
  });

  it('reports each bad file on stderr, still processes the good ones and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-extract-'));
    writeFileSync(join(dir, 'tom.txt'), '  \n');
    writeFileSync(join(dir, 'billede.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const code = await runExtract([
      join(dir, 'tom.txt'),
      FIXTURE,
      join(dir, 'findes-ikke.txt'),
      join(dir, 'billede.png'),
    ]);
    expect(code).not.toBe(0);
    expect(out.join('').trim().split('\n')).toHaveLength(1);
    const messages = err.join('');
    expect(messages).toContain('EMPTY_TEXT');
    expect(messages).toContain('tom.txt');
    expect(messages).toContain('findes-ikke.txt: file not found');
    expect(messages).toContain('BINARY_INPUT');
  });

  it('explains its usage when no file is given', async () => {
    expect(await runExtract([])).toBe(1);
    expect(err.join('')).toContain('Usage: newsgraph extract FILE...');
  });
});

describe('newsgraph eval gold', () => {
  it('says in one line what is missing when the gold directory is absent', async () => {
    expect(await runEval(['gold', '/nonexistent/gold', '/nonexistent/seeds'])).toBe(1);
    expect(err.join('').trim().split('\n')).toHaveLength(1);
    expect(err.join('')).toContain('No gold directory at /nonexistent/gold');
  });

  it('prints usage for an unknown mode', async () => {
    expect(await runEval(['bogus'])).toBe(1);
    expect(err.join('')).toContain('newsgraph eval gold');
  });
});
