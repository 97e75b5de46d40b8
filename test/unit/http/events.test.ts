// The /events hub on a real HTTP server: messages reach every open stream, the stream cap answers 503, closed
// streams are forgotten.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../../server/http/events.ts';
import { unchangedSummary } from '../../../server/model.ts';

let server: Server | undefined;
const streams: AbortController[] = [];

afterEach(async () => {
  for (const s of streams.splice(0)) s.abort();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(hub: EventHub): Promise<string> {
  const app = express();
  app.get('/events', hub.handle);
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
}

/** Opens a stream and returns a reader of its text. */
async function open(url: string) {
  const controller = new AbortController();
  streams.push(controller);
  const response = await fetch(url, { signal: controller.signal });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    response,
    /** Reads until `pattern` has arrived. */
    async until(pattern: RegExp): Promise<string> {
      while (!pattern.test(text) && reader) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      return text;
    },
  };
}

describe('EventHub', () => {
  it('sends articles-loaded to every open stream as a named SSE message', async () => {
    const hub = new EventHub();
    const url = await serve(hub);
    const a = await open(url);
    const b = await open(url);
    expect(a.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await a.until(/: connected/);
    await b.until(/: connected/);
    expect(hub.size).toBe(2);
    const summary = { ...unchangedSummary('a1', 'Kattegat Cloud bygger datacenter'), status: 'new' as const };
    hub.publish({
      type: 'articles-loaded',
      source: 'https://tekniknyt.example/rss',
      clientId: null,
      articles: [summary],
    });
    for (const stream of [a, b]) {
      const text = await stream.until(/event: articles-loaded\ndata: .*\n\n/);
      const data = JSON.parse(/event: articles-loaded\ndata: (.*)\n\n/.exec(text)?.[1] ?? 'null');
      expect(data.articles).toEqual([expect.objectContaining({ articleId: 'a1', status: 'new' })]);
    }
  });

  it('answers 503 beyond the stream cap and frees a slot when a stream closes', async () => {
    const hub = new EventHub({ maxStreams: 1 });
    const url = await serve(hub);
    const first = await open(url);
    await first.until(/: connected/);
    const refused = await fetch(url);
    expect(refused.status).toBe(503);
    expect(await refused.text()).toMatch(/too many open event streams/);
    streams[0].abort();
    await expect.poll(() => hub.size).toBe(0);
    const again = await open(url);
    expect(again.response.status).toBe(200);
  });

  it('sends a heartbeat comment on an idle stream', async () => {
    const hub = new EventHub({ heartbeatMs: 50 });
    const url = await serve(hub);
    const stream = await open(url);
    expect(await stream.until(/: heartbeat\n\n/)).toMatch(/: heartbeat/);
  });
});
