// Reading RSS 2.0 and Atom feeds into item links (no network, no database), and the feed interval setting.
import { describe, expect, it } from 'vitest';
import { parseDuration, readConfig } from '../../../server/config.ts';
import { parseFeed } from '../../../server/ingest/feeds/parse.ts';
import { atomFeed, FEED_ARTICLES, rssFeed } from '../../support/news-feeds.ts';

const SITE = 'https://tekniknyt.example';
const entries = FEED_ARTICLES.map((a) => ({ link: `${SITE}${a.path}`, title: a.title, date: a.date }));

describe('parseFeed', () => {
  it('reads an RSS 2.0 feed: title and item links in order, a repeated item once', () => {
    const feed = parseFeed(rssFeed(SITE, [...entries, entries[0]]), `${SITE}/rss/seneste.xml`);
    expect(feed.title).toBe('Tekniknyt – Seneste nyt');
    expect(feed.items).toEqual(entries.map(({ link, title }) => ({ link, title })));
  });

  it('reads an Atom feed the same way', () => {
    const feed = parseFeed(atomFeed(SITE, [entries[1], entries[1], entries[2]]), `${SITE}/atom/erhverv.xml`);
    expect(feed.title).toBe('Tekniknyt – Karriere og erhverv');
    expect(feed.items.map((i) => i.link)).toEqual([entries[1].link, entries[2].link]);
  });

  it('resolves relative links, drops fragments, and reports items without an http(s) link', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Lokalt</title><link>${SITE}/</link>
      <item><title>Relativ</title><link>/nyheder/relativ#kommentarer</link></item>
      <item><title>Uden link</title><description>Kun en notits</description></item>
      <item><title>Mail</title><link>mailto:redaktion@tekniknyt.example</link></item>
    </channel></rss>`;
    const feed = parseFeed(xml, `${SITE}/rss.xml`);
    expect(feed.items).toEqual([{ link: `${SITE}/nyheder/relativ`, title: 'Relativ' }]);
    expect(feed.itemsWithoutLink.map((i) => i.title)).toEqual(['Uden link', 'Mail']);
  });

  it('refuses what is no feed with NOT_A_FEED', () => {
    expect(() => parseFeed('<html><body>Forside</body></html>', `${SITE}/`)).toThrow(
      expect.objectContaining({ code: 'NOT_A_FEED' }),
    );
  });
});

describe('NEWSGRAPH_FEED_INTERVAL', () => {
  it('defaults to 15 minutes and reads durations with units', () => {
    expect(readConfig({}).feedIntervalMs).toBe(15 * 60_000);
    expect(readConfig({ NEWSGRAPH_FEED_INTERVAL: '1s' }).feedIntervalMs).toBe(1000);
    expect(parseDuration('90', 'X')).toBe(90_000);
    expect(parseDuration('2h', 'X')).toBe(7_200_000);
    expect(parseDuration('500ms', 'X')).toBe(500);
  });

  it('says how to fix a bad value', () => {
    expect(() => readConfig({ NEWSGRAPH_FEED_INTERVAL: 'ofte' })).toThrow(
      /NEWSGRAPH_FEED_INTERVAL="ofte".*such as 15m/,
    );
    expect(() => parseDuration('5ms', 'X')).toThrow(/at least 100 ms/);
  });
});
