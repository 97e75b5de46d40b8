// Messages between the bulk scheduler (scheduler.ts) and its extraction workers (worker.ts).
//
// A worker prepares an article (read, clean, tag, type: most of extraction's cost) and keeps it; the loader
// resolves the articles' mentions in file order against every entity loaded before (as loading one by one
// would), sends each resolution back, and the worker that holds the article relates it (relations, events).
import type { ErrorCode } from '../../errors.ts';
import type { ArticleGraph } from '../../model.ts';
import type { PackedResolution, PreparedArticle } from '../extract.ts';

export interface WorkerInit {
  /** Largest article accepted, in bytes. */
  readonly maxBytes: number;
  /** Text hashes of the articles already loaded: those files are not extracted again. */
  readonly loadedHashes: readonly string[];
}

export type WorkerRequest =
  | { readonly kind: 'prepare'; readonly job: number; readonly file: string }
  | { readonly kind: 'relate'; readonly job: number; readonly resolution: PackedResolution }
  /** The loader will not load this prepared article (refused): forget it. */
  | { readonly kind: 'drop'; readonly job: number };

export type WorkerReply =
  | {
      readonly kind: 'prepared';
      readonly job: number;
      readonly typed: PreparedArticle['typed'];
      readonly language: string;
    }
  | { readonly kind: 'graph'; readonly job: number; readonly graph: ArticleGraph }
  | { readonly kind: 'loaded'; readonly job: number; readonly sha256: string }
  | {
      readonly kind: 'failed';
      readonly job: number;
      readonly code: ErrorCode;
      readonly message: string;
      readonly details?: Record<string, unknown>;
    };
