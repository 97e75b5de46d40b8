// A small Danish news site on 127.0.0.1 and a free port, for the URL-loading tests: article pages with their
// furniture, a canonical duplicate, Latin-1 and JSON-LD pages, redirects, errors, a silent route, a huge page,
// a PDF, and a robots.txt forbidding /privat/; and feeds (news-feeds.ts): RSS 2.0, Atom, a live feed the tests add
// items to (answering conditional requests with 304), and an XML document that is no feed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';
import { atomFeed, FEED_ARTICLES, type FeedEntry, feedArticlePage, rssFeed } from './news-feeds.ts';

const WEB = join(PROJECT_ROOT, 'test', 'fixtures', 'web');
const page = (name: string) => readFileSync(join(WEB, name));
/** The huge page: well over the article size limit, streamed without a Content-Length. */
export const HUGE_PAGE_BYTES = 20 * 1024 * 1024;
// A PDF's first bytes: what a PDF mislabelled as text/html looks like.
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n', 'latin1'),
  Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256)),
]);

export interface NewsSite {
  readonly url: string;
  /** Every request the site saw: path, time (ms since the epoch), User-Agent and the status it was answered with. */
  readonly requests: { path: string; at: number; userAgent: string; status?: number }[];
  /** The items of /feeds/live.xml, newest last: push one and the feed changes (and its ETag with it). */
  readonly liveFeed: FeedEntry[];
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: Buffer | string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const [KATTEGAT, SKOVBO, VESTKYST] = FEED_ARTICLES;

/** An entry linking to one of FEED_ARTICLES on `site`. */
export function feedEntry(site: string, article: (typeof FEED_ARTICLES)[number]): FeedEntry {
  return { link: `${site}${article.path}`, title: article.title, date: article.date };
}

/** Paths of the feeds, and what the RSS and Atom feeds hold (the tests read these to know what to expect). */
export const FEED_PATHS = {
  rss: '/rss/seneste.xml',
  atom: '/atom/erhverv.xml',
  live: '/feeds/live.xml',
  notAFeed: '/sitemap.xml',
} as const;
export { KATTEGAT, SKOVBO, VESTKYST };

function rssEntries(site: string): FeedEntry[] {
  return [
    feedEntry(site, KATTEGAT),
    feedEntry(site, SKOVBO),
    feedEntry(site, KATTEGAT), // the same item twice, as feeds sometimes list an updated story
    { link: `${site}/privat/intern-notat`, title: 'Internt notat om lønforhandlinger', date: '2025-10-03' },
    { link: `${site}/nyheder/trukket-tilbage`, title: 'Artiklen er trukket tilbage', date: '2025-10-04' },
  ];
}

function atomEntries(site: string): FeedEntry[] {
  return [
    feedEntry(site, SKOVBO), // also in the RSS feed
    {
      link: `${site}/nyheder/nordlys-koeber-fjordvagt`,
      title: 'Nordlys Data køber sikkerhedsfirmaet Fjordvagt',
      date: '2025-09-18',
    },
    feedEntry(site, SKOVBO), // and twice here
  ];
}

/** Sends a feed with an ETag and Last-Modified, or 304 when the client's validators still hold. */
function sendFeed(req: IncomingMessage, res: ServerResponse, type: string, body: string): void {
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  const lastModified = new Date(Date.UTC(2025, 9, 6, 6, 0, 0) + body.length * 1000).toUTCString();
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag, 'last-modified': lastModified });
    res.end();
    return;
  }
  res.writeHead(200, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    etag,
    'last-modified': lastModified,
  });
  res.end(body);
}

function route(req: IncomingMessage, res: ServerResponse, site: string, liveFeed: readonly FeedEntry[]): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const feedArticle = FEED_ARTICLES.find((a) => a.path === path);
  if (feedArticle) {
    send(res, 200, 'text/html; charset=utf-8', feedArticlePage(feedArticle));
    return;
  }
  const redirect = /^\/r\/(\d+)$/.exec(path);
  if (redirect) {
    const left = Number(redirect[1]);
    res.writeHead(
      left === 0 ? 200 : 302,
      left === 0 ? { 'content-type': 'text/html; charset=utf-8' } : { location: `/r/${left - 1}` },
    );
    res.end(left === 0 ? page('jsonld.html') : '');
    return;
  }
  switch (path) {
    case '/robots.txt':
      send(res, 200, 'text/plain', 'User-agent: *\nDisallow: /privat/\n\nUser-agent: GPTBot\nDisallow: /\n');
      return;
    case '/nyheder/nordlys-koeber-fjordvagt':
    case '/amp/nordlys-koeber-fjordvagt':
      send(res, 200, 'text/html; charset=utf-8', page('artikel.html'));
      return;
    case '/arkiv/groensvaerd':
      send(res, 200, 'text/html; charset=ISO-8859-1', page('latin1.html'));
      return;
    case '/arkiv/groensvaerd-meta':
      send(res, 200, 'text/html', page('latin1.html'));
      return;
    case '/jura/kystkraft':
      send(res, 200, 'text/html; charset=utf-8', page('jsonld.html'));
      return;
    case '/privat/nordlys':
      send(res, 200, 'text/html; charset=utf-8', page('artikel.html'));
      return;
    case '/rapport.pdf':
      send(res, 200, 'application/pdf', PDF);
      return;
    case '/rapport-som-html':
      send(res, 200, 'text/html', PDF);
      return;
    case FEED_PATHS.rss:
      sendFeed(req, res, 'application/rss+xml; charset=utf-8', rssFeed(site, rssEntries(site)));
      return;
    case FEED_PATHS.atom:
      sendFeed(req, res, 'application/atom+xml; charset=utf-8', atomFeed(site, atomEntries(site)));
      return;
    case FEED_PATHS.live:
      sendFeed(req, res, 'application/rss+xml; charset=utf-8', rssFeed(site, liveFeed));
      return;
    case FEED_PATHS.notAFeed:
      send(
        res,
        200,
        'application/xml',
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${site}/</loc></url></urlset>\n`,
      );
      return;
    case '/stille':
      return; // never answers: the request hangs until the client gives up
    case '/kaempe': {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.from(`<p>${'Fyldtekst om ingenting. '.repeat(2600)}</p>\n`);
      let sent = 0;
      const more = (): void => {
        while (sent < HUGE_PAGE_BYTES && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
      return;
    }
    default:
      send(res, 404, 'text/html; charset=utf-8', '<h1>Siden findes ikke</h1>');
      return;
  }
}

export async function startNewsSite(): Promise<NewsSite> {
  const requests: NewsSite['requests'] = [];
  const liveFeed: FeedEntry[] = [];
  const sockets = new Set<import('node:net').Socket>();
  let site = '';
  const server = createServer((req, res) => {
    const request: NewsSite['requests'][number] = {
      path: req.url ?? '',
      at: Date.now(),
      userAgent: req.headers['user-agent'] ?? '',
    };
    requests.push(request);
    res.once('finish', () => {
      request.status = res.statusCode;
    });
    route(req, res, site, liveFeed);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  site = `http://127.0.0.1:${port}`;
  liveFeed.push(feedEntry(site, KATTEGAT));
  return {
    url: site,
    requests,
    liveFeed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
