// Exposure: loopback-only by default, Host names checked (DNS rebinding), no CORS for other origins, cross-site simple requests refused, mutations locked off loopback.
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config.ts';
import { type RunningServer, startServer } from '../../../server/main.ts';
import { startTestServer } from '../../support/app.ts';
import { testNeo4j } from '../../support/db.ts';

let server: RunningServer;

beforeAll(async () => {
  // Only PORT and demo data are set: host is the default.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', NEWSGRAPH_DEMO_DATA: '0' };
  delete env.HOST;
  server = await startServer(readConfig(env), testNeo4j());
});
afterAll(async () => {
  await server?.close();
});

/** An address of this machine that is not loopback, if it has one. */
function externalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return undefined;
}

describe('by default', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(readConfig({}).host).toBe('127.0.0.1');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const external = externalAddress();
    if (external) {
      const port = new URL(server.url).port;
      await expect(fetch(`http://${external}:${port}/health`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow();
    }
  });
});

describe('other origins', () => {
  it('get no CORS headers, even on a preflight, and are refused', async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { articles } }' }),
    });
    expect(post.status).toBe(403);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    const health = await fetch(`${server.url}/health`, { headers: { origin: 'https://evil.example' } });
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('cannot make a "simple" cross-site request (form post, no JSON content type) run a mutation', async () => {
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { deleteArticle(id: "article:x") { deleted } }' }),
    });
    expect(form.status).toBe(400);
    const get = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('mutation { deleteArticle(id: "article:x") { deleted } }')}`,
    );
    expect(get.status).toBe(400);
  });
});

describe('beyond loopback without NEWSGRAPH_API_TOKEN', () => {
  it('refuses every mutation, whatever token is sent; reads still work', async () => {
    const open = await startTestServer({ HOST: '0.0.0.0', NEWSGRAPH_API_TOKEN: '' });
    try {
      for (const authorization of [undefined, 'Bearer ', 'Bearer anything']) {
        const response = await open.gql(
          'mutation { deleteArticle(id: "article:x") { deleted } }',
          {},
          authorization ? { authorization } : {},
        );
        expect(response.status).toBe(401);
        expect(response.errors![0].extensions.code).toBe('UNAUTHORIZED');
      }
      expect((await open.gql('{ stats { articles } }')).errors).toBeUndefined();
    } finally {
      await open.close();
    }
  });
});

/** A raw HTTP request with the Host header we choose (fetch sets its own). */
function rawPost(
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: Record<string, any> }> {
  return new Promise((resolveRequest, rejectRequest) => {
    const target = new URL('/graphql', url);
    const payload = JSON.stringify(body);
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolveRequest({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      },
    );
    req.once('error', rejectRequest);
    req.end(payload);
  });
}

describe('DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1', () => {
  const deleteMutation = { query: 'mutation { deleteArticle(id: "article:x") { deleted } }' };
  const read = { query: '{ stats { articles } }' };

  it('is refused with 421 before GraphQL runs, for queries and mutations, even with a matching Origin', async () => {
    const port = new URL(server.url).port;
    for (const body of [deleteMutation, read]) {
      for (const headers of <Record<string, string>[]>[
        { host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
        { host: `evil.example:${port}` },
        { host: 'evil.example' },
      ]) {
        const response = await rawPost(server.url, headers, body);
        expect(response.status, JSON.stringify(headers)).toBe(421);
        expect(response.body.data).toBeUndefined();
        expect(response.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'HOST_NOT_ALLOWED' });
        expect(response.body.errors[0].message).toMatch(/NEWSGRAPH_ALLOWED_HOSTS/);
      }
    }
    // The explorer and /health too: a rebinding page reads nothing from this server.
    const health = await new Promise<number>((resolveHealth, rejectHealth) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/health', headers: { host: 'evil.example' } },
        (res) => {
          res.resume();
          resolveHealth(res.statusCode ?? 0);
        },
      );
      req.once('error', rejectHealth).end();
    });
    expect(health).toBe(421);
  });

  it('answers the loopback names; an Origin naming another host is refused even when it matches the Host', async () => {
    const port = new URL(server.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const response = await rawPost(server.url, { host, origin: `http://${host}` }, read);
      expect(response.status, host).toBe(200);
      expect(response.body.data.stats.articles).toBeGreaterThanOrEqual(0);
    }
  });

  it('a name in NEWSGRAPH_ALLOWED_HOSTS is answered, its own origin allowed; the origin check does not trust Host', async () => {
    const named = await startTestServer({ NEWSGRAPH_ALLOWED_HOSTS: 'newsgraph.example.org, Other.Example' });
    try {
      const port = new URL(named.url).port;
      const ok = await rawPost(
        named.url,
        { host: `newsgraph.example.org:${port}`, origin: `http://newsgraph.example.org:${port}` },
        read,
      );
      expect(ok.status).toBe(200);
      expect((await rawPost(named.url, { host: `other.example:${port}` }, read)).status).toBe(200);
      // An allowed Host with a foreign Origin (the old check compared Origin with Host only).
      const foreign = await rawPost(
        named.url,
        { host: `newsgraph.example.org:${port}`, origin: `http://evil.example:${port}` },
        deleteMutation,
      );
      expect(foreign.status).toBe(403);
      expect(foreign.body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await rawPost(named.url, { host: `evil.example:${port}` }, read)).status).toBe(421);
    } finally {
      await named.close();
    }
  });
});
