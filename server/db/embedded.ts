// Starts and stops the project's own Neo4j (built under neo4j/ by `npm install`) as a child JVM with Bolt on 127.0.0.1.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, type WriteStream } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../config.ts';
import { ErrorCode, NewsgraphError } from '../errors.ts';

/** Where `npm install` (scripts/postinstall.mjs) puts the launcher; nothing here is committed. */
export const LAUNCHER = Object.freeze({
  /** The Maven project: pom.xml and the one Java class. */
  dir: join(PROJECT_ROOT, 'neo4j'),
  /** Neo4j and its dependencies. */
  lib: join(PROJECT_ROOT, 'neo4j', 'lib'),
  /** APOC core (+ apoc-common): on the class path for its extensions, and the procedure plugin directory. */
  plugins: join(PROJECT_ROOT, 'neo4j', 'plugins'),
  /** The compiled EmbeddedNeo4j class. */
  jar: join(PROJECT_ROOT, 'neo4j', 'target', 'newsgraph-neo4j.jar'),
  /** Class-data-sharing archive recorded at install; start-up takes about half as long with it. */
  classDataArchive: join(PROJECT_ROOT, 'neo4j', 'target', 'neo4j-classes.jsa'),
  mainClass: 'newsgraph.neo4j.EmbeddedNeo4j',
});

/** Neo4j 5.26 runs on Java 17 and 21. */
export const MIN_JAVA_MAJOR = 17;
/** Well beyond a cold JVM's start on two busy cores: reaching it means something is wrong, not slow. */
export const DEFAULT_START_TIMEOUT_MS = 120_000;
/** Shutdown checkpoints the store; after this the JVM is killed (the next start then runs recovery). */
export const DEFAULT_STOP_TIMEOUT_MS = 60_000;

export interface EmbeddedNeo4jOptions {
  /** Neo4j home: databases in `data/`, Neo4j's own logs in `logs/`. Created when missing. */
  readonly dataDir: string;
  /** Bolt port on 127.0.0.1 (default 7687); 0 lets the operating system pick a free one. */
  readonly boltPort?: number;
  /** Where the JVM's own output goes (default `<dataDir>/logs/launcher.log`); appended to. */
  readonly logFile?: string;
  /** Maximum Java heap, e.g. `1g` (default `1g`). */
  readonly heap?: string;
  /** Neo4j page cache, e.g. `512m` (default `512m`). */
  readonly pageCache?: string;
  /** A JDK/JRE home whose `bin/java` is used (default: `java` on the PATH). */
  readonly javaHome?: string;
  /** How long to wait for the READY line (default DEFAULT_START_TIMEOUT_MS). */
  readonly startTimeoutMs?: number;
  /**
   * `use` (default) starts with the class-data-sharing archive when it exists; `record` writes it when the
   * JVM exits (the install does this once); `off` ignores it.
   */
  readonly classDataSharing?: 'use' | 'record' | 'off';
  /**
   * The JVM's garbage collector. `latency` (default) keeps the JVM's own choice, G1, whose pauses are short: for a
   * Neo4j that serves queries. `throughput` takes the parallel collector, which stops everything for its pauses
   * but spends less CPU overall (no concurrent marking, cheaper write barriers): for a Neo4j started only to load
   * a batch of articles. Bulk loading goes faster with the parallel collector and Neo4j spends less CPU per
   * article (less so once the extraction workers are niced), but the GraphQL benchmark's p99 got worse, past its
   * floor: so the server keeps G1. The A/B runs: docs/performance-notes.md, "Loading", 2026-11-23.
   */
  readonly collector?: Neo4jCollector;
}

/** The garbage collector of an embedded Neo4j's JVM (see EmbeddedNeo4jOptions.collector). */
export type Neo4jCollector = 'latency' | 'throughput';

