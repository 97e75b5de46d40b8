// The embedded Neo4j's supervisor: restarts after an unexpected exit with backoff, gives up after 5 tries saying why.
import { describe, expect, it } from 'vitest';
import type { EmbeddedNeo4j } from '../../../server/db/embedded.ts';
import { superviseEmbeddedNeo4j } from '../../../server/db/supervisor.ts';

/** A stand-in JVM: `die()` makes it exit as a crash would. */
function fakeNeo4j(port: number) {
  let die!: () => void;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    die = () => resolveExit({ code: null, signal: 'SIGKILL' });
  });
  const neo4j: EmbeddedNeo4j = {
    uri: `bolt://127.0.0.1:${port}`,
    pid: 1000 + port,
    logFile: '/tmp/launcher.log',
    startupMs: 1,
    exited,
    stop: async () => die(),
  };
  return { neo4j, die };
}

const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));

describe('superviseEmbeddedNeo4j', () => {
  it('restarts a Neo4j that exits unexpectedly, on the port of the first start', async () => {
    const started: { port: number | undefined; die: () => void }[] = [];
    const said: string[] = [];
    const supervised = await superviseEmbeddedNeo4j(
      { dataDir: '/tmp/x', boltPort: 0 },
      {
        firstDelayMs: 1,
        say: (line) => said.push(line),
        start: async (options) => {
          const fake = fakeNeo4j(options.boltPort || 7777);
          started.push({ port: options.boltPort, die: fake.die });
          return fake.neo4j;
        },
      },
    );
    expect(supervised.status()).toEqual({ state: 'up' });
    started[0].die();
    await settle();
    expect(started.map((s) => s.port)).toEqual([0, 7777]);
    expect(supervised.status()).toEqual({ state: 'up' });
    expect(said[0]).toMatch(/stopped unexpectedly \(SIGKILL/);
    expect(said[1]).toMatch(/back at bolt:\/\/127\.0\.0\.1:7777 \(attempt 1 of 5/);
    await supervised.stop();
    expect(supervised.status()).toEqual({ state: 'stopped' });
  });

  it('reports restarting while it tries, then gives up after 5 attempts with the last reason', async () => {
    let calls = 0;
    const said: string[] = [];
    const first = fakeNeo4j(7000);
    const supervised = await superviseEmbeddedNeo4j(
      { dataDir: '/tmp/x' },
      {
        firstDelayMs: 5,
        say: (line) => said.push(line),
        start: async () => {
          calls++;
          if (calls === 1) return first.neo4j;
          throw new Error(`Neo4j could not start: disk full (${calls})`);
        },
      },
    );
    first.die();
    await settle(1);
    expect(supervised.status()).toMatchObject({ state: 'restarting', attempt: 1, maxAttempts: 5 });
    // Backoff 5, 10, 20, 40, 80 ms.
    await settle(400);
    expect(calls).toBe(6);
    const status = supervised.status();
    expect(status.state).toBe('failed');
    expect(status.state === 'failed' && status.reason).toMatch(/5 restarts failed; the last said: .*disk full \(6\)/);
    expect(said.at(-1)).toMatch(/Gave up restarting Neo4j after 5 attempts: .*The explorer is still served/);
    await supervised.stop();
  });
});
