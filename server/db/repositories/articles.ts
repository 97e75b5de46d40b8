// Writes, deletes and reads whole articles. Loading one article is ONE write transaction of named queries.

import { ErrorCode, isNewsgraphError, NewsgraphError } from '../../errors.ts';
import {
  type EntityType,
  type EventKind,
  type LoadSummary,
  type ParticipantRole,
  primaryLabel,
  type RelationType,
  unchangedSummary,
} from '../../model.ts';
import { type Database, type QueryRunner, type Row, runPerRelationType } from '../database.ts';
import { int } from '../values.ts';

/** The Article node's properties. */
export interface ArticleRow {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  /** YYYY-MM-DD or null. */
  readonly publishedAt: string | null;
  /** The byline of a page loaded from a URL; null otherwise. */
  readonly author?: string | null;
  readonly text: string;
  readonly sha256: string;
  readonly language: string;
}

export interface EntityRow {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly mentions: number;
}

export interface RelationRow {
  readonly fromId: string;
  readonly type: Exclude<RelationType, 'CITES'>;
  readonly toId: string;
  readonly evidence: readonly string[];
  readonly confidence: number;
  /** Plain relation properties (title, since, degree…); no nulls, no provenance keys. */
  readonly props: Readonly<Record<string, string | number>>;
}

export interface CitationRow {
  readonly toId: string;
  readonly evidence: readonly string[];
  readonly confidence: number;
}

export interface EventRow {
  readonly id: string;
  readonly kind: EventKind;
  readonly summary: string;
  /** YYYY-MM-DD or null. */
  readonly date: string | null;
  readonly dateText: string | null;
  readonly evidence: readonly string[];
  readonly confidence: number;
}

export interface ParticipantRow {
  readonly eventId: string;
  readonly entityId: string;
  readonly role: ParticipantRole;
  readonly evidence: readonly string[];
  readonly confidence: number;
}

/** Everything one article writes, already grouped so each row is unique (see ingest/load/batch.ts). */
export interface ArticleBatch {
  readonly article: ArticleRow;
  readonly entities: readonly EntityRow[];
  readonly relations: readonly RelationRow[];
  readonly citations: readonly CitationRow[];
  readonly events: readonly EventRow[];
  readonly participants: readonly ParticipantRow[];
}

export interface WriteOptions {
  /**
   * Test hook: throw after this many statements have run inside the transaction, to prove that a failure
   * mid-article leaves nothing behind. Never set outside tests.
   */
  readonly failAfterStatements?: number;
}

/** What writing one article did: the load summary, and whether an older version of the article (same id, other text) was replaced. */
export interface WriteOutcome extends LoadSummary {
  readonly replaced: boolean;
}

export interface DeleteOutcome {
  readonly articleId: string;
  readonly deleted: boolean;
  readonly nodesRemoved: number;
  readonly relationshipsRemoved: number;
}

export interface ArticleEntity {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly mentionCount: number;
  /** How often this article mentions the entity. */
  readonly score: number;
}

export interface ArticleView {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly text: string;
  readonly entities: readonly ArticleEntity[];
}

const UNCHANGED: WriteOutcome = { ...unchangedSummary('', ''), replaced: false };

/** Wraps a runner so a test can make the N+1st statement of a transaction fail. */
function withFailureHook(q: QueryRunner, failAfterStatements: number | undefined): QueryRunner {
  if (failAfterStatements === undefined) return q;
  let ran = 0;
  const next = (name: string) => {
    if (ran >= failAfterStatements) {
      throw new NewsgraphError(ErrorCode.INTERNAL, `injected failure before statement ${ran + 1} (${name})`);
    }
    ran++;
  };
  return {
    async run(name, params) {
      next(name);
      return q.run(name, params);
    },
    async runWithRelationType(name, type, params) {
      next(name);
      return q.runWithRelationType(name, type, params);
    },
  };
}

function countCreated(rows: readonly Row[]): { created: string[]; merged: string[] } {
  const created: string[] = [];
  const merged: string[] = [];
  for (const row of rows) (row.created ? created : merged).push(String(row.id));
  return { created, merged };
}

/** Removes one article and what only it contributed; returns how many nodes/relationships went. */
async function deleteArticleIn(q: QueryRunner, articleId: string): Promise<DeleteOutcome> {
  const [before] = await q.run('graph-counts');
  await q.run('article-delete-facts', { articleId });
  await q.run('article-delete-events', { articleId });
  await q.run('article-delete-entities', { articleId });
  const [article] = await q.run('article-delete', { articleId });
  const [after] = await q.run('graph-counts');
  return {
    articleId,
    deleted: Number(article?.deleted ?? 0) > 0,
    nodesRemoved: Number(before.nodes) - Number(after.nodes),
    relationshipsRemoved: Number(before.relationships) - Number(after.relationships),
  };
}

