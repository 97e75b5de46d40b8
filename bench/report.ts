// Benchmark results: the JSON file each sub-benchmark writes, and the generated tables in BENCHMARKS.md and README.md.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/config.ts';

export const RESULTS_DIR = join(PROJECT_ROOT, 'bench', 'results');
export const BENCHMARKS_MD = join(PROJECT_ROOT, 'BENCHMARKS.md');
export const README_MD = join(PROJECT_ROOT, 'README.md');

/** One number worth a row in the tables. */
export interface Figure {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  /** A floor from the issue this figure is held to (`atLeast` for rates, `atMost` for latencies). */
  readonly floor?: { readonly atLeast?: number; readonly atMost?: number };
  /** Load average (1 min) when this figure was taken, when it differs from the run's. */
  readonly load?: number;
}

export interface BenchResult {
  readonly name: string;
  /** The command that produced it, to re-measure. */
  readonly command: string;
  readonly startedAt: string;
  readonly seconds: number;
  /** 1/5/15-minute load averages at start and at end: the machine is shared, so numbers are noisy. */
  readonly loadStart: readonly number[];
  readonly loadEnd: readonly number[];
  readonly machine: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly figures: readonly Figure[];
  /** Anything else worth keeping (per-query tables, profiles, graph sizes). */
  readonly details?: unknown;
  readonly notes?: readonly string[];
}

export function machine(): string {
  const list = cpus();
  return `${list.length} × ${list[0]?.model.trim() ?? 'cpu'}, Node ${process.versions.node}`;
}

export function load(): number[] {
  return loadavg().map((n) => Number(n.toFixed(2)));
}

export function floorMet(figure: Figure): boolean | undefined {
  if (!figure.floor) return undefined;
  if (figure.floor.atLeast !== undefined && figure.value < figure.floor.atLeast) return false;
  if (figure.floor.atMost !== undefined && figure.value > figure.floor.atMost) return false;
  return true;
}

function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function floorText(figure: Figure): string {
  if (!figure.floor) return '';
  const want = figure.floor.atLeast !== undefined ? `≥ ${fmt(figure.floor.atLeast)}` : `≤ ${fmt(figure.floor.atMost!)}`;
  return `${want} ${floorMet(figure) ? '(met)' : '(**not met**)'}`;
}

export function writeResult(result: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${result.name}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

export function readResults(): BenchResult[] {
  if (!existsSync(RESULTS_DIR)) return [];
  return readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as BenchResult);
}

/** Replaces the text between two marker lines (adding both at the end when absent). */
export function replaceBetween(text: string, start: string, end: string, body: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) return `${text.replace(/\n*$/, '\n')}\n${start}\n${body}\n${end}\n`;
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

const ORDER = ['extract', 'load', 'graphql', 'render', 'startup', 'soak'];
const rank = (name: string) => {
  const i = ORDER.findIndex((prefix) => name === prefix || name.startsWith(`${prefix}-`));
  return i === -1 ? ORDER.length : i;
};

/** The generated table: one row per figure of every result file. */
export function resultsTable(results: readonly BenchResult[]): string {
  const sorted = [...results].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  const rows = [
    '| benchmark | figure | value | floor | load avg (1/5/15 min) | measured | command |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const result of sorted) {
    for (const figure of result.figures) {
      const loadText = figure.load !== undefined ? `${figure.load}` : result.loadStart.join(' / ');
      rows.push(
        `| ${result.name} | ${figure.label} | ${fmt(figure.value)} ${figure.unit} | ${floorText(figure)} | ${loadText} | ${result.startedAt.slice(0, 16).replace('T', ' ')} | \`${result.command}\` |`,
      );
    }
  }
  return rows.join('\n');
}

/** Rewrites the generated parts of BENCHMARKS.md and README.md from every file in bench/results/. */
export function updateDocuments(): void {
  const results = readResults();
  const table = resultsTable(results);
  const notes = results.flatMap((r) => (r.notes ?? []).map((n) => `- **${r.name}**: ${n}`));
  const generated = [
    `_Generated by \`npm run bench\` from \`bench/results/*.json\` on ${results.length > 0 ? machine() : 'this machine'}. ` +
      'The machine is shared with other work: every figure carries the load average at the time; rates are also given ' +
      'per CPU-second where the load would otherwise hide them._',
    '',
    table,
    ...(notes.length > 0 ? ['', '**Notes from the runs**', '', ...notes] : []),
  ].join('\n');
  const markdown = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '# Benchmarks\n';
  writeFileSync(
    BENCHMARKS_MD,
    replaceBetween(markdown, '<!-- bench:generated:start -->', '<!-- bench:generated:end -->', generated),
  );

  // README: a short table of the headline figures (the ones with floors), pointing at BENCHMARKS.md.
  // Tagged runs (graphql-before, graphql-nodelay) are baselines for before/after: BENCHMARKS.md only.
  const headline = results
    .filter((r) => !r.name.includes('-'))
    .flatMap((r) => r.figures.filter((f) => f.floor).map((f) => ({ r, f })));
  const readmeRows = [
    '| what | measured | floor |',
    '|---|---|---|',
    ...headline.map(
      ({ r, f }) =>
        `| ${r.name}: ${f.label} | ${fmt(f.value)} ${f.unit} (load ${f.load ?? r.loadStart[0]}) | ${floorText(f)} |`,
    ),
  ];
  const readmeBody = [
    '## Benchmarks',
    '',
    'Measured with `npm run bench` (sub-benchmarks: `extract`, `load`, `write`, `graphql`, `render`, `startup`, `soak`); every figure, its',
    'command and the load average of the shared machine are in [BENCHMARKS.md](BENCHMARKS.md). The generated articles have the',
    'density of real news (entities, relations and events per KB within 25% of the real articles: test/unit/bench/corpus-density.test.ts);',
    '`--density dense` makes the twice-as-dense corpus of earlier runs, whose results are kept as `<name>-dense`.',
    '',
    ...readmeRows,
  ].join('\n');
  const readme = readFileSync(README_MD, 'utf8');
  writeFileSync(README_MD, replaceBetween(readme, '<!-- bench:start -->', '<!-- bench:end -->', readmeBody));
}

export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const index = Math.min(sortedAscending.length - 1, Math.max(0, Math.ceil((p / 100) * sortedAscending.length) - 1));
  return sortedAscending[index];
}
