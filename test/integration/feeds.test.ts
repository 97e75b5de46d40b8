// Feeds against a real local news site and a real Neo4j: `ingest FEED_URL` loads every item (or says why not), a
// watched feed in a running server picks up a new item, an unchanged feed costs one 304, and of two pollers on one
// Neo4j only one polls a feed.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../server/cli/commands/ingest.ts';
import { run as watch } from '../../server/cli/commands/watch.ts';
import { FeedPoller } from '../../server/ingest/feeds/poller.ts';
import { PageFetcher } from '../../server/ingest/fetch/fetch.ts';
import { ingestUrls } from '../../server/ingest/urls.ts';
import { useTestApp, useTestServer } from '../support/app.ts';
import { testNeo4j } from '../support/db.ts';
import {
  FEED_PATHS,
  feedEntry,
  KATTEGAT,
  type NewsSite,
  SKOVBO,
  startNewsSite,
  VESTKYST,
} from '../support/news-site.ts';

const app = useTestApp();
let site: NewsSite;
beforeAll(async () => {
  site = await startNewsSite();
});
afterAll(async () => {
  await site.close();
});

function fetcher(): PageFetcher {
  return new PageFetcher({ timeoutMs: 2000, maxBytes: 2 * 1024 * 1024, hostIntervalMs: 0, allowPrivate: true });
}

/** Requests the site saw for `path` since request number `from`. */
function requestsFor(path: string, from = 0) {
  return site.requests.slice(from).filter((r) => r.path === path);
}

function poller(owner: string): FeedPoller {
  return new FeedPoller({
    deps: app.pipeline,
    fetcher: fetcher(),
    feeds: app.repositories.feeds,
    intervalMs: 60_000,
    owner,
  });
}