export class ArticleRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /**
   * Loads one article in one write transaction. Same text hash already present => "unchanged", nothing
   * written. Same id with a different text (an edited article) => the old version's contributions are
   * withdrawn first, in the same transaction, so readers see either the old or the new article.
   */
  async write(batch: ArticleBatch, options: WriteOptions = {}): Promise<WriteOutcome> {
    try {
      return await this.#write(batch, options);
    } catch (error) {
      // Two loads of the same new article at once: both saw no article, the second hit the id constraint
      // when the first committed. For the caller that is simply "already loaded".
      if (isNewsgraphError(error) && error.details?.neo4jCode === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
        const loaded = await this.findBySha256(batch.article.sha256);
        if (loaded) return { ...UNCHANGED, articleId: loaded.id, title: loaded.title };
      }
      throw error;
    }
  }

  async #write(batch: ArticleBatch, options: WriteOptions): Promise<WriteOutcome> {
    // Plans kept (TransactionOptions.keepPlans): EXPLAIN gave every statement of this transaction the same plan
    // on an empty graph and after 8, 1,000 and 5,000 generated articles, so re-planning them every 10 s while
    // articles arrive only costs Neo4j compilation and JIT warm-up (A/B: docs/performance-notes.md, "Loading").
    return this.#db.write(
      async (tx) => {
        const q = withFailureHook(tx, options.failAfterStatements);
        const articleId = batch.article.id;
        const [same] = await q.run('article-by-sha256', { sha256: batch.article.sha256 });
        if (same) return { ...UNCHANGED, articleId: String(same.id), title: String(same.title) };
        const [older] = await q.run('article-by-id', { id: articleId });
        // A concurrent load of this very text may have committed between the two look-ups (reads see committed
        // data at once): that is "unchanged", not an edited article to replace (found by reliability/concurrency).
        if (older?.sha256 === batch.article.sha256) return { ...UNCHANGED, articleId, title: String(older.title) };
        if (older) await deleteArticleIn(q, articleId);

        await q.run('article-create', { article: batch.article });
        const entityRows = await q.run('load-entities', {
          articleId,
          entities: batch.entities.map((e) => ({ ...e, mentions: int(e.mentions) })),
        });
        const relationRows = (
          await runPerRelationType(q, 'load-relations', batch.relations, (relations) => ({ articleId, relations }))
        ).flatMap((group) => group.result);
        const citationRows = await q.run('load-citations', { articleId, citations: batch.citations });
        const eventRows = await q.run('load-events', { articleId, events: batch.events });
        await q.run('load-participants', { articleId, participants: batch.participants });

        const entities = countCreated(entityRows);
        const events = countCreated(eventRows);
        const relationsCreated = relationRows.filter((r) => r.created).length + Number(citationRows[0]?.created ?? 0);
        return {
          status: 'new',
          articleId,
          title: batch.article.title,
          replaced: Boolean(older),
          entitiesCreated: entities.created.length,
          entitiesMerged: entities.merged.length,
          relationsCreated,
          relationsMerged: relationRows.length - relationRows.filter((r) => r.created).length,
          eventsCreated: events.created.length,
          eventsMerged: events.merged.length,
          createdNodeIds: [articleId, ...entities.created, ...events.created],
          mergedNodeIds: [...entities.merged, ...events.merged],
        } satisfies WriteOutcome;
      },
      { keepPlans: true },
    );
  }

  /** The article already loaded with this text hash, if any (lets the pipeline skip extraction). */
  async findBySha256(sha256: string): Promise<{ id: string; title: string } | null> {
    const [row] = await this.#db.read((q) => q.run('article-by-sha256', { sha256 }));
    return row ? { id: String(row.id), title: String(row.title) } : null;
  }

  /** The article already loaded from this (canonical) URL, if any: a page reached by a second address is not reloaded. */
  async findByUrl(url: string): Promise<{ id: string; title: string } | null> {
    const [row] = await this.#db.read((q) => q.run('article-by-url', { url }));
    return row ? { id: String(row.id), title: String(row.title) } : null;
  }

  /** Deletes an article and what only it contributed. Unknown id => deleted: false, nothing changed. */
  async delete(articleId: string): Promise<DeleteOutcome> {
    return this.#db.write((q) => deleteArticleIn(q, articleId));
  }

  async view(id: string): Promise<ArticleView | null> {
    const [row] = await this.#db.read((q) => q.run('article-view', { id }));
    if (!row) return null;
    const entities = (row.entities as Row[]).map((e) => ({
      id: String(e.id),
      label: primaryLabel(e.labels as string[]),
      name: String(e.name),
      aliases: e.aliases as string[],
      mentionCount: Number(e.mentionCount),
      score: Number(e.score ?? 1),
    }));
    return {
      id: String(row.id),
      title: String(row.title),
      url: (row.url as string | null) ?? null,
      publishedAt: (row.publishedAt as string | null) ?? null,
      text: String(row.text),
      entities,
    };
  }

  async count(): Promise<number> {
    const [row] = await this.#db.read((q) => q.run('articles-count'));
    return Number(row?.count ?? 0);
  }
}
