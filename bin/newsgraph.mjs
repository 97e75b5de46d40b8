#!/usr/bin/env node
// Entry point for `npx newsgraph …` and `npm start`: runs the TypeScript CLI through tsx, no build step.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
// Extraction makes many short-lived objects (tokens, feature parts, candidate pairs); with V8's default 16 MB semi-space
// the young generation fills every few articles and survivors get copied and promoted. A larger one halves the
// collector's share of extraction (`npm run bench -- extract` runs with the same flag: see package.json). The space
// grows only as needed, so an idle server does not pay for it. Worker threads get the same (bulk/workers.ts).
const SEMI_SPACE_FLAG = '--max-semi-space-size=32';

const child = spawn(
  process.execPath,
  [SEMI_SPACE_FLAG, tsxCli, join(root, 'server/cli/main.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

// A signal sent to this process alone (kill PID, a process manager) must reach the CLI, or the server and
// Neo4j would be left running. A terminal's Ctrl-C already reaches the whole group; forwarding it again is
// harmless because the CLI treats a repeated SIGINT during shutdown as the same request.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal] ?? 1) : 1));
});
