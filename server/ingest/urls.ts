// Articles from the web: fetch a URL (fetch/), extract the article from its page, and load it through the
// one-article pipeline; the same page under another address, or loaded again, comes back unchanged.
import { ErrorCode } from '../errors.ts';
import type { LoadSummary } from '../model.ts';
import type { PageFetcher } from './fetch/fetch.ts';
import { extractPageArticle } from './fetch/page.ts';
import { type FileOutcome, fileFailure } from './files.ts';
import { findArticleByUrl, unchangedSummary } from './load/index.ts';
import { ingestArticle, type PipelineDeps } from './pipeline.ts';

/** True for a command-line argument that names a web page rather than a file. */
export function isWebAddress(arg: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);
}

/** Fetches `url` and loads its article. Throws NewsgraphError (URL_NOT_ALLOWED, FETCH_TIMEOUT, …) when it cannot. */
export async function ingestUrl(deps: PipelineDeps, fetcher: PageFetcher, url: string): Promise<LoadSummary> {
  const page = await fetcher.fetchPage(url);
  const article = /^text\/plain\b/i.test(page.contentType)
    ? { text: page.text, title: null, url: page.url, publishedAt: null }
    : extractPageArticle(page.text, page.url);
  // The same article reached by a second address names the same canonical URL: nothing to fetch twice.
  const loaded = await findArticleByUrl(deps.articles, article.url);
  if (loaded) return unchangedSummary(loaded.id, loaded.title);
  return ingestArticle(deps, {
    content: article.text,
    source: url,
    url: article.url,
    ...(article.title ? { title: article.title } : {}),
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
    ...('author' in article && article.author ? { author: article.author } : {}),
  });
}

/**
 * Loads URLs one after another, each reported as a FileOutcome (`file` is the URL): a bad URL is reported and the
 * rest go on. Database outages stop the run, as for files.
 */
export async function ingestUrls(
  deps: PipelineDeps,
  fetcher: PageFetcher,
  urls: readonly string[],
  onUrl: (outcome: FileOutcome, index: number) => void = () => {},
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [index, url] of urls.entries()) {
    const started = performance.now();
    let outcome: FileOutcome;
    try {
      outcome = { file: url, ok: true, summary: await ingestUrl(deps, fetcher, url), ms: performance.now() - started };
    } catch (error) {
      const failed = fileFailure(url, error);
      if (failed.code === ErrorCode.DATABASE_UNAVAILABLE) throw failed;
      outcome = { file: url, ok: false, error: failed, ms: performance.now() - started };
    }
    outcomes.push(outcome);
    onUrl(outcome, index);
  }
  return outcomes;
}
