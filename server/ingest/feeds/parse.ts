// Reads an RSS 2.0 or Atom feed into its title and the links of its items, in feed order, repeats removed.
//
// Why @rowanmanning/feed-parser: it is a thin, maintained layer over fast-xml-parser (no DOM, no network, no native
// code) that already knows where RSS 2.0, RSS 1.0/RDF and Atom keep an item's link (<link>, <link rel=alternate
// href>, <guid isPermaLink>) and resolves relative links against the feed; fast-xml-parser alone would leave those
// format rules to us, and rss-parser fetches by itself (we must fetch through the guarded PageFetcher).
import { parseFeed as parseFeedXml } from '@rowanmanning/feed-parser';
import { ErrorCode, NewsgraphError } from '../../errors.ts';

export interface FeedItemLink {
  /** The item's article address (absolute http(s)). */
  readonly link: string;
  readonly title: string | null;
}

export interface ParsedFeed {
  readonly title: string | null;
  readonly items: readonly FeedItemLink[];
  /** Items without a usable http(s) link, which cannot be loaded (reported, not loaded). */
  readonly itemsWithoutLink: readonly { readonly title: string | null; readonly reason: string }[];
}

/** Most items read from one feed; a feed with more is cut (its newest items come first in practice). */
export const MAX_FEED_ITEMS = 500;

function httpUrl(raw: string | null, base: string): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** Parses `xml` fetched from `feedUrl`; throws NOT_A_FEED when it is no RSS or Atom document. */
export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  let feed: ReturnType<typeof parseFeedXml>;
  try {
    feed = parseFeedXml(xml);
  } catch (error) {
    throw new NewsgraphError(
      ErrorCode.NOT_A_FEED,
      `${feedUrl}: not a readable RSS or Atom feed (${(error as Error).message}); check the address, or open it in a browser to see what the site sends`,
      { url: feedUrl },
    );
  }
  const items: FeedItemLink[] = [];
  const itemsWithoutLink: { title: string | null; reason: string }[] = [];
  const seen = new Set<string>();
  for (const item of feed.items.slice(0, MAX_FEED_ITEMS)) {
    const title = item.title?.trim() || null;
    // An Atom id or RSS guid is often the article's address too; only used when there is no link.
    const link = httpUrl(item.url, feedUrl) ?? httpUrl(item.id, feedUrl);
    if (!link) {
      itemsWithoutLink.push({ title, reason: 'the item has no http(s) link to an article' });
      continue;
    }
    if (seen.has(link)) continue; // the same article twice in one feed is loaded once
    seen.add(link);
    items.push({ link, title });
  }
  return { title: feed.title?.trim() || null, items, itemsWithoutLink };
}
