// What enters the ingest pipeline. The records each later stage hands on (CleanArticle, ArticleGraph, …) are the
// graph model's and live in server/model.ts, so nlp/, db/ and graphql/ can use them without importing ingest/.

/** read: a file or a GraphQL input, before anything is interpreted. */
export interface RawArticle {
  /** The full text as given (header lines included, if any). */
  readonly text: string;
  /** Overrides for what the header lines / first line would give. */
  readonly title?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  /** The byline, when the source names one (a fetched page's metadata). */
  readonly author?: string;
  /** File path, for messages only. */
  readonly source?: string;
}
