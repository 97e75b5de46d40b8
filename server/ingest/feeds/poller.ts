// Polls watched feeds (:Feed nodes) on a schedule and loads their new items: one feed at a time, each under a lease
// in Neo4j so that several servers (or a server and `newsgraph watch`) never poll the same feed at once, with
// conditional requests so that an unchanged feed costs one 304.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ClaimedFeed, FeedRepository, FeedRow } from '../../db/index.ts';
import { ErrorCode, isNewsgraphError, NewsgraphError } from '../../errors.ts';
import type { PageFetcher } from '../fetch/fetch.ts';
import type { FileOutcome } from '../files.ts';
import type { PipelineDeps } from '../pipeline.ts';
import { ingestFeedItems } from '../urls.ts';

/** How long a poller holds a feed's lease without renewing it; a crashed poller's feeds are free again after it. */
export const FEED_LEASE_MS = 5 * 60_000;
/** Item links remembered per feed as loaded (a feed rarely lists more than a few hundred). */
export const MAX_REMEMBERED_LINKS = 1000;
/** Each feed's next poll is its interval times a factor in [1 - JITTER, 1 + JITTER], so polls spread out. */
export const FEED_INTERVAL_JITTER = 0.1;
/** How often the poller looks for due feeds: a quarter of the interval, within these bounds. */
const MIN_TICK_MS = 100;
const MAX_TICK_MS = 30_000;

export interface FeedPollResult {
  readonly url: string;
  /** The feed as recorded after the poll; null when it was removed meanwhile. */
  readonly feed: FeedRow | null;
  /** True when the site answered 304 Not Modified. */
  readonly notModified: boolean;
  /** One outcome per item tried (items remembered as loaded are not tried). */
  readonly outcomes: readonly FileOutcome[];
  /** Why the feed itself could not be polled (fetch or parse), or null. */
  readonly error: NewsgraphError | null;
}

export interface FeedPollerOptions {
  readonly deps: PipelineDeps;
  readonly fetcher: PageFetcher;
  readonly feeds: FeedRepository;
  /** Time between two polls of one feed, in ms (config.feedIntervalMs), jittered by FEED_INTERVAL_JITTER. */
  readonly intervalMs: number;
  /** Who holds leases: unique per process (default host, pid and a random suffix). */
  readonly owner?: string;
  /** Poll only these feed URLs (`newsgraph watch`); null or absent: every watched feed (the server). */
  readonly urls?: readonly string[] | null;
  /** Called after each item of a feed was tried. */
  readonly onItem?: (feedUrl: string, outcome: FileOutcome) => void;
  /** Called after each poll, whatever came of it. */
  readonly onPoll?: (result: FeedPollResult) => void;
  /** Where problems of the poller itself go (a database outage during a poll). */
  readonly log?: (message: string, error?: unknown) => void;
  /** True while ticks should be skipped (the server's Neo4j is restarting): no poll, no error logged per tick. */
  readonly paused?: () => boolean;
  /** Random numbers in [0, 1) for the jitter (tests may pin it). */
  readonly random?: () => number;
}

function asNewsgraphError(error: unknown): NewsgraphError {
  return isNewsgraphError(error)
    ? error
    : new NewsgraphError(ErrorCode.INTERNAL, error instanceof Error ? error.message : String(error));
}

/** Polls due feeds one at a time: `start()` on a schedule, or `pollDue()` once. */
export class FeedPoller {
  readonly owner: string;
  readonly #options: FeedPollerOptions;
  readonly #random: () => number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> = Promise.resolve();
  #busy = false;
  /** No schedule: before start() and after stop(). */
  #stopped = true;
  /** stop() was called: a running pollDue() ends after the feed it is polling. */
  #halted = false;

  constructor(options: FeedPollerOptions) {
    this.#options = options;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#random = options.random ?? Math.random;
  }

  /** Looks for due feeds now and then every tick until stop(). */
  start(): void {
    this.#stopped = false;
    this.#halted = false;
    this.wake();
  }

