// Articles from the web: fetch a URL (fetch/), extract the article from its page, and load it through the
// one-article pipeline; the same page under another address, or loaded again, comes back unchanged. A URL that is
// an RSS or Atom feed loads every item's article the same way (feeds/).
import { ErrorCode, NewsgraphError } from '../errors.ts';
import type { LoadSummary } from '../model.ts';
import { parseFeed } from './feeds/parse.ts';
import type { FetchedPage, PageFetcher } from './fetch/fetch.ts';
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
  return ingestFetchedPage(deps, url, await fetcher.fetchPage(url));
}

/** Loads the article of a page already fetched from `url`. */
async function ingestFetchedPage(deps: PipelineDeps, url: string, page: FetchedPage): Promise<LoadSummary> {
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

/** Runs `load` and reports it as the outcome for `file`; database outages are thrown, to stop the run. */
async function outcomeOf(
  file: string,
  load: () => Promise<LoadSummary>,
  started: number = performance.now(),
): Promise<FileOutcome> {
  try {
    return { file, ok: true, summary: await load(), ms: performance.now() - started };
  } catch (error) {
    const failed = fileFailure(file, error);
    if (failed.code === ErrorCode.DATABASE_UNAVAILABLE) throw failed;
    return { file, ok: false, error: failed, ms: performance.now() - started };
  }
}

export interface FeedItemsOptions {
  /** Links remembered as loaded from this feed before: skipped without a request and without an outcome. */
  readonly remembered?: ReadonlySet<string>;
  readonly onItem?: (outcome: FileOutcome) => void;
}

/**
 * Loads the article behind every item of a feed document, one after another, each reported as a FileOutcome whose
 * `file` is the item's link: an item whose link is an article already loaded is unchanged without a request, a bad
 * item is reported with its reason and the rest go on. Items without a link are reported as failed.
 */
export async function ingestFeedItems(
  deps: PipelineDeps,
  fetcher: PageFetcher,
  feedUrl: string,
  xml: string,
  options: FeedItemsOptions = {},
): Promise<{ readonly title: string | null; readonly outcomes: FileOutcome[] }> {
  const feed = parseFeed(xml, feedUrl);
  const outcomes: FileOutcome[] = [];
  const report = (outcome: FileOutcome): void => {
    outcomes.push(outcome);
    options.onItem?.(outcome);
  };
  for (const [index, item] of feed.itemsWithoutLink.entries()) {
    report({
      file: `${feedUrl} item ${item.title ? JSON.stringify(item.title) : index + 1}`,
      ok: false,
      error: new NewsgraphError(ErrorCode.NOT_AN_ARTICLE, `${feedUrl}: ${item.reason}`, { url: feedUrl }),
      ms: 0,
    });
  }
  for (const item of feed.items) {
    if (options.remembered?.has(item.link)) continue;
    report(
      await outcomeOf(item.link, async () => {
        const loaded = await findArticleByUrl(deps.articles, item.link);
        if (loaded) return unchangedSummary(loaded.id, loaded.title);
        return ingestUrl(deps, fetcher, item.link);
      }),
    );
  }
  return { title: feed.title, outcomes };
}

/**
 * Loads URLs one after another, each reported as a FileOutcome (`file` is the URL): a bad URL is reported and the
 * rest go on. A URL that is an RSS or Atom feed reports one outcome per item instead. Database outages stop the
 * run, as for files.
 */
export async function ingestUrls(
  deps: PipelineDeps,
  fetcher: PageFetcher,
  urls: readonly string[],
  onUrl: (outcome: FileOutcome) => void = () => {},
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  const report = (outcome: FileOutcome): void => {
    outcomes.push(outcome);
    onUrl(outcome);
  };
  for (const url of urls) {
    const started = performance.now();
    let page: FetchedPage;
    try {
      page = await fetcher.fetchPage(url, { allowFeed: true });
      if (page.kind === 'feed') {
        await ingestFeedItems(deps, fetcher, page.url, page.text, { onItem: report });
        continue;
      }
    } catch (error) {
      // The page or feed could not be fetched, or the feed not read: one failed outcome for the URL.
      const failed = fileFailure(url, error);
      if (failed.code === ErrorCode.DATABASE_UNAVAILABLE) throw failed;
      report({ file: url, ok: false, error: failed, ms: performance.now() - started });
      continue;
    }
    const article = page;
    report(await outcomeOf(url, () => ingestFetchedPage(deps, url, article), started));
  }
  return outcomes;
}
