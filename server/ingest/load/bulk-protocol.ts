// Messages between the bulk loader (pipeline.ts) and its extraction workers (extract-worker.ts).
import type { ErrorCode } from '../../errors.ts';
import type { PreparedArticle } from '../extract.ts';

export interface WorkerInit {
  /** Largest article accepted, in bytes. */
  readonly maxBytes: number;
  /** Text hashes of the articles already loaded: those files are not extracted again. */
  readonly loadedHashes: readonly string[];
}

export type WorkerRequest = { readonly kind: 'extract'; readonly job: number; readonly file: string };

/**
 * A worker prepares (reads, cleans, tags, types); the loader finishes each article in file order against every
 * entity loaded before it (extract.ts finishArticle), as loading one by one would.
 */
export type WorkerReply =
  | { readonly kind: 'prepared'; readonly job: number; readonly prepared: PreparedArticle }
  | { readonly kind: 'loaded'; readonly job: number; readonly sha256: string }
  | { readonly kind: 'failed'; readonly job: number; readonly code: ErrorCode; readonly message: string; readonly details?: Record<string, unknown> };
