// A small Danish news site on 127.0.0.1 and a free port, for the URL-loading tests: article pages with their
// furniture, a canonical duplicate, Latin-1 and JSON-LD pages, redirects, errors, a silent route, a huge page,
// a PDF, and a robots.txt forbidding /privat/.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/config.ts';

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
  /** Every request the site saw: path, time (ms since the epoch) and User-Agent. */
  readonly requests: { path: string; at: number; userAgent: string }[];
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: Buffer | string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
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
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', at: Date.now(), userAgent: req.headers['user-agent'] ?? '' });
    route(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