export interface EmbeddedNeo4j {
  /** Bolt URI, e.g. `bolt://127.0.0.1:7687`. Any user and password are accepted (auth is off; loopback only). */
  readonly uri: string;
  readonly pid: number;
  readonly logFile: string;
  /** How long start-up took, from spawning the JVM to the READY line. */
  readonly startupMs: number;
  /** Settles when the JVM exits, whether through stop() or not (a crash, an out-of-memory exit, a kill). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Shuts Neo4j down cleanly (SIGTERM, store checkpointed) and resolves when the JVM has exited. Idempotent. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JavaRuntime {
  readonly command: string;
  readonly major: number;
  readonly version: string;
}

function databaseUnavailable(message: string, reason: string, details: Record<string, unknown> = {}): NewsgraphError {
  return new NewsgraphError(ErrorCode.DATABASE_UNAVAILABLE, message, { reason, ...details });
}

/** Finds `java`, checks it is 17 or newer, and says how to get one when it is not. */
export function findJava(javaHome?: string): JavaRuntime {
  const command = javaHome ? join(javaHome, 'bin', process.platform === 'win32' ? 'java.exe' : 'java') : 'java';
  const probe = spawnSync(command, ['-version'], { encoding: 'utf8' });
  const howToFix =
    `install a JDK ${MIN_JAVA_MAJOR} or newer (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless) ` +
    'and make `java` available on the PATH or through JAVA_HOME — or set NEO4J_URI to a Neo4j you run yourself';
  if (probe.error || probe.status !== 0) {
    const where = javaHome ? `${command} (from JAVA_HOME)` : '`java` on the PATH';
    throw databaseUnavailable(
      `Java ${MIN_JAVA_MAJOR}+ is needed to run the project's own Neo4j, and ${where} could not be run: ${howToFix}`,
      'JAVA_MISSING',
      { command },
    );
  }
  // `java -version` prints to stderr: `openjdk version "17.0.15" …`, or `java version "1.8.0_402"` on Java 8.
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(`${probe.stderr}\n${probe.stdout}`);
  const first = match ? Number(match[1]) : 0;
  const major = first === 1 && match?.[2] ? Number(match[2]) : first;
  const version = match ? match[0].slice('version '.length).replaceAll('"', '') : 'unknown';
  if (major < MIN_JAVA_MAJOR) {
    throw databaseUnavailable(
      `Java ${MIN_JAVA_MAJOR}+ is needed to run the project's own Neo4j, but ${command} is Java ${version}: ${howToFix}`,
      'JAVA_TOO_OLD',
      { command, version },
    );
  }
  return { command, major, version };
}

/** True when `npm install` has built the launcher (Neo4j jars, APOC, the compiled class). */
export function launcherInstalled(): boolean {
  return (
    existsSync(LAUNCHER.jar) &&
    existsSync(LAUNCHER.plugins) &&
    existsSync(LAUNCHER.lib) &&
    readdirSync(LAUNCHER.lib).some((name) => name.startsWith('neo4j-kernel-'))
  );
}

function javaArguments(
  options: Required<Pick<EmbeddedNeo4jOptions, 'dataDir' | 'boltPort' | 'heap' | 'pageCache' | 'classDataSharing'>> &
    Pick<EmbeddedNeo4jOptions, 'collector'>,
): string[] {
  const classPath = [join(LAUNCHER.lib, '*'), join(LAUNCHER.plugins, '*'), LAUNCHER.jar].join(delimiter);
  const sharing =
    options.classDataSharing === 'record'
      ? [`-XX:ArchiveClassesAtExit=${LAUNCHER.classDataArchive}`]
      : options.classDataSharing === 'use' && existsSync(LAUNCHER.classDataArchive)
        ? [`-XX:SharedArchiveFile=${LAUNCHER.classDataArchive}`]
        : [];
  return [
    `-Xmx${options.heap}`,
    // See EmbeddedNeo4jOptions.collector.
    ...(options.collector === 'throughput' ? ['-XX:+UseParallelGC'] : []),
    // A JVM that ran out of heap is in no state to keep serving; exiting lets the Node side report it.
    '-XX:+ExitOnOutOfMemoryError',
    // An archive made by another JVM build is skipped with a warning in the log, never a failure.
    '-Xshare:auto',
    ...sharing,
    // What Neo4j's own server start script opens: without it the page cache falls back to a slower path
    // for direct buffers and Netty cannot use its zero-copy tricks.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dfile.encoding=UTF-8',
    '-cp',
    classPath,
    LAUNCHER.mainClass,
    '--data-dir',
    options.dataDir,
    '--bolt-port',
    String(options.boltPort),
    '--page-cache',
    options.pageCache,
    '--plugins',
    LAUNCHER.plugins,
    // If this Node process dies without stopping Neo4j, its end of stdin closes and Neo4j shuts itself down
    // instead of keeping the data directory locked.
    '--exit-when-stdin-closes',
  ];
}

type LauncherEvent =
  | { kind: 'ready'; uri: string }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'exit'; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'timeout' };

