// Runs a TypeScript entry point through tsx in a child Node with the project's V8 options: the CLI and the
// server (bin/newsgraph.mjs) and the benchmarks (`npm run bench`) start this way, so a benchmark measures the
// process the product runs.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * A young generation of 64 MB semi-spaces instead of V8's 16 MB: loading allocates short-lived rows, Bolt
 * buffers and extraction results fast, and with small semi-spaces many of them were scavenged repeatedly and
 * promoted. 5,000 generated articles through the bulk path, default and this alternating (two rounds, one hour):
 * Node CPU 14.5 / 12.0 -> 13.1 / 10.8 ms per article, 47.7 / 55.4 -> 51.3 / 59.7 articles/s. The flag is
 * process-wide, so the extraction workers get it too.
 */
export const NODE_V8_OPTIONS = ['--max-semi-space-size=64'];

/** Spawns `node tsx <entry> ...args` with NODE_V8_OPTIONS added to NODE_OPTIONS (so tsx's own child gets them). */
export function spawnTypeScript(entry, args) {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const nodeOptions = [process.env.NODE_OPTIONS ?? '', ...NODE_V8_OPTIONS].join(' ').trim();
  return spawn(process.execPath, [tsxCli, entry, ...args], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: nodeOptions } });
}

/** Forwards signals to the child and exits with its status: this process is only a launcher. */
export function relay(child) {
  // A signal sent to this process alone (kill PID, a process manager) must reach the child, or the server and
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
}

// `node bin/run-ts.mjs ENTRY [ARGS...]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    process.stderr.write('usage: node bin/run-ts.mjs ENTRY.ts [ARGS...]\n');
    process.exit(2);
  }
  relay(spawnTypeScript(entry, args));
}
