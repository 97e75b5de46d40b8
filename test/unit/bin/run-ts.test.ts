// bin/run-ts.mjs: the launcher of the CLI, the server and the benchmarks runs TypeScript with the project's V8
// options and hands back the child's exit status.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_V8_OPTIONS } from '../../../bin/run-ts.mjs';

const LAUNCHER = join(import.meta.dirname, '..', '..', '..', 'bin', 'run-ts.mjs');
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-run-ts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bin/run-ts.mjs', () => {
  it('runs a TypeScript entry with the V8 options and passes its arguments and exit status through', () => {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, [
      "const args: string[] = process.argv.slice(2);",
      "console.log(JSON.stringify({ args, nodeOptions: process.env.NODE_OPTIONS ?? '' }));",
      'process.exit(3);',
    ].join('\n'));
    const run = spawnSync(process.execPath, [LAUNCHER, entry, 'a', 'b c'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--no-warnings' } });
    expect(run.status).toBe(3);
    const printed = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { args: string[]; nodeOptions: string };
    expect(printed.args).toEqual(['a', 'b c']);
    // The caller's own options are kept, the project's are added.
    expect(printed.nodeOptions.split(' ')).toEqual(['--no-warnings', ...NODE_V8_OPTIONS]);
  });

  it('asks for an entry when given none', () => {
    const run = spawnSync(process.execPath, [LAUNCHER], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage/);
  });
});
