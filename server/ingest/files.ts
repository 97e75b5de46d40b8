// Many article files, one after another: expanding paths into files and loading each through the one-article pipeline.
import type { Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { ErrorCode, isNewsgraphError, NewsgraphError } from '../errors.ts';
import type { LoadSummary } from '../model.ts';
import { ingestArticle, type PipelineDeps } from './pipeline.ts';

/** A path found while expanding directories that cannot be loaded: a symlink that loops or dangles. */
export interface SkippedPath {
  readonly path: string;
  /** Why, in words a user can act on. */
  readonly reason: string;
}

function linkProblem(path: string, error: unknown): SkippedPath {
  const code = (error as NodeJS.ErrnoException)?.code;
  return {
    path,
    reason:
      code === 'ELOOP'
        ? 'symbolic link that loops back on itself (ELOOP): point it at a file or remove it'
        : code === 'ENOENT'
          ? 'symbolic link to nothing (its target is missing): restore the target or remove the link'
          : `cannot be read (${code ?? String(error)})`,
  };
}

/**
 * Expands files and directories (recursively, *.txt only) into a sorted, de-duplicated file list. Symbolic links
 * are followed; one that loops, dangles, or leads back into a directory already being read is not silently
 * dropped but handed to `onSkipped` with the reason (the CLI reports and counts it).
 */
export async function collectArticleFiles(
  paths: readonly string[],
  onSkipped: (skipped: SkippedPath) => void = () => {},
): Promise<string[]> {
  const files = new Set<string>();
  /** Real paths of the directories being walked, so a link to an ancestor does not recurse forever. */
  const walking = new Set<string>();
  async function walkDirectory(path: string): Promise<void> {
    const real = await realpath(path);
    if (walking.has(real)) {
      onSkipped({ path, reason: `links back to ${real}, a directory already being read: remove the link` });
      return;
    }
    walking.add(real);
    const entries = await readdir(path, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(child);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (entry.name.toLowerCase().endsWith('.txt') || (error as NodeJS.ErrnoException)?.code === 'ELOOP')
            onSkipped(linkProblem(child, error));
          continue;
        }
      }
      if (isDirectory) await walkDirectory(child);
      else if (isFile && entry.name.toLowerCase().endsWith('.txt')) files.add(child);
    }
    walking.delete(real);
  }
  for (const given of paths) {
    const path = resolvePath(given);
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      if (code === 'ELOOP' || (code === 'ENOENT' && (await lstat(path).catch(() => undefined))?.isSymbolicLink())) {
        throw new NewsgraphError(ErrorCode.NOT_FOUND, `${path}: ${linkProblem(path, error).reason}`);
      }
      throw new NewsgraphError(ErrorCode.NOT_FOUND, `${path}: no such file or directory`);
    }
    // A file named on the command line is taken whatever its extension (.html pages work too).
    if (info.isDirectory()) await walkDirectory(path);
    else files.add(path);
  }
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
