// Messages between the bulk loader (pipeline.ts) and its extraction workers (extract-worker.ts).
import type { ErrorCode } from '../../errors.ts';
import type { ArticleGraph, KnownEntity } from '../types.ts';

export interface WorkerInit {
  /** Largest article accepted, in bytes. */
  readonly maxBytes: number;
  /** The graph's entities when the run started: what resolution matches mentions against. */
  readonly known: readonly KnownEntity[];
  /** Text hashes of the articles already loaded: those files are not extracted again. */
  readonly loadedHashes: readonly string[];
}

export type WorkerRequest =
  | { readonly kind: 'extract'; readonly job: number; readonly file: string }
  /** Entities the writer just created, so later articles resolve against them too. */
  | { readonly kind: 'known'; readonly entities: readonly KnownEntity[] };

export type WorkerReply =
  | { readonly kind: 'graph'; readonly job: number; readonly graph: ArticleGraph }
  | { readonly kind: 'loaded'; readonly job: number; readonly sha256: string }
  | { readonly kind: 'failed'; readonly job: number; readonly code: ErrorCode; readonly message: string; readonly details?: Record<string, unknown> };