/** An open /events stream: `next(type)` resolves to the data of the next message of that type. */
async function eventStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${url}/events`, { signal: controller.signal, headers });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    response,
    async next(type: string): Promise<Record<string, any>> {
      for (;;) {
        const match = new RegExp(`event: ${type}\ndata: (.*)\n\n`).exec(buffer);
        if (match) {
          buffer = buffer.slice((match.index ?? 0) + match[0].length);
          return JSON.parse(match[1]);
        }
        const chunk = await reader?.read();
        if (!chunk || chunk.done) throw new Error(`the event stream ended before a ${type} message`);
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}

describe('ingestUrls with feeds', () => {
  it('loads every item of an RSS feed once; refused items say why and the rest load', async () => {
    const outcomes = await ingestUrls(app.pipeline, fetcher(), [`${site.url}${FEED_PATHS.rss}`]);
    // Five items, one repeated: four tried.
    expect(outcomes.map((o) => o.file)).toEqual([
      `${site.url}${KATTEGAT.path}`,
      `${site.url}${SKOVBO.path}`,
      `${site.url}/privat/intern-notat`,
      `${site.url}/nyheder/trukket-tilbage`,
    ]);
    expect(outcomes.map((o) => (o.ok ? o.summary.status : o.error.code))).toEqual([
      'new',
      'new',
      'ROBOTS_DISALLOWED',
      'HTTP_ERROR',
    ]);
    expect(outcomes[0].ok && outcomes[0].summary.title).toBe(KATTEGAT.title);
    expect(requestsFor(KATTEGAT.path)).toHaveLength(1);
    expect(requestsFor('/privat/intern-notat')).toHaveLength(0);
    expect(await app.repositories.articles.count()).toBe(2);
  });

  it('an Atom feed: an item already loaded is unchanged without a request, the repeated item loads once', async () => {
    await ingestUrls(app.pipeline, fetcher(), [`${site.url}${FEED_PATHS.rss}`]);
    const before = site.requests.length;
    const outcomes = await ingestUrls(app.pipeline, fetcher(), [`${site.url}${FEED_PATHS.atom}`]);
    expect(outcomes.map((o) => [o.file, o.ok && o.summary.status])).toEqual([
      [`${site.url}${SKOVBO.path}`, 'unchanged'],
      [`${site.url}/nyheder/nordlys-koeber-fjordvagt`, 'new'],
    ]);
    expect(requestsFor(SKOVBO.path, before)).toHaveLength(0);
    expect(await app.repositories.articles.count()).toBe(3);
  });

  it('an XML document that is no feed is refused with a reason and writes nothing', async () => {
    const [outcome] = await ingestUrls(app.pipeline, fetcher(), [`${site.url}${FEED_PATHS.notAFeed}`]);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('NOT_AN_ARTICLE');
    expect(!outcome.ok && outcome.error.message).toMatch(/application\/xml/);
    expect(await app.repositories.articles.count()).toBe(0);
  });
});

describe('newsgraph ingest FEED_URL', () => {
  it('reports each item on its own JSON line and exits 1 when an item failed', async () => {
    vi.stubEnv('NEO4J_URI', testNeo4j().uri);
    vi.stubEnv('NEO4J_USER', testNeo4j().user);
    vi.stubEnv('NEO4J_PASSWORD', testNeo4j().password);
    vi.stubEnv('NEWSGRAPH_ALLOW_PRIVATE_URLS', '1');
    vi.stubEnv('NEWSGRAPH_FETCH_HOST_INTERVAL_MS', '0');
    let stdout = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let code: number;
    try {
      code = await run(['--json', `${site.url}${FEED_PATHS.rss}`]);
    } finally {
      out.mockRestore();
      err.mockRestore();
      vi.unstubAllEnvs();
    }
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.status ?? l.code)).toEqual(['new', 'new', 'ROBOTS_DISALLOWED', 'HTTP_ERROR']);
    expect(lines[3].error).toMatch(/HTTP 404/);
    expect(code).toBe(1);
  });
});

describe('newsgraph watch FEED_URL', () => {
  /** Runs `watch --json` until its first poll has been reported; returns the exit code and the JSON lines. */
  async function watchOnePoll(...args: string[]) {
    const { uri, user, password } = testNeo4j();
    for (const [name, value] of Object.entries({
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      NEWSGRAPH_ALLOW_PRIVATE_URLS: '1',
      NEWSGRAPH_FETCH_HOST_INTERVAL_MS: '0',
    }))
      vi.stubEnv(name, value);
    const stop = new AbortController();
    let stdout = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      if (/"feed":/.test(String(chunk))) stop.abort(); // the poll line: stop after this poll
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await watch(['--json', '--every', '1h', ...args], stop.signal);
      return {
        code,
        lines: stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line)),
      };
    } finally {
      out.mockRestore();
      err.mockRestore();
      vi.unstubAllEnvs();
    }
  }

  it('loads the items of a feed, then only new ones: an unchanged feed is one 304', async () => {
    const live = `${site.url}${FEED_PATHS.live}`;
    const first = await watchOnePoll(live);
    expect(first.code).toBe(0);
    expect(first.lines).toEqual([
      expect.objectContaining({ file: `${site.url}${KATTEGAT.path}`, ok: true, status: 'new' }),
      expect.objectContaining({ feed: live, notModified: false, items: 1, error: null }),
    ]);
    const before = site.requests.length;
    const again = await watchOnePoll(live);
    expect(again.lines).toEqual([expect.objectContaining({ feed: live, notModified: true, items: 0 })]);
    expect(site.requests.slice(before).map((r) => [r.path, r.status])).toEqual([
      ['/robots.txt', 200],
      [FEED_PATHS.live, 304],
    ]);
    expect((await app.repositories.feeds.list()).map((f) => f.url)).toEqual([live]);
  });

  it('refuses a URL the SSRF guard forbids before connecting (exit 1), and no URL as a usage error (exit 2)', async () => {
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    try {
      expect(await watch([`${site.url}${FEED_PATHS.live}`], new AbortController().signal)).toBe(1);
      expect(stderr).toMatch(/NEWSGRAPH_ALLOW_PRIVATE_URLS/);
      expect(await watch([], new AbortController().signal)).toBe(2);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('the feed poller', () => {
  it('an unchanged feed costs exactly one conditional request, answered 304', async () => {
    const live = `${site.url}${FEED_PATHS.live}`;
    await app.repositories.feeds.add(live);
    const p = poller('solo');
    const [first] = await p.pollDue();
    expect(first.outcomes.map((o) => o.ok && o.summary.status)).toEqual(['new']);
    expect(first.feed).toMatchObject({ itemsLoaded: 1, lastNewArticles: 1, lastError: null });
    expect(first.feed?.title).toBe('Tekniknyt – Seneste nyt');

    expect(await p.pollDue()).toEqual([]); // not due again before its interval
    await app.repositories.feeds.add(live); // adding it again makes it due now
    const before = site.requests.length;
    const [second] = await p.pollDue();
    expect(second.notModified).toBe(true);
    expect(site.requests.slice(before)).toEqual([expect.objectContaining({ path: FEED_PATHS.live, status: 304 })]);
    expect(second.feed).toMatchObject({ itemsLoaded: 1, lastNewArticles: 0, lastError: null });
  });

  it('a changed feed loads only its new item: items loaded before are not fetched again', async () => {
    const live = `${site.url}${FEED_PATHS.live}`;
    await app.repositories.feeds.add(live);
    const p = poller('solo');
    await p.pollDue();
    site.liveFeed.push(feedEntry(site.url, VESTKYST));
    try {
      await app.repositories.feeds.add(live);
      const before = site.requests.length;
      const [changed] = await p.pollDue();
      expect(changed.outcomes.map((o) => [o.file, o.ok && o.summary.status])).toEqual([
        [`${site.url}${VESTKYST.path}`, 'new'],
      ]);
      expect(requestsFor(KATTEGAT.path, before)).toHaveLength(0);
      expect(changed.feed).toMatchObject({ itemsLoaded: 2, lastNewArticles: 1 });
    } finally {
      site.liveFeed.pop();
    }
  });

  it('records why a feed could not be read', async () => {
    await app.repositories.feeds.add(`${site.url}${FEED_PATHS.notAFeed}`);
    const [result] = await poller('solo').pollDue();
    expect(result.error?.code).toBe('NOT_A_FEED');
    const [feed] = await app.repositories.feeds.list();
    expect(feed.lastError).toMatch(/not an RSS or Atom feed/);
    expect(feed.lastPolledAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('the feed lease', () => {
  it('of many concurrent claims on one due feed exactly one gets it; a held lease is not claimed', async () => {
    await app.repositories.feeds.add(`${site.url}${FEED_PATHS.live}`);
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => app.repositories.feeds.claimDue(`poller-${i}`, 60_000)),
    );
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    expect(await app.repositories.feeds.claimDue('late', 60_000)).toBeNull();
  });

  it('two pollers against one Neo4j and one feed: only one polls it', async () => {
    await app.repositories.feeds.add(`${site.url}${FEED_PATHS.live}`);
    const before = site.requests.length;
    const [a, b] = await Promise.all([poller('server-a').pollDue(), poller('server-b').pollDue()]);
    expect(a.length + b.length).toBe(1);
    expect(requestsFor(FEED_PATHS.live, before)).toHaveLength(1);
  });
});

describe('watched feeds in a running server', () => {
  const server = useTestServer({
    NEWSGRAPH_ALLOW_PRIVATE_URLS: '1',
    NEWSGRAPH_FETCH_HOST_INTERVAL_MS: '0',
    NEWSGRAPH_FEED_INTERVAL: '1s',
  });
  const FEEDS = '{ feeds { url title lastPolledAt lastError itemsLoaded lastNewArticles } }';

  it('addFeed polls at once, a new item is loaded by a later poll, removeFeed stops watching', async () => {
    const live = `${site.url}${FEED_PATHS.live}`;
    const added = await server.gql('mutation ($url: String!) { addFeed(url: $url) { url itemsLoaded } }', {
      url: live,
    });
    expect(added.errors).toBeUndefined();
    expect(added.data?.addFeed).toEqual({ url: live, itemsLoaded: 0 });
    await vi.waitFor(
      async () => {
        const { data } = await server.gql(FEEDS);
        expect(data?.feeds[0]).toMatchObject({ itemsLoaded: 1, lastError: null });
      },
      { timeout: 30_000, interval: 200 },
    );
    // An open explorer hears of the article the next poll loads.
    const events = await eventStream(server.url);
    site.liveFeed.push(feedEntry(site.url, VESTKYST));
    try {
      const loaded = await events.next('articles-loaded');
      expect(loaded).toMatchObject({ source: live, clientId: null });
      expect(loaded.articles).toEqual([
        expect.objectContaining({ title: VESTKYST.title, status: 'new', createdNodeIds: expect.any(Array) }),
      ]);
      expect(loaded.articles[0].createdNodeIds.length).toBeGreaterThan(0);
      await vi.waitFor(
        async () => {
          const { data } = await server.gql(FEEDS);
          expect(data?.feeds[0]).toMatchObject({ itemsLoaded: 2, title: 'Tekniknyt – Seneste nyt' });
        },
        { timeout: 30_000, interval: 200 },
      );
    } finally {
      site.liveFeed.pop();
      events.close();
    }
    expect(await app.repositories.articles.findByUrl(`${site.url}${VESTKYST.path}`)).not.toBeNull();

    const removed = await server.gql('mutation ($url: String!) { removeFeed(url: $url) }', { url: live });
    expect(removed.data?.removeFeed).toBe(true);
    expect((await server.gql(FEEDS)).data?.feeds).toEqual([]);
  });

  it('names the tab that loaded an article in its event, so that tab can leave it out', async () => {
    const events = await eventStream(server.url);
    try {
      await server.gql(
        'mutation ($url: String!) { ingestUrl(url: $url) { status } }',
        { url: `${site.url}${SKOVBO.path}` },
        { 'x-newsgraph-client': 'fane-7' },
      );
      const loaded = await events.next('articles-loaded');
      expect(loaded).toMatchObject({
        clientId: 'fane-7',
        articles: [expect.objectContaining({ title: SKOVBO.title })],
      });
    } finally {
      events.close();
    }
  });

  it('/events answers only to the allowed host names', async () => {
    const refused = await new Promise<number>((resolve, reject) => {
      const port = new URL(server.url).port;
      request({ host: '127.0.0.1', port, path: '/events', headers: { host: `rebinding.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(refused).toBe(421);
  });

  it('addFeed refuses an address the SSRF guard forbids', async () => {
    const guarded = await server.gql('mutation { addFeed(url: "file:///etc/passwd") { url } }');
    expect(guarded.errors?.[0].extensions.code).toBe('URL_NOT_ALLOWED');
  });
});
