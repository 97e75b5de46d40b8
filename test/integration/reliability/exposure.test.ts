// Exposure: loopback-only by default, no CORS for other origins, cross-site simple requests refused, mutations locked off loopback.
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
