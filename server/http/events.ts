// Server-sent events at /events: tells open explorers that articles were loaded (by a watched feed or anyone using
// this server), so they can offer to draw what changed. One-way and plain HTTP, so the Host allow-list and origin
// guard in main.ts apply as to every route; streams are capped and kept open by a heartbeat comment.
import type { Request, Response } from 'express';
import type { LoadSummary } from '../model.ts';

/** Open streams at most; more get 503 (each holds a socket; a tab holds one). */
export const MAX_EVENT_STREAMS = 100;
/** A comment line this often keeps proxies and browsers from closing an idle stream. */
export const EVENT_HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting a dropped stream (the `retry:` field). */
const RECONNECT_MS = 5_000;

/** The header an explorer tab names itself with, so it can tell its own loads from others' in articles-loaded. */
export const CLIENT_ID_HEADER = 'x-newsgraph-client';

export type ServerEvent =
  | {
      readonly type: 'articles-loaded';
      /** The feed URL, the page URL or "GraphQL input" the articles came from. */
      readonly source: string;
      /** The explorer tab whose request loaded them (its CLIENT_ID_HEADER), or null (a feed, a script). */
      readonly clientId: string | null;
      /** Each new article's load summary, as ingestArticle returns it (the explorer highlights from it). */
      readonly articles: readonly LoadSummary[];
    }
  | { readonly type: 'feeds-changed' };

/** The open /events streams; `publish` sends to all of them. */
export class EventHub {
  readonly #streams = new Set<Response>();
  readonly #maxStreams: number;
  readonly #heartbeatMs: number;

  constructor(options: { maxStreams?: number; heartbeatMs?: number } = {}) {
    this.#maxStreams = options.maxStreams ?? MAX_EVENT_STREAMS;
    this.#heartbeatMs = options.heartbeatMs ?? EVENT_HEARTBEAT_MS;
  }

  get size(): number {
    return this.#streams.size;
  }

  /** The Express handler of GET /events. */
  readonly handle = (request: Request, response: Response): void => {
    if (this.#streams.size >= this.#maxStreams) {
      response
        .status(503)
        .set('retry-after', '30')
        .type('text/plain')
        .send(`too many open event streams (${this.#maxStreams}): close other explorer tabs`);
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
    this.#streams.add(response);
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), this.#heartbeatMs);
    heartbeat.unref();
    const close = (): void => {
      clearInterval(heartbeat);
      this.#streams.delete(response);
    };
    request.once('close', close);
    response.once('close', close);
  };

  /** Sends `event` to every open stream, as an SSE message whose event name is its type. */
  publish(event: ServerEvent): void {
    const message = `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
    for (const stream of this.#streams) stream.write(message);
  }

  /** Ends every stream (server shutdown), so close() does not wait for them. */
  closeAll(): void {
    for (const stream of this.#streams) stream.end();
    this.#streams.clear();
  }
}
