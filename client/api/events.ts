// The server's event stream (/events, server-sent events): one EventSource per tab, shared by every subscriber.
import { CLIENT_ID } from './client.ts';
import type { IngestResult } from './types.ts';

/** Same origin as the page, like /graphql. */
export const EVENTS_URL = '/events';

export interface ArticlesLoaded {
  /** The feed or page the articles came from. */
  source: string;
  /** Summaries of the new articles, as the Load panel's results. */
  articles: IngestResult[];
}

type Handlers = { 'articles-loaded': (event: ArticlesLoaded) => void; 'feeds-changed': () => void };

const subscribers = { 'articles-loaded': new Set(), 'feeds-changed': new Set() } as {
  [K in keyof Handlers]: Set<Handlers[K]>;
};
let source: EventSource | null = null;

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource(EVENTS_URL);
  source.addEventListener('articles-loaded', (message) => {
    let data: { source?: string; clientId?: string | null; articles?: IngestResult[] };
    try {
      data = JSON.parse((message as MessageEvent<string>).data);
    } catch {
      return; // a message we cannot read is dropped, not shown
    }
    // This tab's own loads are drawn by the Load panel already.
    if (data.clientId === CLIENT_ID || !Array.isArray(data.articles) || data.articles.length === 0) return;
    const event = { source: String(data.source ?? ''), articles: data.articles };
    for (const handler of subscribers['articles-loaded']) handler(event);
  });
  source.addEventListener('feeds-changed', () => {
    for (const handler of subscribers['feeds-changed']) handler();
  });
}

function closeIfUnused(): void {
  if (source && subscribers['articles-loaded'].size + subscribers['feeds-changed'].size === 0) {
    source.close();
    source = null;
  }
}

/** Calls `handler` for every `type` event until the returned function is called. The browser reconnects by itself. */
export function subscribe<K extends keyof Handlers>(type: K, handler: Handlers[K]): () => void {
  subscribers[type].add(handler);
  open();
  return () => {
    subscribers[type].delete(handler);
    closeIfUnused();
  };
}