  /** Looks for due feeds at once (after addFeed), unless a poll is running: it looks again when it ends. */
  wake(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#tick(), 0);
  }

  /** Stops the schedule and waits for a running poll to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#halted = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  #tickMs(): number {
    return Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, this.#options.intervalMs / 4));
  }

  #tick(): void {
    if (this.#busy || this.#stopped) return;
    this.#busy = true;
    const paused = this.#options.paused?.() ?? false;
    this.#running = (paused ? Promise.resolve() : this.pollDue())
      .catch((error) => this.#options.log?.('polling feeds failed', error))
      .finally(() => {
        this.#busy = false;
        if (!this.#stopped) this.#timer = setTimeout(() => this.#tick(), this.#tickMs());
      });
  }

  /**
   * Polls every feed that is due and not leased by another poller, one after another, each at most once; returns what
   * each gave.
   */
  async pollDue(): Promise<FeedPollResult[]> {
    const results: FeedPollResult[] = [];
    const polled: string[] = [];
    for (;;) {
      if (this.#halted) break;
      const claimed = await this.#options.feeds.claimDue(this.owner, FEED_LEASE_MS, this.#options.urls ?? null, polled);
      if (!claimed) break;
      polled.push(claimed.url);
      const result = await this.#poll(claimed);
      results.push(result);
      this.#options.onPoll?.(result);
    }
    return results;
  }

  async #poll(claimed: ClaimedFeed): Promise<FeedPollResult> {
    const { deps, fetcher, feeds, intervalMs } = this.#options;
    const nextPollInMs = intervalMs * (1 - FEED_INTERVAL_JITTER + 2 * FEED_INTERVAL_JITTER * this.#random());
    const remembered = new Set(claimed.loadedLinks);
    const outcomes: FileOutcome[] = [];
    let error: NewsgraphError | null = null;
    let notModified = false;
    let title: string | null = null;
    let validators = { etag: claimed.etag, lastModified: claimed.lastModified };
    let renewal: Promise<void> = Promise.resolve();
    try {
      const fetched = await fetcher.fetchFeed(claimed.url, validators);
      if (fetched.unchanged) notModified = true;
      else {
        const read = await ingestFeedItems(deps, fetcher, fetched.url, fetched.xml, {
          remembered,
          onItem: (outcome) => {
            outcomes.push(outcome);
            this.#options.onItem?.(claimed.url, outcome);
            // A big feed at one request per second can outlast the lease: keep it while items load (awaited
            // before the poll is recorded, so a late renewal cannot outlive the lease's release).
            renewal = renewal.then(
              () => feeds.renewLease(claimed.url, this.owner, FEED_LEASE_MS).then(() => {}),
              () => {},
            );
          },
        });
        title = read.title;
        validators = { etag: fetched.etag, lastModified: fetched.lastModified };
      }
    } catch (caught) {
      error = asNewsgraphError(caught);
      if (error.code === ErrorCode.DATABASE_UNAVAILABLE) throw error; // the lease runs out; the next tick retries
    }
    await renewal.catch(() => {});
    const loadedLinks = [...remembered];
    for (const outcome of outcomes) if (outcome.ok && !remembered.has(outcome.file)) loadedLinks.push(outcome.file);
    const failed = outcomes.filter((o): o is Extract<FileOutcome, { ok: false }> => !o.ok);
    const lastError =
      error?.message ??
      (failed.length > 0
        ? `${failed.length} of ${outcomes.length} items failed; first: ${failed[0].error.message} [${failed[0].error.code}]`
        : null);
    const feed = await feeds.recordPoll({
      url: claimed.url,
      owner: this.owner,
      title,
      error: lastError,
      newArticles: outcomes.filter((o) => o.ok && o.summary.status === 'new').length,
      etag: validators.etag,
      lastModified: validators.lastModified,
      loadedLinks: loadedLinks.slice(-MAX_REMEMBERED_LINKS),
      nextPollInMs,
    });
    return { url: claimed.url, feed, notModified, outcomes, error };
  }
}
