// Many article files, one after another: expanding paths into files and loading each through the one-article pipeline.
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { ErrorCode, isNewsgraphError, NewsgraphError } from '../errors.ts';
import type { LoadSummary } from '../model.ts';
import { ingestArticle, type PipelineDeps } from './pipeline.ts';

/** Expands files and directories (recursively, *.txt only) into a sorted, de-duplicated file list. */
export async function collectArticleFiles(paths: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  async function walk(path: string, explicit: boolean): Promise<void> {
    let info: Stats;
    try {
      info = await stat(path);
    } catch {
      throw new NewsgraphError(ErrorCode.NOT_FOUND, `${path}: no such file or directory`);
    }
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.')) continue;
        const child = join(path, entry.name);
        if (entry.isDirectory()) await walk(child, false);
        else if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt')) files.add(child);
      }
    } else if (explicit || path.toLowerCase().endsWith('.txt')) {
      // A file named on the command line is taken whatever its extension (.html pages work too).
      files.add(path);
    }
  }
  for (const path of paths) await walk(resolvePath(path), true);
  return [...files];
}

export type FileOutcome =
  | { readonly file: string; readonly ok: true; readonly summary: LoadSummary; readonly ms: number }
  | { readonly file: string; readonly ok: false; readonly error: NewsgraphError; readonly ms: number };

/** Any error met while loading `file`, as the NewsgraphError its outcome reports. */
export function fileFailure(file: string, error: unknown): NewsgraphError {
  return isNewsgraphError(error)
    ? error
    : new NewsgraphError(ErrorCode.INTERNAL, `${file}: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Loads one file through the one-article pipeline and reports its outcome; `elapsedMs` says what to put in `ms`.
 * Database outages are not the file's problem: they are thrown, to stop the run.
 */
export async function ingestFile(deps: PipelineDeps, file: string, elapsedMs: () => number): Promise<FileOutcome> {
  try {
    const summary = await ingestArticle(deps, { content: await readFile(file), source: file });
    return { file, ok: true, summary, ms: elapsedMs() };
  } catch (error) {
    const failed = fileFailure(file, error);
    if (failed.code === ErrorCode.DATABASE_UNAVAILABLE) throw failed;
    return { file, ok: false, error: failed, ms: elapsedMs() };
  }
}

/**
 * Ingests files one after another (each in its own transaction); a bad file is reported and the rest go on.
 * Database outages are not per-file problems: they stop the batch.
 */
export async function ingestFiles(
  deps: PipelineDeps,
  files: readonly string[],
  onFile: (outcome: FileOutcome, index: number) => void = () => {},
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    const started = performance.now();
    const outcome = await ingestFile(deps, file, () => performance.now() - started);
    outcomes.push(outcome);
    onFile(outcome, index);
  }
  return outcomes;
}
