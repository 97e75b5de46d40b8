// Watched RSS/Atom feeds (:Feed nodes): add, remove, list, and the lease that lets one poller at a time poll a feed.
import type { Database, Row } from '../database.ts';

/** A watched feed as the explorer and the CLI show it. */
export interface FeedRow {
  readonly url: string;
  readonly title: string | null;
  /** ISO date-time of the last finished poll, or null before the first. */
  readonly lastPolledAt: string | null;
  /** Why the last poll failed, or null when it did not. */
  readonly lastError: string | null;
  /** Articles loaded from this feed since it was added. */
  readonly itemsLoaded: number;
  /** New articles the last poll loaded (0 for an unchanged feed). */
  readonly lastNewArticles: number;
  /** When the feed is due again, in ms since the epoch (the database's clock). */
  readonly nextPollAt: number | null;
}

/** A feed whose lease a poller holds: what it needs to poll it. */
export interface ClaimedFeed {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Item links loaded from this feed before (most recent last). */
  readonly loadedLinks: readonly string[];
}

export interface PollRecord {
  readonly url: string;
  readonly owner: string;
  readonly title: string | null;
  readonly error: string | null;
  readonly newArticles: number;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly loadedLinks: readonly string[];
  readonly nextPollInMs: number;
}

function feedRow(row: Row): FeedRow {
  return {
    url: String(row.url),
    title: (row.title as string | null) ?? null,
    lastPolledAt: (row.lastPolledAt as string | null) ?? null,
    lastError: (row.lastError as string | null) ?? null,
    itemsLoaded: Number(row.itemsLoaded ?? 0),
    lastNewArticles: Number(row.lastNewArticles ?? 0),
    nextPollAt: row.nextPollAt === null || row.nextPollAt === undefined ? null : Number(row.nextPollAt),
  };
}

export class FeedRepository {
  readonly #db: Database;

  constructor(database: Database) {
    this.#db = database;
  }

  /** Watches `url` (kept as it is when already watched) and makes it due for a poll now. */
  async add(url: string): Promise<FeedRow> {
    const [row] = await this.#db.write((q) => q.run('feed-add', { url }));
    return feedRow(row);
  }

  /** Stops watching `url`; false when it was not watched. */
  async remove(url: string): Promise<boolean> {
    const [row] = await this.#db.write((q) => q.run('feed-remove', { url }));
    return Number(row?.removed ?? 0) > 0;
  }

  async list(): Promise<FeedRow[]> {
    return (await this.#db.read((q) => q.run('feeds-all'))).map(feedRow);
  }

  /**
   * Takes the lease on the next due feed (of `urls`, or of all) for `leaseMs`; null when none is due or every due
   * one is leased by another poller; feeds in `exclude` are passed over. One write: of concurrent claims on one feed
   * only one gets it.
   */
  async claimDue(
    owner: string,
    leaseMs: number,
    urls: readonly string[] | null = null,
    exclude: readonly string[] = [],
  ): Promise<ClaimedFeed | null> {
    const scope = { urls: urls ? [...urls] : null, exclude: [...exclude] };
    // A read first: most ticks find nothing due, and a write transaction counts as a change of the graph for the
    // explorer's caches (Database.writeGeneration).
    const [due] = await this.#db.read((q) => q.run('feeds-due', scope));
    if (Number(due?.due ?? 0) === 0) return null;
    const [row] = await this.#db.write((q) => q.run('feed-claim', { owner, leaseMs: Math.round(leaseMs), ...scope }));
    if (!row) return null;
    return {
      url: String(row.url),
      etag: (row.etag as string | null) ?? null,
      lastModified: (row.lastModified as string | null) ?? null,
      loadedLinks: ((row.loadedLinks as string[] | null) ?? []).map(String),
    };
  }

  /** Extends the lease `owner` holds on `url`; false when it no longer holds it. */
  async renewLease(url: string, owner: string, leaseMs: number): Promise<boolean> {
    const [row] = await this.#db.write((q) => q.run('feed-lease-renew', { url, owner, leaseMs: Math.round(leaseMs) }));
    return Number(row?.renewed ?? 0) > 0;
  }

  /** Records a finished poll and releases the lease; null when the feed was removed meanwhile or the lease lost. */
  async recordPoll(record: PollRecord): Promise<FeedRow | null> {
    const [row] = await this.#db.write((q) =>
      q.run('feed-record-poll', {
        ...record,
        loadedLinks: [...record.loadedLinks],
        nextPollInMs: Math.round(record.nextPollInMs),
      }),
    );
    return row ? feedRow(row) : null;
  }
}
