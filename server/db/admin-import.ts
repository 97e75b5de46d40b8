// First loads through neo4j-admin's offline importer: the rows of a whole load written as CSV files and turned
// into store files directly, with no transactions. Only for an empty database of the project's own Neo4j,
// while it is stopped; the schema (constraints, indexes) is applied when it next starts.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ErrorCode, NewsgraphError } from '../errors.ts';
import type { EntityType, EventKind } from '../model.ts';
import { findJava, LAUNCHER } from './embedded.ts';
import type { ArticleRow } from './repositories/articles.ts';

export interface ImportEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly aliases: string[];
  mentionCount: number;
}

export interface ImportRelationship {
  readonly fromId: string;
  readonly type: string;
  readonly toId: string;
  readonly props: Record<string, string | number | string[]>;
}

export interface ImportEvent {
  readonly id: string;
  readonly kind: EventKind;
  readonly summary: string;
  date: string | null;
  dateText: string | null;
  readonly articleIds: string[];
  readonly evidence: string[];
  confidence: number;
}

/** What the importer writes: every node and relationship once, with its final properties. */
export interface ImportRows {
  readonly articles: readonly ArticleRow[];
  readonly entities: readonly ImportEntity[];
  readonly events: readonly ImportEvent[];
  readonly relationships: readonly ImportRelationship[];
}

/** Between the elements of a list value (and the labels of a node) in the CSV files: never in article text. */
const ARRAY_DELIMITER = '\u001f';

export interface AdminImportOptions {
  /** The embedded Neo4j's home (config.dataDir/neo4j): the database is written to `<home>/data/databases/neo4j`. */
  readonly home: string;
  readonly javaHome?: string;
  /** Java heap of the importer (its big structures live off-heap, bounded by `offHeap`). */
  readonly heap?: string;
  readonly offHeap?: string;
}

export interface AdminImportResult {
  readonly nodes: number;
  readonly relationships: number;
  /** Writing the CSV files. */
  readonly csvMs: number;
  /** The importer itself, JVM start included. */
  readonly importMs: number;
}

/** Whether the embedded database has store files yet (then it must be checked for emptiness first). */
export function databaseExists(home: string): boolean {
  return existsSync(join(home, 'data', 'databases', 'neo4j', 'neostore'));
}

type Value = string | number | readonly string[] | null | undefined;
type ColumnType = 'string' | 'long' | 'double' | 'date' | 'datetime' | 'string[]';

/** One CSV field: quoted (quotes doubled), lists joined by ARRAY_DELIMITER; null and undefined leave it empty (no property). */
function field(value: Value): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text =
    typeof value === 'string' ? value : value.map((v) => v.replaceAll(ARRAY_DELIMITER, ' ')).join(ARRAY_DELIMITER);
  return `"${text.replaceAll('"', '""')}"`;
}

/** A CSV file being written, in chunks of about a megabyte; remembers whether any field spans lines (the importer must be told). */
class CsvFile {
  readonly path: string;
  multiline = false;
  rows = 0;
  readonly #out: WriteStream;
  #chunk: string[] = [];
  #chunkLength = 0;

  constructor(path: string, header: readonly string[]) {
    this.path = path;
    this.#out = createWriteStream(path, { encoding: 'utf8' });
    this.#chunk.push(`${header.join(',')}\n`);
  }

