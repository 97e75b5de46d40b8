// `npm install`'s own step: fetches Neo4j 5.26 Community + APOC from Maven Central once and builds the launcher in neo4j/.
//
// Needs only Node and a JDK 17+: Maven itself is downloaded from Maven Central (checksum pinned below) into
// the Maven user home (~/.m2), like the Maven Wrapper does. Afterwards start-up works offline. Re-running is
// cheap: a fingerprint of the inputs skips the build when nothing changed.
// Set NEWSGRAPH_SKIP_NEO4J=1 to skip all of this when you only use your own Neo4j (NEO4J_URI).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LAUNCHER_DIR = join(ROOT, 'neo4j');
const TARGET_DIR = join(LAUNCHER_DIR, 'target');
const STAMP_FILE = join(TARGET_DIR, 'install.stamp');
const MAVEN_LOG = join(TARGET_DIR, 'maven.log');

const MAVEN_VERSION = '3.9.11';
// From apache-maven-3.9.11-bin.tar.gz.sha512 on Maven Central; pinned so a tampered download is refused.
const MAVEN_SHA512 =
  'bcfe4fe305c962ace56ac7b5fc7a08b87d5abd8b7e89027ab251069faebee516b0ded8961445d6d91ec1985dfe30f8153268843c89aa392733d1a3ec956c9978';
// MVNW_REPOURL is the Maven Wrapper's name for a Maven Central mirror; honoured for the same reason.
const MAVEN_CENTRAL = (process.env.MVNW_REPOURL || 'https://repo.maven.apache.org/maven2').replace(/\/+$/, '');
const MAVEN_URL = `${MAVEN_CENTRAL}/org/apache/maven/apache-maven/${MAVEN_VERSION}/apache-maven-${MAVEN_VERSION}-bin.tar.gz`;
const MAVEN_USER_HOME = process.env.MAVEN_USER_HOME || join(homedir(), '.m2');
const MAVEN_HOME = join(MAVEN_USER_HOME, 'wrapper', 'dists', `apache-maven-${MAVEN_VERSION}`);
const IS_WINDOWS = process.platform === 'win32';

const interactive = Boolean(process.stdout.isTTY);
const say = (line) => process.stdout.write(`[newsgraph] ${line}\n`);

class InstallError extends Error {}

/** One status line that rewrites itself on a terminal and prints sparingly in CI logs. */
function progressLine(prefix) {
  let lastPrinted = 0;
  let pending = '';
  return {
    update(text, force = false) {
      pending = text;
      const now = Date.now();
      if (interactive) {
        if (force || now - lastPrinted > 100) {
          process.stdout.write(`\r[newsgraph] ${prefix}${text}\x1b[K`);
          lastPrinted = now;
        }
      } else if (force || now - lastPrinted > 5000) {
        say(`${prefix}${text}`);
        lastPrinted = now;
      }
    },
    done(text = pending) {
      if (interactive) process.stdout.write(`\r[newsgraph] ${prefix}${text}\x1b[K\n`);
      else say(`${prefix}${text}`);
    },
  };
}

const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function fingerprint(javaVersion) {
  const hash = createHash('sha256');
  hash.update(`maven ${MAVEN_VERSION}\njava ${javaVersion}\n`);
  hash.update(readFileSync(join(LAUNCHER_DIR, 'pom.xml')));
  const sources = join(LAUNCHER_DIR, 'src', 'main', 'java');
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .forEach((entry) => {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else hash.update(readFileSync(join(dir, entry.name)));
      });
  walk(sources);
  return hash.digest('hex');
}

function checkJavaCompiler(java) {
  // Maven compiles the launcher in-process, which needs a JDK; a bare JRE has `java` but no compiler.
  const javac = join(dirname(java.command), IS_WINDOWS ? 'javac.exe' : 'javac');
  const probe = spawnSync(java.command === 'java' ? 'javac' : javac, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new InstallError(
      `Java ${java.version} was found, but no Java compiler (javac): a JDK 17+ is needed, not only a JRE ` +
        '(Debian/Ubuntu: apt-get install openjdk-17-jdk-headless), or set NEWSGRAPH_SKIP_NEO4J=1 and use NEO4J_URI',
    );
  }
}

