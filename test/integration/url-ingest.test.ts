// Loading articles from URLs against a real local news site and a real Neo4j: what loads, what is unchanged, and
// every refusal with its code (robots.txt, redirects, 404, timeout, size, content type, the SSRF guard).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../server/cli/commands/ingest.ts';
import { MAX_REDIRECTS, PageFetcher, ROBOTS_AGENT } from '../../server/ingest/fetch/fetch.ts';
import { ingestUrl } from '../../server/ingest/urls.ts';
import { FIXTURES_DIR, useTestApp, useTestServer } from '../support/app.ts';
import { testNeo4j } from '../support/db.ts';
import { type NewsSite, startNewsSite } from '../support/news-site.ts';

const app = useTestApp();
let site: NewsSite;
beforeAll(async () => {
  site = await startNewsSite();
});
afterAll(async () => {
  await site.close();
});

/** A fetcher as the CLI builds one, with the guard switched off for 127.0.0.1 and no politeness wait. */
function fetcher(overrides: Partial<ConstructorParameters<typeof PageFetcher>[0]> = {}): PageFetcher {
  return new PageFetcher({
    timeoutMs: 2000,
    maxBytes: 2 * 1024 * 1024,
    hostIntervalMs: 0,
    allowPrivate: true,
    ...overrides,
  });
}

async function articleRow(id: string): Promise<Record<string, unknown>> {
  const session = app.database.driver.session();
  try {
    const result = await session.run(
      'MATCH (a:Article {id: $id}) RETURN a.title AS title, a.url AS url, a.publishedAt AS publishedAt, a.author AS author, a.text AS text',
      { id },
    );
    return result.records[0].toObject();
  } finally {
    await session.close();
  }
}

