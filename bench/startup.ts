// Start-up benchmark: `npm start` until it prints "Ready", cold (empty data directory, demo articles loaded) and warm.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/config.ts';
import { type BenchResult, type Figure, load, machine } from './report.ts';

/** A start that takes longer than this is reported as failed rather than waited for. */
const START_TIMEOUT_MS = 240_000;
const WARM_STARTS = 2;

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

interface Start {
  readonly readyMs: number;
  /** Neo4j's own start-up, as `serve` reports it. */
  readonly neo4jMs: number | null;
  readonly healthOk: boolean;
  readonly stopMs: number;
}

/** Runs `npm start` in its own process group with `dataDir`, waits for "Ready", checks /health, then Ctrl-C. */
async function startOnce(dataDir: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: '',
      NEWSGRAPH_DATA_DIR: dataDir,
      PORT: String(port),
      NEWSGRAPH_BOLT_PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  let output = '';
  const ready = await new Promise<{ readyMs: number; neo4jMs: number | null } | null>((resolveReady) => {
    const timer = setTimeout(() => resolveReady(null), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/^Ready in /m.test(output)) {
        clearTimeout(timer);
        const neo4j = /Neo4j ready at \S+ in ([\d.]+) s/.exec(output);
        resolveReady({ readyMs: performance.now() - started, neo4jMs: neo4j ? Number(neo4j[1]) * 1000 : null });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then(() => {
      clearTimeout(timer);
      resolveReady(null);
    });
  });
  let healthOk = false;
  if (ready) {
    const response = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
    healthOk = response?.status === 200;
  }
  // Ctrl-C for the whole group we started (npm, the CLI, Neo4j), then wait for it to finish stopping.
  const stopAt = performance.now();
  if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGINT');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 90_000))]);
  if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
  if (!ready)
    throw new Error(`npm start did not become ready within ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-2000)}`);
  return { ...ready, healthOk, stopMs: performance.now() - stopAt };
}

export async function benchStartup(): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const loadStart = load();
  const t0 = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-start-'));
  const figures: Figure[] = [];
  const runs: (Start & { kind: string; load: number })[] = [];
  try {
    const coldLoad = load()[0];
    const cold = await startOnce(dataDir);
    runs.push({ ...cold, kind: 'cold', load: coldLoad });
    figures.push({
      label: 'cold start (empty data dir: Neo4j store created, schema, 8 demo articles loaded) to "Ready"',
      value: cold.readyMs / 1000,
      unit: 's',
      load: coldLoad,
    });
    for (let i = 0; i < WARM_STARTS; i++) {
      const warmLoad = load()[0];
      const warm = await startOnce(dataDir);
      runs.push({ ...warm, kind: 'warm', load: warmLoad });
      figures.push({
        label: `warm start ${i + 1} (existing data) to "Ready"`,
        value: warm.readyMs / 1000,
        unit: 's',
        load: warmLoad,
      });
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    name: 'startup',
    command: 'npm run bench -- startup',
    startedAt,
    seconds: Math.round((performance.now() - t0) / 1000),
    loadStart,
    loadEnd: load(),
    machine: machine(),
    params: { warmStarts: WARM_STARTS },
    figures,
    details: runs,
    notes: runs.map(
      (r) =>
        `${r.kind}: ready ${(r.readyMs / 1000).toFixed(1)} s (of which Neo4j ${r.neo4jMs !== null ? (r.neo4jMs / 1000).toFixed(1) : '?'} s), /health ${r.healthOk ? 'up' : 'DOWN'}, Ctrl-C to exit ${(r.stopMs / 1000).toFixed(1)} s`,
    ),
  };
}
