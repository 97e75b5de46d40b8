// Fetches one article page politely and safely: SSRF guard on every hop, robots.txt, one request per second per
// host, a timeout, a size cap, at most MAX_REDIRECTS redirects, HTML or text only.
import robotsParser from 'robots-parser';
import { Agent, type Dispatcher, fetch } from 'undici';
import { ErrorCode, isNewsgraphError, NewsgraphError } from '../../errors.ts';
import { looksBinary } from '../read.ts';
import {
  assertUrlAllowed,
  PRIVATE_ADDRESS_ERROR,
  parseArticleUrl,
  publicOnlyLookup,
  type Resolver,
} from './address.ts';
import { decodePage } from './charset.ts';

/** Redirects followed for one page (each hop checked by the SSRF guard); the sixth is refused. */
export const MAX_REDIRECTS = 5;
/** Sent with every request, so site owners can see who fetches and match us in robots.txt. */
export const USER_AGENT = 'newsgraph/0.1 (Danish news knowledge graph; +https://github.com/newsgraph/newsgraph)';
/** The name robots.txt rules are matched against ("User-agent: newsgraph"). */
export const ROBOTS_AGENT = 'newsgraph';
/** Largest robots.txt read; Google reads 500 KiB, and anything beyond is ignored. */
const MAX_ROBOTS_BYTES = 512 * 1024;
/** How long a site's robots.txt is trusted before it is read again (RFC 9309: at most 24 hours). */
const ROBOTS_CACHE_MS = 24 * 60 * 60 * 1000;
/** Content types that can hold an article. */
const ARTICLE_TYPES = /^(?:text\/html|application\/xhtml\+xml|text\/plain)\b/i;
/** Accept header entries for RSS and Atom feeds. */
const FEED_ACCEPT = 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9';
/** Content types feeds are served with (many sites send plain XML types). */
const FEED_TYPES = /^(?:application\/(?:rss\+xml|atom\+xml|rdf\+xml|xml)|text\/xml)\b/i;
/** The root element of an RSS 2.0 (or RSS 1.0/RDF) or Atom document, after any prolog and comments. */
const FEED_ROOT = /^(?:\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<(?:rss|feed|rdf:RDF)\b/i;

/** True when the body is an RSS or Atom document: by content type, or by its root element (sites mislabel feeds). */
function isFeedDocument(contentType: string, body: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(body.subarray(0, 2048)).replace(/^\uFEFF/, '');
  if (FEED_ROOT.test(head)) return true;
  return FEED_TYPES.test(contentType) && /<(?:rss|feed|rdf:RDF)\b/i.test(head);
}

/** Feeds are XML: UTF-8 unless the XML declaration names ISO-8859-1/windows-1252 (the ones Danish sites use). */
function decodeFeed(body: Uint8Array): string {
  const declared = /^\s*<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(
    new TextDecoder('latin1').decode(body.subarray(0, 200)),
  );
  const label = declared?.[1]?.toLowerCase();
  const encoding = label === 'iso-8859-1' || label === 'latin1' || label === 'windows-1252' ? 'windows-1252' : 'utf-8';
  return new TextDecoder(encoding).decode(body).replace(/^\uFEFF/, '');
}

export interface FetcherOptions {
  /** One request (headers and body), in ms: config.fetchTimeoutMs. */
  readonly timeoutMs: number;
  /** Largest page body, in bytes: config.maxArticleBytes. */
  readonly maxBytes: number;
  /** Least time between requests to one host, in ms: config.fetchHostIntervalMs. */
  readonly hostIntervalMs: number;
  /** config.allowPrivateUrls: switches the SSRF guard off. */
  readonly allowPrivate: boolean;
  /** DNS resolution (tests substitute one). */
  readonly resolve?: Resolver;
}

export interface FetchedPage {
  /** The URL asked for. */
  readonly requestedUrl: string;
  /** Where the last redirect led: the page's own address. */
  readonly url: string;
  readonly contentType: string;
  /** The body, decoded with its charset. */
  readonly text: string;
  readonly redirects: number;
  /** 'feed' only when fetchPage was called with allowFeed and the document is an RSS or Atom feed. */
  readonly kind: 'article' | 'feed';
}

/** What a feed's last fetch answered with, sent back as If-None-Match / If-Modified-Since. */
export interface FeedValidators {
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

export type FetchedFeed =
  | { readonly unchanged: true; readonly url: string }
  | {
      readonly unchanged: false;
      /** Where the last redirect led. */
      readonly url: string;
      readonly xml: string;
      readonly etag: string | null;
      readonly lastModified: string | null;
    };

interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array;
}

type Robots = ReturnType<typeof robotsParser>;

/**
 * Fetches pages for URL loads. Keep one per run (CLI) or per server: it remembers each site's robots.txt and when
 * its last request went out.
 */
export class PageFetcher {
  readonly #options: FetcherOptions;
  /** robots.txt per origin, read at most once per ROBOTS_CACHE_MS (a promise, so concurrent loads share one request). */
  readonly #robots = new Map<
    string,
    { readonly at: number; readonly rules: Promise<Robots | 'allow-all' | 'disallow-all'> }
  >();
  /** When the next request to a host may go out (ms since the epoch). */
  readonly #nextSlot = new Map<string, number>();
  /** Connections whose every resolved address is checked as they are made (undefined: the guard is off). */
  readonly #dispatcher: Dispatcher | undefined;

  constructor(options: FetcherOptions) {
    this.#options = options;
    this.#dispatcher = options.allowPrivate ? undefined : new Agent({ connect: { lookup: publicOnlyLookup } });
  }

  /** Closes the kept-alive connections of the guarded dispatcher, so a CLI run ends at once. */
  async close(): Promise<void> {
    await this.#dispatcher?.close();
  }

  /**
   * Fetches the article page at `raw`; throws NewsgraphError with a fetch code (URL_NOT_ALLOWED, …) otherwise. With
   * `allowFeed`, an RSS or Atom feed comes back too (`kind: 'feed'`), so `newsgraph ingest URL` takes either.
   */
  async fetchPage(raw: string, options: { readonly allowFeed?: boolean } = {}): Promise<FetchedPage> {
    const accept = options.allowFeed
      ? `text/html,application/xhtml+xml,${FEED_ACCEPT},text/plain;q=0.8`
      : 'text/html,application/xhtml+xml,text/plain;q=0.8';
    const fetched = await this.#fetchDocument(raw, accept, {});
    if (fetched.notModified) throw new Error('unreachable: no conditional headers were sent');
    const { url, response, redirects } = fetched;
    const contentType = response.headers.get('content-type') ?? '';
    const feed = isFeedDocument(contentType, response.body);
    if (feed && options.allowFeed) {
      return {
        requestedUrl: raw,
        url: url.href,
        contentType,
        text: decodeFeed(response.body),
        redirects,
        kind: 'feed',
      };
    }
    if (!ARTICLE_TYPES.test(contentType) || looksBinary(response.body) || feed) {
      throw new NewsgraphError(
        ErrorCode.NOT_AN_ARTICLE,
        feed
          ? `${url.href}: this is an RSS or Atom feed, not an article: load it with \`newsgraph ingest\` or add it under Feeds`
          : `${url.href}: this is ${contentType ? `a ${contentType.split(';')[0]} document` : 'a document without a content type'}${ARTICLE_TYPES.test(contentType) ? ' holding binary data' : ''}, not an HTML article: give the address of the article's web page`,
        { url: url.href, reason: feed ? 'FEED' : contentType.split(';')[0] || 'unknown' },
      );
    }
    return {
      requestedUrl: raw,
      url: url.href,
      contentType,
      text: decodePage(response.body, contentType, url.href),
      redirects,
      kind: 'article',
    };
  }

  /**
   * Fetches an RSS or Atom feed with a conditional request: when `validators` (the ETag and Last-Modified of the
   * last fetch) still hold, the site answers 304 and this returns `{ unchanged: true }` after that one request.
   */
  async fetchFeed(raw: string, validators: FeedValidators = {}): Promise<FetchedFeed> {
    const conditional: Record<string, string> = {};
    if (validators.etag) conditional['if-none-match'] = validators.etag;
    if (validators.lastModified) conditional['if-modified-since'] = validators.lastModified;
    const fetched = await this.#fetchDocument(raw, `${FEED_ACCEPT},text/html;q=0.1`, conditional);
    if (fetched.notModified) return { unchanged: true, url: fetched.url.href };
    const { url, response } = fetched;
    const contentType = response.headers.get('content-type') ?? '';
    if (!isFeedDocument(contentType, response.body)) {
      throw new NewsgraphError(
        ErrorCode.NOT_A_FEED,
        `${url.href}: this is ${contentType ? `a ${contentType.split(';')[0]} document` : 'a document without a content type'}, not an RSS or Atom feed: give the feed's address (often linked as "RSS" on the site)`,
        { url: url.href, reason: contentType.split(';')[0] || 'unknown' },
      );
    }
    return {
      unchanged: false,
      url: url.href,
      xml: decodeFeed(response.body),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  }

  /** GET with every redirect hop guarded and robots.txt obeyed; a 2xx or (for conditional requests) 304 comes back. */
  async #fetchDocument(
    raw: string,
    accept: string,
    conditional: Readonly<Record<string, string>>,
  ): Promise<
    { notModified: true; url: URL } | { notModified: false; url: URL; response: RawResponse; redirects: number }
  > {
    let url = parseArticleUrl(raw);
    for (let redirects = 0; ; redirects++) {
      await assertUrlAllowed(url, this.#policy());
      await this.#assertRobotsAllow(url);
      const response = await this.#request(url, accept, this.#options.maxBytes, conditional);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        if (redirects >= MAX_REDIRECTS) {
          throw new NewsgraphError(
            ErrorCode.FETCH_FAILED,
            `${raw}: more than ${MAX_REDIRECTS} redirects; open the link in a browser and give the address it ends at`,
            { url: raw, reason: 'TOO_MANY_REDIRECTS' },
          );
        }
        url = parseArticleUrl(new URL(location, url).href);
        continue;
      }
      if (response.status === 304 && Object.keys(conditional).length > 0) return { notModified: true, url };
      if (response.status < 200 || response.status >= 300) {
        throw new NewsgraphError(
          ErrorCode.HTTP_ERROR,
          `${url.href}: the site answered HTTP ${response.status}${response.status === 404 ? ' (not found): check the address' : response.status >= 500 ? ': the site has a problem, try again later' : ''}`,
          { url: url.href, status: response.status },
        );
      }
      return { notModified: false, url, response, redirects };
    }
  }

  #policy() {
    return {
      allowPrivate: this.#options.allowPrivate,
      ...(this.#options.resolve ? { resolve: this.#options.resolve } : {}),
    };
  }

  /** Refuses (ROBOTS_DISALLOWED) a page the site's robots.txt forbids to newsgraph. */
  async #assertRobotsAllow(url: URL): Promise<void> {
    let cached = this.#robots.get(url.origin);
    if (!cached || Date.now() - cached.at > ROBOTS_CACHE_MS) {
      const entry = { at: Date.now(), rules: this.#readRobots(url) };
      this.#robots.set(url.origin, entry);
      // A robots.txt that timed out or could not be reached is asked for again on the next load.
      entry.rules.catch(() => {
        if (this.#robots.get(url.origin) === entry) this.#robots.delete(url.origin);
      });
      cached = entry;
    }
    const rules = await cached.rules;
    const allowed =
      rules === 'allow-all'
        ? true
        : rules === 'disallow-all'
          ? false
          : rules.isAllowed(url.href, ROBOTS_AGENT) !== false;
    if (!allowed) {
      throw new NewsgraphError(
        ErrorCode.ROBOTS_DISALLOWED,
        `${url.href}: the site's robots.txt does not allow robots to fetch this page; paste the article text instead`,
        { url: url.href },
      );
    }
  }

  /**
   * The site's robots.txt as RFC 9309 reads it: missing (4xx) allows everything; a server error (5xx) disallows
   * everything for now; redirects are followed (within the site, each hop guarded).
   */
  async #readRobots(page: URL): Promise<Robots | 'allow-all' | 'disallow-all'> {
    let url = new URL('/robots.txt', page.origin);
    for (let redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
      await assertUrlAllowed(url, this.#policy());
      let response: RawResponse;
      try {
        response = await this.#request(url, 'text/plain', MAX_ROBOTS_BYTES);
      } catch (error) {
        // A robots.txt too large to read: its first part is what counts, but we refuse to guess.
        if (isNewsgraphError(error) && error.code === ErrorCode.FETCH_TOO_LARGE) return 'disallow-all';
        throw error;
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'allow-all';
        continue;
      }
      if (response.status >= 400 && response.status < 500) return 'allow-all';
      if (response.status >= 500) return 'disallow-all';
      return robotsParser(url.href, new TextDecoder().decode(response.body));
    }
    return 'allow-all';
  }

  /**
   * Waits for the host's next free slot, so one host sees at most one request per hostIntervalMs. The slot is
   * reserved here (concurrent loads queue) and pushed back again when the answer has been read (#request), so the
   * interval runs from the end of one request to the start of the next, as the site sees them.
   */
  async #politely(url: URL): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.#nextSlot.get(url.host) ?? 0);
    this.#nextSlot.set(url.host, slot + this.#options.hostIntervalMs);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  /** One GET without following redirects; the timeout covers the body too, and the body stops at maxBytes. */
  async #request(
    url: URL,
    accept: string,
    maxBytes: number,
    extraHeaders: Readonly<Record<string, string>> = {},
  ): Promise<RawResponse> {
    await this.#politely(url);
    const { timeoutMs } = this.#options;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const timedOut = () =>
      new NewsgraphError(
        ErrorCode.FETCH_TIMEOUT,
        `${url.href}: no complete answer within ${timeoutMs / 1000} s: the site is slow or down; try again later (NEWSGRAPH_FETCH_TIMEOUT_MS sets the limit)`,
        { url: url.href },
      );
    const tooLarge = (size: number | null) =>
      new NewsgraphError(
        ErrorCode.FETCH_TOO_LARGE,
        `${url.href}: the page is ${size === null ? 'larger than' : `${size} bytes, more than`} the limit of ${maxBytes} bytes; raise NEWSGRAPH_MAX_ARTICLE_BYTES if it really is one article`,
        { url: url.href, maxBytes },
      );
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        signal: controller.signal,
        ...(this.#dispatcher ? { dispatcher: this.#dispatcher } : {}),
        headers: { ...extraHeaders, 'user-agent': USER_AGENT, accept, 'accept-language': 'da, en;q=0.5' },
      });
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        controller.abort();
        throw tooLarge(declared);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = response.body?.getReader();
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          controller.abort();
          throw tooLarge(null);
        }
        chunks.push(value);
      }
      return { status: response.status, headers: response.headers, body: Buffer.concat(chunks) };
    } catch (error) {
      if (isNewsgraphError(error)) throw error;
      if (controller.signal.aborted) throw timedOut();
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code === PRIVATE_ADDRESS_ERROR) {
        throw new NewsgraphError(
          ErrorCode.URL_NOT_ALLOWED,
          `${url.href}: ${cause.message} (it changed since it was checked); newsgraph only fetches public web pages`,
          { url: url.href },
        );
      }
      throw new NewsgraphError(
        ErrorCode.FETCH_FAILED,
        `${url.href}: the site could not be reached (${cause?.code ?? cause?.message ?? (error as Error).message}); check the address and your network`,
        { url: url.href },
      );
    } finally {
      clearTimeout(timer);
      const next = Date.now() + this.#options.hostIntervalMs;
      if (next > (this.#nextSlot.get(url.host) ?? 0)) this.#nextSlot.set(url.host, next);
    }
  }
}
