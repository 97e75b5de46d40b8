// `newsgraph watch FEED_URL... [--every 15m]`: polls RSS/Atom feeds and loads their new items until stopped (Ctrl-C).
//
// The feeds become :Feed nodes like those the server watches, and are polled under the same lease, so a running
// `npm start` and this command never poll one feed at the same time. Only these feeds are polled here.
import { parseDuration, readConfig } from '../../config.ts';
import { createRepositories } from '../../db/index.ts';
import { ErrorCode, isNewsgraphError } from '../../errors.ts';
import { FeedPoller, type FeedPollResult } from '../../ingest/feeds/poller.ts';
import { assertUrlAllowed, parseArticleUrl } from '../../ingest/fetch/address.ts';
import { PageFetcher } from '../../ingest/fetch/fetch.ts';
import type { FileOutcome } from '../../ingest/files.ts';
import { isWebAddress } from '../../ingest/urls.ts';
import { connect, reportOutcome } from './ingest.ts';

const USAGE = `Usage: newsgraph watch [--json] [--every DURATION] FEED_URL...

Polls each RSS 2.0 or Atom feed every DURATION (default NEWSGRAPH_FEED_INTERVAL, else 15m; e.g. 90s, 15m,
1h; each poll jittered by ±10%) and loads the article behind every item not loaded before, as
\`newsgraph ingest\` loads a URL (robots.txt obeyed, one request per second per site, the SSRF guard).
An unchanged feed costs one conditional request (ETag / Last-Modified). Runs until Ctrl-C.

The feeds are stored in Neo4j as watched feeds: a running server shows them in the explorer's Load panel
and never polls one of them while this command does.

  --json          print one JSON line per item (status, counts or error) and per poll
  --every D       time between two polls of a feed
`;

function pollLine(result: FeedPollResult): string {
  if (result.error) return `feed ${result.url}: ${result.error.message} [${result.error.code}]`;
  if (result.notModified) return `feed ${result.url}: unchanged (304 Not Modified)`;
  const count = (test: (o: FileOutcome) => boolean) => result.outcomes.filter(test).length;
  const fresh = count((o) => o.ok && o.summary.status === 'new');
  const unchanged = count((o) => o.ok && o.summary.status === 'unchanged');
  const failed = count((o) => !o.ok);
  return `feed ${result.url}: ${fresh} new, ${unchanged} unchanged, ${failed} failed`;
}

/** Aborted on Ctrl-C or SIGTERM. */
function untilInterrupted(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}

/** `stop`: ends the watch after the feed being polled (default: Ctrl-C or SIGTERM; tests pass their own). */
export async function run(args: string[], stop: AbortSignal = untilInterrupted()): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const json = args.includes('--json');
  const everyAt = args.indexOf('--every');
  const everyValueAt = everyAt >= 0 ? everyAt + 1 : -1;
  const every = everyAt >= 0 ? args[everyValueAt] : undefined;
  const urls = args.filter((a, i) => !a.startsWith('-') && i !== everyValueAt);
  const unknown = args.find((a) => a.startsWith('-') && a !== '--json' && a !== '--every');
  let problem: string | undefined;
  let intervalMs: number | undefined;
  try {
    if (everyAt >= 0) intervalMs = parseDuration(every ?? '', '--every');
  } catch (error) {
    problem = (error as Error).message;
  }
  const config = readConfig();
  if (unknown) problem = `Unknown option ${unknown}.`;
  else if (urls.length === 0) problem = 'Give at least one feed URL.';
  else if (!urls.every(isWebAddress)) problem = `Not a web address: ${urls.find((u) => !isWebAddress(u))}.`;
  if (problem) {
    process.stderr.write(`${problem}\n\n${USAGE}`);
    return 2;
  }
  const feedUrls: string[] = [];
  for (const url of urls) {
    try {
      const parsed = parseArticleUrl(url);
      await assertUrlAllowed(parsed, { allowPrivate: config.allowPrivateUrls });
      feedUrls.push(parsed.href);
    } catch (error) {
      process.stderr.write(`${isNewsgraphError(error) ? error.message : String(error)}\n`);
      return 1;
    }
  }

  const { database, embedded, where } = await connect(config);
  const fetcher = new PageFetcher({
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxArticleBytes,
    hostIntervalMs: config.fetchHostIntervalMs,
    allowPrivate: config.allowPrivateUrls,
  });
  try {
    await database.applySchema();
    const repositories = createRepositories(database);
    for (const url of feedUrls) await repositories.feeds.add(url);
    const pollEveryMs = intervalMs ?? config.feedIntervalMs;
    process.stderr.write(
      `Watching ${feedUrls.length} feed${feedUrls.length === 1 ? '' : 's'} every ${pollEveryMs / 1000} s, loading into ${where}; Ctrl-C stops.\n`,
    );
    let failedItems = 0;
    const poller = new FeedPoller({
      deps: {
        articles: repositories.articles,
        entities: repositories.entities,
        maxArticleBytes: config.maxArticleBytes,
      },
      fetcher,
      feeds: repositories.feeds,
      intervalMs: pollEveryMs,
      urls: feedUrls,
      log: (message, error) =>
        process.stderr.write(`${message}${error instanceof Error ? `: ${error.message}` : ''}\n`),
      onItem: (_feed, outcome) => {
        if (!outcome.ok) failedItems++;
        reportOutcome(outcome, json);
        if (!json && outcome.ok)
          process.stderr.write(
            `${outcome.summary.status === 'new' ? 'loaded' : 'unchanged'}: ${outcome.file} (${outcome.summary.title})\n`,
          );
      },
      onPoll: (result) => {
        if (json)
          process.stdout.write(
            `${JSON.stringify({ feed: result.url, notModified: result.notModified, items: result.outcomes.length, error: result.error?.message ?? null, code: result.error?.code ?? null })}\n`,
          );
        else process.stderr.write(`${pollLine(result)}\n`);
      },
    });
    await new Promise<void>((resolveStop) => {
      const halt = (): void => {
        process.stderr.write('Stopping after the current feed…\n');
        void poller.stop().then(resolveStop);
      };
      poller.start();
      if (stop.aborted) halt();
      else stop.addEventListener('abort', halt, { once: true });
    });
    return failedItems === 0 ? 0 : 1;
  } catch (error) {
    if (isNewsgraphError(error) && error.code === ErrorCode.DATABASE_UNAVAILABLE) {
      process.stderr.write(`The database went away: ${error.message}\n`);
      return 3;
    }
    throw error;
  } finally {
    await fetcher.close();
    await database.close();
    if (embedded) await embedded.stop();
  }
}