/**
 * Spawns the launcher and resolves once Bolt accepts connections. Rejects with a NewsgraphError
 * (DATABASE_UNAVAILABLE, `details.reason` one of NOT_INSTALLED, JAVA_MISSING, JAVA_TOO_OLD,
 * DATA_DIR_LOCKED, PORT_IN_USE, START_TIMEOUT, START_FAILED) whose message says what to do.
 */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  if (!launcherInstalled()) {
    throw databaseUnavailable(
      `The project's own Neo4j is not installed (${LAUNCHER.jar} or ${LAUNCHER.lib} is missing): ` +
        'run `npm install`, which downloads Neo4j from Maven Central once — or set NEO4J_URI to a Neo4j you run yourself',
      'NOT_INSTALLED',
    );
  }
  const java = findJava(options.javaHome);
  const dataDir = resolve(options.dataDir);
  const logFile = resolve(options.logFile ?? join(dataDir, 'logs', 'launcher.log'));
  const boltPort = options.boltPort ?? 7687;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(dirname(logFile), { recursive: true });

  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(
    `\n--- ${new Date().toISOString()} starting Neo4j (data ${dataDir}, bolt port ${boltPort || 'any free'})\n`,
  );
  const args = javaArguments({
    dataDir,
    boltPort,
    heap: options.heap ?? '1g',
    pageCache: options.pageCache ?? '512m',
    classDataSharing: options.classDataSharing ?? 'use',
    collector: options.collector,
  });
  const startedAt = performance.now();
  const child = spawn(java.command, args, { cwd: LAUNCHER.dir, stdio: ['pipe', 'pipe', 'pipe'] });
  // The JVM's stderr (warnings, stack traces) is for the log only; the protocol is on stdout.
  child.stderr!.pipe(log, { end: false });

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
  });
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', reject));
  spawnFailed.catch(() => {}); // Observed through the race below; unobserved rejections must not crash the process.

  const firstEvent = await Promise.race<LauncherEvent>([
    nextProtocolEvent(child, log),
    exited.then(({ code, signal }) => ({ kind: 'exit' as const, code, signal })),
    new Promise<LauncherEvent>((resolveTimeout) =>
      setTimeout(() => resolveTimeout({ kind: 'timeout' }), startTimeoutMs).unref(),
    ),
    spawnFailed,
  ]).catch((error: unknown) => ({ kind: 'error' as const, code: 'START_FAILED', message: String(error) }));

  if (firstEvent.kind !== 'ready') {
    await terminate(child, exited, 10_000);
    log.end();
    throw startFailure(firstEvent, { logFile, dataDir, boltPort, startTimeoutMs });
  }

  const startupMs = Math.round(performance.now() - startedAt);
  log.write(`--- ${new Date().toISOString()} ready at ${firstEvent.uri} after ${startupMs} ms\n`);
  let stopping: Promise<void> | undefined;
  return {
    uri: firstEvent.uri,
    pid: child.pid!,
    logFile,
    startupMs,
    exited,
    stop(timeoutMs = DEFAULT_STOP_TIMEOUT_MS) {
      stopping ??= terminate(child, exited, timeoutMs).finally(() => {
        log.write(`--- ${new Date().toISOString()} stopped\n`);
        log.end();
      });
      return stopping;
    },
  };
}

/** Reads stdout lines until the launcher says READY or ERROR; the rest is copied to the log. */
function nextProtocolEvent(child: ChildProcess, log: WriteStream): Promise<LauncherEvent> {
  return new Promise((resolveEvent) => {
    const lines = createInterface({ input: child.stdout! });
    let settled = false;
    lines.on('line', (line) => {
      log.write(`${line}\n`);
      if (settled) return;
      const ready = /^READY (\S+)/.exec(line);
      if (ready) {
        settled = true;
        resolveEvent({ kind: 'ready', uri: ready[1] });
        return;
      }
      const error = /^ERROR (\S+) ?(.*)$/.exec(line);
      if (error) {
        settled = true;
        resolveEvent({ kind: 'error', code: error[1], message: error[2] });
      }
    });
  });
}

/** SIGTERM (the JVM's shutdown hook checkpoints and closes the store), then SIGKILL after the timeout. */
async function terminate(child: ChildProcess, exited: Promise<unknown>, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([exited.then(() => 'exited' as const), timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
  child.stdin?.destroy();
}

function startFailure(
  event: Exclude<LauncherEvent, { kind: 'ready' }>,
  context: { logFile: string; dataDir: string; boltPort: number; startTimeoutMs: number },
): NewsgraphError {
  const seeLog = `(details in ${context.logFile})`;
  switch (event.kind) {
    case 'error':
      if (event.code === 'DATA_DIR_LOCKED' || event.code === 'PORT_IN_USE') {
        // The launcher's message already names the directory or port and what to do.
        return databaseUnavailable(`Neo4j could not start: ${event.message} ${seeLog}`, event.code, {
          logFile: context.logFile,
        });
      }
      return databaseUnavailable(
        `Neo4j could not start: ${event.message} ${seeLog}. If the installation is damaged, ` +
          'run `npm install` again',
        event.code,
        { logFile: context.logFile },
      );
    case 'exit':
      return databaseUnavailable(
        `Neo4j exited during start-up (${event.signal ?? `exit code ${event.code}`}) ${seeLog}. ` +
          'If the JVM ran out of memory, raise NEWSGRAPH_NEO4J_HEAP; if the installation is damaged, run `npm install` again',
        'START_FAILED',
        { logFile: context.logFile },
      );
    case 'timeout':
      return databaseUnavailable(
        `Neo4j did not become ready within ${Math.round(context.startTimeoutMs / 1000)} s ${seeLog}. ` +
          'A large store recovering after a crash can take longer: try again, or check the log for the step it is stuck on',
        'START_TIMEOUT',
        { logFile: context.logFile },
      );
  }
}