describe('ingestUrl', () => {
  it('loads a news page: title, date, canonical URL, body, "Læs også" and Navnenyt kept, furniture gone', async () => {
    const summary = await ingestUrl(app.pipeline, fetcher(), `${site.url}/nyheder/nordlys-koeber-fjordvagt`);
    expect(summary.status).toBe('new');
    expect(summary.title).toBe('Nordlys Data køber sikkerhedsfirmaet Fjordvagt');
    const article = await articleRow(summary.articleId);
    expect(article.url).toBe('https://tekniknyt.example/nyheder/nordlys-data-koeber-fjordvagt');
    expect(String(article.publishedAt)).toBe('2025-09-18');
    expect(article.author).toBe('Karen Holmgaard');
    expect(article.text).toMatch(/Fjordvagt har 85 ansatte/);
    for (const furniture of [
      /cookies/,
      /Skyfri Backup/,
      /Lynlinje/,
      /Bliv abonnent/,
      /Læses lige nu/,
      /Privatlivspolitik/,
    ])
      expect(article.text).not.toMatch(furniture);
    // The Navnenyt announcement became a fact: Solvej Dahl is employed by Fjordvagt.
    const session = app.database.driver.session();
    try {
      const hired = await session.run(
        "MATCH (p:Person)-[r:EMPLOYED_BY]->(c:Company) WHERE p.name = 'Solvej Dahl' RETURN c.name AS company, r.title AS title",
      );
      expect(hired.records.map((r) => r.get('company'))).toEqual([expect.stringMatching(/^Fjordvagt/)]);
    } finally {
      await session.close();
    }
    // Every request named the project.
    expect(site.requests.every((r) => r.userAgent.startsWith(`${ROBOTS_AGENT}/`))).toBe(true);
  });

  it('the same article under a second URL (canonical link) and the same URL again are unchanged', async () => {
    const f = fetcher();
    const first = await ingestUrl(app.pipeline, f, `${site.url}/nyheder/nordlys-koeber-fjordvagt`);
    const again = await ingestUrl(app.pipeline, f, `${site.url}/nyheder/nordlys-koeber-fjordvagt`);
    const amp = await ingestUrl(app.pipeline, f, `${site.url}/amp/nordlys-koeber-fjordvagt?utm_source=nyhedsbrev`);
    expect([first.status, again.status, amp.status]).toEqual(['new', 'unchanged', 'unchanged']);
    expect(amp.articleId).toBe(first.articleId);
    expect(await app.repositories.articles.count()).toBe(1);
  });

  it('decodes ISO-8859-1 pages from the header and from <meta charset>, windows-1252 punctuation included', async () => {
    const f = fetcher();
    const byHeader = await ingestUrl(app.pipeline, f, `${site.url}/arkiv/groensvaerd`);
    expect(byHeader.title).toBe('Grønsværd Software åbner kontor i Ålborg');
    const text = String((await articleRow(byHeader.articleId)).text);
    expect(text).toContain('„Vi får ikke nok ansøgere i hovedstaden');
    expect(text).toContain('18 millioner kroner – det bedste');
    expect(text).not.toMatch(/[\u0080-\u009f\ufffd]|Ã/);
    expect(String((await articleRow(byHeader.articleId)).publishedAt)).toBe('2009-03-12');
    // Without a charset in the header the <meta> decides; the same text comes back unchanged.
    expect((await ingestUrl(app.pipeline, f, `${site.url}/arkiv/groensvaerd-meta`)).status).toBe('unchanged');
  });

  it('takes the headline, date and author of a JSON-LD NewsArticle', async () => {
    const summary = await ingestUrl(app.pipeline, fetcher(), `${site.url}/jura/kystkraft`);
    const article = await articleRow(summary.articleId);
    expect(article.title).toBe('Retten giver Kystkraft medhold i sag mod Vindmølleværket');
    expect(String(article.publishedAt)).toBe('2024-11-05');
    expect(article.author).toBe('Ida Lindholm');
    expect(article.url).toBe('https://erhvervsugen.example/retten-giver-kystkraft-medhold');
    expect(article.text).not.toMatch(/Strømsparer|cookies/);
  });

  it(`follows ${MAX_REDIRECTS} redirects and refuses the ${MAX_REDIRECTS + 1}th`, async () => {
    const ok = await ingestUrl(app.pipeline, fetcher(), `${site.url}/r/${MAX_REDIRECTS}`);
    expect(ok.status).toBe('new');
    await expect(ingestUrl(app.pipeline, fetcher(), `${site.url}/r/${MAX_REDIRECTS + 1}`)).rejects.toMatchObject({
      code: 'FETCH_FAILED',
      details: { reason: 'TOO_MANY_REDIRECTS' },
    });
  });

  it.each([
    ['/mangler', 'HTTP_ERROR', /HTTP 404/],
    ['/privat/nordlys', 'ROBOTS_DISALLOWED', /robots\.txt/],
    ['/rapport.pdf', 'NOT_AN_ARTICLE', /application\/pdf/],
    ['/rapport-som-html', 'NOT_AN_ARTICLE', /binary/],
    ['/kaempe', 'FETCH_TOO_LARGE', /limit of 2097152 bytes/],
    ['/stille', 'FETCH_TIMEOUT', /within 0\.5 s/],
  ])('refuses %s with %s and writes nothing', async (path, code, message) => {
    const started = performance.now();
    await expect(ingestUrl(app.pipeline, fetcher({ timeoutMs: 500 }), `${site.url}${path}`)).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(await app.repositories.articles.count()).toBe(0);
  });

  it('waits a second between two requests to one host', async () => {
    const f = fetcher({ hostIntervalMs: 1000 });
    const before = site.requests.length;
    await ingestUrl(app.pipeline, f, `${site.url}/jura/kystkraft`);
    await ingestUrl(app.pipeline, f, `${site.url}/nyheder/nordlys-koeber-fjordvagt`);
    const times = site.requests.slice(before).map((r) => r.at); // robots.txt, page, page
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(1000);
  });

  it('the SSRF guard refuses 127.0.0.1 when private URLs are not allowed, before any request', async () => {
    const before = site.requests.length;
    await expect(
      ingestUrl(app.pipeline, fetcher({ allowPrivate: false }), `${site.url}/nyheder/nordlys-koeber-fjordvagt`),
    ).rejects.toMatchObject({
      code: 'URL_NOT_ALLOWED',
      message: expect.stringMatching(/NEWSGRAPH_ALLOW_PRIVATE_URLS/),
    });
    expect(site.requests.length).toBe(before);
  });
});

describe('DNS rebinding', () => {
  it('checks the addresses actually connected to: a name public at the check and private at connect is refused', async () => {
    // The check's resolver says "public"; the connection resolves localhost for real, to 127.0.0.1.
    const rebinding = fetcher({ allowPrivate: false, resolve: async () => ['93.184.215.14'] });
    const before = site.requests.length;
    await expect(
      ingestUrl(
        app.pipeline,
        rebinding,
        `${site.url.replace('127.0.0.1', 'localhost')}/nyheder/nordlys-koeber-fjordvagt`,
      ),
    ).rejects.toMatchObject({
      code: 'URL_NOT_ALLOWED',
      message: expect.stringMatching(/resolved to (127\.0\.0\.1|::1)/),
    });
    expect(site.requests.length).toBe(before);
    expect(await app.repositories.articles.count()).toBe(0);
  });
});