  async row(values: readonly Value[]): Promise<void> {
    const line = `${values.map(field).join(',')}\n`;
    if (!this.multiline && (line.indexOf('\n') < line.length - 1 || line.includes('\r'))) this.multiline = true;
    this.rows++;
    this.#chunk.push(line);
    this.#chunkLength += line.length;
    if (this.#chunkLength >= 1 << 20) await this.#flush();
  }

  async #flush(): Promise<void> {
    const text = this.#chunk.join('');
    this.#chunk = [];
    this.#chunkLength = 0;
    if (!this.#out.write(text)) await new Promise<void>((resolve) => this.#out.once('drain', () => resolve()));
  }

  async close(): Promise<void> {
    await this.#flush();
    await new Promise<void>((resolve, reject) =>
      this.#out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}

/** The type a property column gets: lists of strings, whole numbers for counts and weights, else by its values. */
function columnType(key: string, values: readonly Value[]): ColumnType {
  if (values.some((v) => Array.isArray(v))) return 'string[]';
  if (key === 'count' || key === 'weight') return 'long';
  return values.every((v) => v === null || v === undefined || typeof v === 'number') ? 'double' : 'string';
}

/** Writes the rows as CSV files in `dir`; returns the importer's --nodes/--relationships arguments. */
async function writeCsv(rows: ImportRows, dir: string): Promise<{ args: string[]; files: CsvFile[] }> {
  const files: CsvFile[] = [];
  const open = (name: string, header: string[]) => {
    const file = new CsvFile(join(dir, name), header);
    files.push(file);
    return file;
  };
  const args: string[] = [];

  const ingestedAt = new Date().toISOString();
  const articles = open('articles.csv', [
    'id:ID',
    'title',
    'url',
    'publishedAt:date',
    'text',
    'sha256',
    'language',
    'ingestedAt:datetime',
    ':LABEL',
  ]);
  for (const a of rows.articles)
    await articles.row([a.id, a.title, a.url, a.publishedAt, a.text, a.sha256, a.language, ingestedAt, 'Article']);
  args.push(`--nodes=${articles.path}`);

  const entities = open('entities.csv', [
    'id:ID',
    'name',
    'aliases:string[]',
    'aliasText',
    'mentionCount:long',
    ':LABEL',
  ]);
  for (const e of rows.entities) {
    // Empty lists are left out here and set by cypher/import-finish.cypher (an empty CSV field is no property).
    await entities.row([
      e.id,
      e.name,
      e.aliases.length > 0 ? e.aliases : null,
      e.aliases.join(' | '),
      e.mentionCount,
      ['Entity', e.type],
    ]);
  }
  args.push(`--nodes=${entities.path}`);

  const events = open('events.csv', [
    'id:ID',
    'kind',
    'summary',
    'date:date',
    'dateText',
    'articleIds:string[]',
    'evidence:string[]',
    'confidence:double',
    ':LABEL',
  ]);
  for (const ev of rows.events) {
    await events.row([
      ev.id,
      ev.kind,
      ev.summary,
      ev.date,
      ev.dateText,
      ev.articleIds,
      ev.evidence.length > 0 ? ev.evidence : null,
      ev.confidence,
      'Event',
    ]);
  }
  args.push(`--nodes=${events.path}`);

  // One file per relationship type, with the union of that type's property keys as columns.
  const byType = new Map<string, ImportRows['relationships'][number][]>();
  for (const r of rows.relationships) {
    let list = byType.get(r.type);
    if (!list) byType.set(r.type, (list = []));
    list.push(r);
  }
  for (const [type, list] of byType) {
    const keys = [...new Set(list.flatMap((r) => Object.keys(r.props)))].sort();
    const types = keys.map((k) =>
      columnType(
        k,
        list.map((r) => r.props[k]),
      ),
    );
    const file = open(`rel-${type.toLowerCase()}.csv`, [
      ':START_ID',
      ':END_ID',
      ...keys.map((k, i) => `${k}:${types[i]}`),
    ]);
    for (const r of list) {
      await file.row([
        r.fromId,
        r.toId,
        ...keys.map((k, i) => {
          const v = r.props[k];
          if (Array.isArray(v) && v.length === 0) return null;
          // A column of mixed numbers and strings holds them all as text.
          return types[i] === 'string' && typeof v === 'number' ? String(v) : v;
        }),
      ]);
    }
    args.push(`--relationships=${type}=${file.path}`);
  }
  for (const file of files) await file.close();
  return { args, files };
}

/**
 * Writes `rows` into the embedded database's store with `neo4j-admin database import full`, replacing the
 * (empty) database that is there. Neo4j must not be running on `home`. Throws NewsgraphError with the
 * importer's own words when it fails.
 */
export async function adminImport(rows: ImportRows, options: AdminImportOptions): Promise<AdminImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-import-'));
  try {
    const csvStarted = performance.now();
    const { args, files } = await writeCsv(rows, dir);
    const csvMs = performance.now() - csvStarted;
    const multiline = files.filter((f) => f.multiline).map((f) => f.path);
    const java = findJava(options.javaHome);
    const command = [
      `-Xmx${options.heap ?? '1g'}`,
      '-cp',
      [join(LAUNCHER.lib, '*'), join(LAUNCHER.plugins, '*')].join(delimiter),
      'org.neo4j.cli.AdminTool',
      'database',
      'import',
      'full',
      '--verbose',
      // The database name first: the --nodes/--relationships options take any number of values.
      'neo4j',
      '--overwrite-destination=true',
      `--report-file=${join(dir, 'import.report')}`,
      '--array-delimiter=U+001F',
      `--max-off-heap-memory=${options.offHeap ?? '1g'}`,
      // The v1 reader: v2's (multiline fields named per file) failed on 10,000 articles with "found CR outside
      // a text cell" at a read-buffer boundary; v1 reads the same files.
      ...(multiline.length > 0 ? ['--multiline-fields=true'] : []),
      ...args,
    ];
    mkdirSync(options.home, { recursive: true });
    const importStarted = performance.now();
    const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
      const child = spawn(java.command, command, {
        env: { ...process.env, NEO4J_HOME: options.home },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (chunk) => {
        text += String(chunk);
      });
      child.stderr.on('data', (chunk) => {
        text += String(chunk);
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, text }));
    });
    const importMs = performance.now() - importStarted;
    if (output.code !== 0 || !/IMPORT DONE/.test(output.text)) {
      // The deepest cause the importer reports (its --verbose stack trace), else its last words.
      const lines = output.text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('at ') && !l.startsWith('...'));
      const causes = lines.filter((l) => l.startsWith('Caused by:'));
      const reason =
        causes.length > 0 ? causes[causes.length - 1].slice('Caused by:'.length).trim() : lines.slice(-4).join(' ');
      throw new NewsgraphError(
        ErrorCode.INTERNAL,
        `neo4j-admin import failed: ${reason || `exit code ${output.code}`}`,
        { reason: 'IMPORT_FAILED' },
      );
    }
    const count = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(output.text)?.[1] ?? NaN);
    return { nodes: count('nodes'), relationships: count('relationships'), csvMs, importMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
