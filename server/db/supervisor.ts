// Keeps the project's own Neo4j running under `serve`: when its JVM exits unexpectedly it is started again, with backoff.
import {
  type EmbeddedNeo4j,
  type EmbeddedNeo4jOptions,
  startEmbeddedNeo4j as startEmbeddedNeo4jDefault,
} from './embedded.ts';

/** Restart attempts after one unexpected exit before giving up. */
export const MAX_RESTART_ATTEMPTS = 5;
/** Pause before the first restart attempt; doubled for each further one (1, 2, 4, 8, 16 s). */
export const FIRST_RESTART_DELAY_MS = 1_000;

/** What `/health` and GraphQL say about the database while it is supervised. */
export type DatabaseStatus =
  | { readonly state: 'up' }
  | { readonly state: 'restarting'; readonly attempt: number; readonly maxAttempts: number; readonly since: string }
  | { readonly state: 'failed'; readonly reason: string }
  | { readonly state: 'stopped' };

export interface SupervisedNeo4j {
  /** Bolt URI; the same across restarts (the port found at the first start is kept). */
  readonly uri: string;
  readonly logFile: string;
  readonly startupMs: number;
  /** The JVM running now (undefined while restarting). */
  readonly current: EmbeddedNeo4j | undefined;
  status(): DatabaseStatus;
  /** Stops supervising and shuts Neo4j down cleanly. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  readonly maxAttempts?: number;
  readonly firstDelayMs?: number;
  /** Progress lines (exit seen, attempt n, back up, gave up). */
  readonly say?: (line: string) => void;
  /** For tests: how a Neo4j is started. */
  readonly start?: (options: EmbeddedNeo4jOptions) => Promise<EmbeddedNeo4j>;
}

/**
 * Starts the embedded Neo4j (rejecting as startEmbeddedNeo4j does) and then watches it: an exit that stop() did not
 * ask for sets the status to `restarting` and starts it again on the same data directory and Bolt port, after
 * FIRST_RESTART_DELAY_MS doubling per attempt, up to MAX_RESTART_ATTEMPTS; then `failed` with the last reason.
 */
export async function superviseEmbeddedNeo4j(
  options: EmbeddedNeo4jOptions,
  supervise: SuperviseOptions = {},
): Promise<SupervisedNeo4j> {
  const start = supervise.start ?? startEmbeddedNeo4jDefault;
  const maxAttempts = supervise.maxAttempts ?? MAX_RESTART_ATTEMPTS;
  const firstDelayMs = supervise.firstDelayMs ?? FIRST_RESTART_DELAY_MS;
  const say = supervise.say ?? (() => {});

  const first = await start(options);
  // Keep the port: the server's driver was built for this URI and finds the restarted Neo4j there by itself.
  const port = Number(new URL(first.uri.replace(/^bolt:/, 'http:')).port);
  const restartOptions: EmbeddedNeo4jOptions = { ...options, boltPort: port };
  let current: EmbeddedNeo4j | undefined = first;
  let status: DatabaseStatus = { state: 'up' };
  let stopping = false;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolvePause) => {
      const timer = setTimeout(resolvePause, ms);
      wake = () => {
        clearTimeout(timer);
        resolvePause();
      };
    });

  const watch = (neo4j: EmbeddedNeo4j): void => {
    neo4j.exited.then(async ({ code, signal }) => {
      if (stopping || current !== neo4j) return;
      current = undefined;
      const how = signal ?? `exit code ${code}`;
      say(`Neo4j stopped unexpectedly (${how}; log: ${neo4j.logFile}); restarting it.`);
      let lastError = `it exited (${how})`;
      for (let attempt = 1; attempt <= maxAttempts && !stopping; attempt++) {
        status = { state: 'restarting', attempt, maxAttempts, since: new Date().toISOString() };
        await pause(firstDelayMs * 2 ** (attempt - 1));
        if (stopping) return;
        try {
          const restarted = await start(restartOptions);
          if (stopping) {
            await restarted.stop();
            return;
          }
          current = restarted;
          status = { state: 'up' };
          say(`Neo4j is back at ${restarted.uri} (attempt ${attempt} of ${maxAttempts}, ${restarted.startupMs} ms).`);
          watch(restarted);
          return;
        } catch (error) {
          lastError = error instanceof Error ? error.message : String(error);
          say(`Neo4j restart attempt ${attempt} of ${maxAttempts} failed: ${lastError}`);
        }
      }
      if (stopping) return;
      status = {
        state: 'failed',
        reason: `Neo4j stopped unexpectedly and ${maxAttempts} restarts failed; the last said: ${lastError}`,
      };
      say(
        `Gave up restarting Neo4j after ${maxAttempts} attempts: ${lastError}. The explorer is still served; restart \`npm start\` once the cause is fixed (see ${neo4j.logFile}).`,
      );
    });
  };
  watch(first);

  return {
    uri: first.uri,
    logFile: first.logFile,
    startupMs: first.startupMs,
    get current() {
      return current;
    },
    status: () => status,
    async stop() {
      stopping = true;
      wake?.();
      status = { state: 'stopped' };
      await current?.stop();
    },
  };
}