describe('newsgraph ingest with URLs', () => {
  async function ingest(env: Record<string, string>, ...args: string[]) {
    const { uri, user, password } = testNeo4j();
    for (const [name, value] of Object.entries({
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      NEWSGRAPH_FETCH_HOST_INTERVAL_MS: '0',
      NEWSGRAPH_FETCH_TIMEOUT_MS: '500',
      ...env,
    }))
      vi.stubEnv(name, value);
    let stdout = '';
    let stderr = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    try {
      return { code: await run(args), stdout, stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
      vi.unstubAllEnvs();
    }
  }

  it('loads URLs mixed with a folder; a bad URL is reported with its code and the rest still load (exit 1)', async () => {
    const result = await ingest(
      { NEWSGRAPH_ALLOW_PRIVATE_URLS: '1' },
      `${site.url}/nyheder/nordlys-koeber-fjordvagt`,
      FIXTURES_DIR,
      `${site.url}/mangler`,
      `${site.url}/stille`,
      `${site.url}/jura/kystkraft`,
    );
    expect(result.stdout).toMatch(/^Articles: 4 new, 0 unchanged, 2 failed \(2 files and 4 URLs in/m);
    expect(result.stderr).toMatch(/failed: .*\/mangler: the site answered HTTP 404.*\[HTTP_ERROR\]/);
    expect(result.stderr).toMatch(/failed: .*\/stille: no complete answer within 0\.5 s.*\[FETCH_TIMEOUT\]/);
    expect(result.code).toBe(1);
    expect(await app.repositories.articles.count()).toBe(4);
  });

  it('refuses 127.0.0.1 with URL_NOT_ALLOWED when NEWSGRAPH_ALLOW_PRIVATE_URLS is unset', async () => {
    const result = await ingest({}, '--json', `${site.url}/nyheder/nordlys-koeber-fjordvagt`);
    expect(result.code).toBe(1);
    const line = JSON.parse(result.stdout.trim().split('\n')[0]);
    expect(line).toMatchObject({
      file: `${site.url}/nyheder/nordlys-koeber-fjordvagt`,
      ok: false,
      code: 'URL_NOT_ALLOWED',
    });
    expect(await app.repositories.articles.count()).toBe(0);
  });
});

describe('the ingestUrl mutation', () => {
  const INGEST_URL = `mutation ($url: String!) {
    ingestUrl(url: $url) { articleId title status entitiesCreated relationsCreated eventsCreated createdNodeIds }
  }`;
  const server = useTestServer({ NEWSGRAPH_ALLOW_PRIVATE_URLS: '1', NEWSGRAPH_FETCH_HOST_INTERVAL_MS: '0' });
  const guarded = useTestServer({ NEWSGRAPH_FETCH_HOST_INTERVAL_MS: '0' });

  it('loads a page and returns the same summary as ingestArticle; a second address is unchanged', async () => {
    const first = await server.gql(INGEST_URL, { url: `${site.url}/nyheder/nordlys-koeber-fjordvagt` });
    expect(first.errors).toBeUndefined();
    expect(first.data?.ingestUrl).toMatchObject({
      title: 'Nordlys Data køber sikkerhedsfirmaet Fjordvagt',
      status: 'new',
      entitiesCreated: expect.any(Number),
    });
    expect(first.data?.ingestUrl.createdNodeIds.length).toBeGreaterThan(1);
    const amp = await server.gql(INGEST_URL, { url: `${site.url}/amp/nordlys-koeber-fjordvagt` });
    expect(amp.data?.ingestUrl).toMatchObject({ status: 'unchanged', articleId: first.data?.ingestUrl.articleId });
  });

  it('reports a refused URL with its code (and the HTTP status) in extensions', async () => {
    const missing = await server.gql(INGEST_URL, { url: `${site.url}/mangler` });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'HTTP_ERROR', status: 404 });
    const ftp = await server.gql(INGEST_URL, { url: 'file:///etc/passwd' });
    expect(ftp.errors?.[0].extensions.code).toBe('URL_NOT_ALLOWED');
    const metadata = await guarded.gql(INGEST_URL, { url: 'http://169.254.169.254/latest/meta-data/' });
    expect(metadata.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/private, loopback or link-local/),
      extensions: { code: 'URL_NOT_ALLOWED' },
    });
    const local = await guarded.gql(INGEST_URL, { url: `${site.url}/nyheder/nordlys-koeber-fjordvagt` });
    expect(local.errors?.[0].extensions.code).toBe('URL_NOT_ALLOWED');
    expect(await app.repositories.articles.count()).toBe(0);
  });
});