async function ensureMaven() {
  const mvn = join(MAVEN_HOME, 'bin', IS_WINDOWS ? 'mvn.cmd' : 'mvn');
  if (existsSync(mvn)) return mvn;
  mkdirSync(dirname(MAVEN_HOME), { recursive: true });
  const work = mkdtempSync(join(dirname(MAVEN_HOME), '.download-'));
  try {
    const archive = join(work, 'maven.tar.gz');
    const response = await fetch(MAVEN_URL).catch((error) => {
      throw new InstallError(
        `could not reach Maven Central to download Maven ${MAVEN_VERSION} (${error.cause?.code ?? error.message}): ` +
          'check the network, or set MVNW_REPOURL to a Maven Central mirror',
      );
    });
    if (!response.ok || !response.body)
      throw new InstallError(`downloading ${MAVEN_URL} failed: HTTP ${response.status}`);
    const total = Number(response.headers.get('content-length')) || 0;
    const progress = progressLine(`Downloading Maven ${MAVEN_VERSION} from Maven Central: `);
    const sha512 = createHash('sha512');
    const file = createWriteStream(archive);
    let received = 0;
    for await (const chunk of response.body) {
      sha512.update(chunk);
      received += chunk.length;
      if (!file.write(chunk)) await new Promise((resolveDrain) => file.once('drain', resolveDrain));
      progress.update(total ? `${megabytes(received)} / ${megabytes(total)}` : megabytes(received));
    }
    await new Promise((resolveClose, rejectClose) =>
      file.end((error) => (error ? rejectClose(error) : resolveClose())),
    );
    progress.done(`${megabytes(received)}, done`);
    if (sha512.digest('hex') !== MAVEN_SHA512) {
      throw new InstallError(
        `the Maven download from ${MAVEN_URL} does not match its pinned SHA-512 checksum: refusing to run it`,
      );
    }
    // tar ships with Linux, macOS and Windows 10+; Node has no unpacker of its own.
    const untar = spawnSync('tar', ['-xzf', archive, '-C', work], { stdio: 'inherit' });
    if (untar.status !== 0) throw new InstallError(`unpacking ${archive} with tar failed (exit ${untar.status})`);
    // A rename is atomic, so a concurrent install never sees half a Maven.
    if (!existsSync(mvn)) renameSync(join(work, `apache-maven-${MAVEN_VERSION}`), MAVEN_HOME);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return mvn;
}

/** Runs Maven, showing what it fetches from Maven Central as one line, and keeping its full output in a log. */
function runMaven(mvn, javaHome) {
  mkdirSync(TARGET_DIR, { recursive: true });
  const log = createWriteStream(MAVEN_LOG);
  const progress = progressLine('Fetching Neo4j + APOC from Maven Central: ');
  const args = ['-B', '-f', join(LAUNCHER_DIR, 'pom.xml'), 'process-classes'];
  const env = { ...process.env, ...(javaHome ? { JAVA_HOME: javaHome } : {}) };
  const child = spawn(mvn, args, { cwd: LAUNCHER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'], shell: IS_WINDOWS });
  let files = 0;
  let bytes = 0;
  const errors = [];
  const unit = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };
  const onLine = (line) => {
    log.write(`${line}\n`);
    // Maven 3.9 in batch mode: `[INFO] Downloaded from central: <url> (8.2 kB at 20 kB/s)`.
    const downloaded = /^(?:\[INFO\] )?Downloaded from [^:]+: \S+ \(([\d.]+) (B|kB|KB|MB|GB)/.exec(line);
    if (downloaded) {
      files += 1;
      bytes += Number(downloaded[1]) * (unit[downloaded[2]] ?? 1);
      progress.update(`${files} files, ${megabytes(bytes)}`);
    } else if (line.startsWith('[ERROR]')) {
      errors.push(line);
    }
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  return new Promise((resolveRun, rejectRun) => {
    child.once('error', (error) => rejectRun(new InstallError(`could not run ${mvn}: ${error.message}`)));
    child.once('close', (code) => {
      log.end();
      progress.done(
        files ? `${files} files, ${megabytes(bytes)}, done` : 'everything was already in the local Maven repository',
      );
      if (code === 0) return resolveRun();
      const shown = errors.slice(0, 15).join('\n');
      rejectRun(
        new InstallError(
          `Maven failed (exit ${code}); full output in ${MAVEN_LOG}\n${shown}\n` +
            'If this is a network error, check that Maven Central (repo.maven.apache.org) is reachable, then run `npm install` again',
        ),
      );
    });
  });
}

/**
 * Starts the freshly built Neo4j once: proves the install works, and records the class-data-sharing
 * archive that makes every later start about twice as fast.
 */
async function smokeTest(javaHome) {
  const { tsImport } = await import('tsx/esm/api');
  const { startEmbeddedNeo4j, LAUNCHER } = await tsImport('../server/db/embedded.ts', import.meta.url);
  const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-neo4j-install-'));
  try {
    rmSync(LAUNCHER.classDataArchive, { force: true });
    say('Starting Neo4j once to check the install (and to make later starts faster)…');
    const neo4j = await startEmbeddedNeo4j({
      dataDir,
      boltPort: 0,
      javaHome,
      classDataSharing: 'record',
      logFile: join(TARGET_DIR, 'install-check.log'),
    });
    await neo4j.stop();
    say(
      `Neo4j started and accepted Bolt connections in ${(neo4j.startupMs / 1000).toFixed(1)} s (first start; later starts are faster)`,
    );
    if (!existsSync(LAUNCHER.classDataArchive)) {
      say(
        `note: no class-data-sharing archive was written (see ${join(TARGET_DIR, 'install-check.log')}); start-up will just be slower`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  if (process.env.NEWSGRAPH_SKIP_NEO4J === '1') {
    say(
      'NEWSGRAPH_SKIP_NEO4J=1: not installing the embedded Neo4j; set NEO4J_URI to your own Neo4j 5 (with APOC core)',
    );
    return;
  }
  const javaHome = process.env.JAVA_HOME || undefined;
  const { tsImport } = await import('tsx/esm/api');
  const { findJava, launcherInstalled } = await tsImport('../server/db/embedded.ts', import.meta.url);
  let java;
  try {
    java = findJava(javaHome);
  } catch (error) {
    throw new InstallError(`${error.message}. (Or set NEWSGRAPH_SKIP_NEO4J=1 to install without the embedded Neo4j.)`);
  }
  const stamp = fingerprint(java.version);
  if (launcherInstalled() && existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, 'utf8').trim() === stamp) {
    say('Embedded Neo4j is installed and up to date (neo4j/lib, neo4j/plugins, neo4j/target).');
    return;
  }
  checkJavaCompiler(java);
  const startedAt = Date.now();
  say(`Installing the embedded Neo4j (Java ${java.version}); downloads happen once, later starts work offline.`);
  const mvn = await ensureMaven();
  // Jars of an older Neo4j version left beside the new ones would end up on the same class path.
  for (const dir of ['lib', 'plugins']) rmSync(join(LAUNCHER_DIR, dir), { recursive: true, force: true });
  rmSync(STAMP_FILE, { force: true });
  await runMaven(mvn, javaHome);
  await smokeTest(javaHome);
  writeFileSync(STAMP_FILE, `${stamp}\n`);
  say(`Embedded Neo4j installed in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
}

main().catch((error) => {
  const message =
    error instanceof InstallError || error?.code === 'DATABASE_UNAVAILABLE'
      ? error.message
      : (error?.stack ?? String(error));
  process.stderr.write(`\n[newsgraph] Installing the embedded Neo4j failed: ${message}\n`);
  process.exitCode = 1;
});
